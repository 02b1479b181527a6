package org.summittracker.account.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.Notice;

/**
 * A person's personal access tokens for the JSON API: made, named, scoped and revoked
 * here. A new token's secret is shown on the answer to the form that made it, once, and
 * never stored.
 */
@Controller
class AccessTokenController {

	private final AccessTokens tokens;

	private final Actors actors;

	AccessTokenController(AccessTokens tokens, Actors actors) {
		this.tokens = tokens;
		this.actors = actors;
	}

	/** The form that makes a token: its name and scope. */
	record NewToken(String name, String scope) {

		static NewToken empty() {
			return new NewToken("", "read");
		}

		boolean mayWrite() {
			return "write".equals(this.scope);
		}

	}

	@ModelAttribute("scopeChoices")
	List<Choice> scopeChoices() {
		return List.of(Choice.coded("read", "token.scope.read"), Choice.coded("write", "token.scope.write"));
	}

	@GetMapping("/account/tokens")
	String list(Model model) {
		model.addAttribute("form", NewToken.empty());
		return page(this.actors.required(), model);
	}

	@PostMapping("/account/tokens")
	String create(@ModelAttribute("form") NewToken form, BindingResult result, Model model,
			HttpServletResponse response) {
		Actor actor = this.actors.required();
		if (form.scope() == null || !List.of("read", "write").contains(form.scope())) {
			result.rejectValue("scope", "token.scope.choose");
		}
		// The secret is in this answer only: no redirect (which would keep it in the
		// HTTP session), and no cache.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return FormSubmission.handle(result, () -> this.tokens.checkCreate(actor, form.name()), response, () -> {
			model.addAttribute("issued", this.tokens.create(actor, form.name(), form.mayWrite()));
			model.addAttribute("form", NewToken.empty());
			return page(actor, model);
		}, () -> page(actor, model), () -> page(actor, model));
	}

	/**
	 * Revokes a token once its owner has seen which and confirmed (scripts using it stop
	 * at once): the first submission only shows it.
	 */
	@PostMapping("/account/tokens/{id}/revocation")
	String revoke(@PathVariable long id, @RequestParam(required = false) Boolean confirmed, Model model,
			RedirectAttributes redirect) {
		Actor actor = this.actors.required();
		if (!Boolean.TRUE.equals(confirmed)) {
			model.addAttribute("revoking", this.tokens.live(actor, id));
			model.addAttribute("form", NewToken.empty());
			return page(actor, model);
		}
		Notice.flash(redirect, "token.revoked", this.tokens.revoke(actor, id));
		return "redirect:/account/tokens";
	}

	private String page(Actor actor, Model model) {
		model.addAttribute("tokens", this.tokens.of(actor));
		return "account/tokens";
	}

}
