package org.summittracker.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.account.internal.AccountForms.PasswordChange;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * A signed-in person changes their own password. Their other sessions are signed out;
 * this one stays signed in, under a new session id and with a new CSRF token (as at
 * sign-in), so that neither learnt before the change serves after it.
 */
@Controller
class OwnPasswordController {

	private final OwnPasswords passwords;

	private final AccountRepository accounts;

	private final Actors actors;

	private final CsrfAuthenticationStrategy csrfTokens;

	OwnPasswordController(OwnPasswords passwords, AccountRepository accounts, Actors actors,
			SessionCsrfTokens csrfTokens) {
		this.passwords = passwords;
		this.accounts = accounts;
		this.actors = actors;
		this.csrfTokens = new CsrfAuthenticationStrategy(csrfTokens);
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("form", PasswordChange.empty(account(this.actors.required()).getPasswordVersion()));
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@Valid @ModelAttribute("form") PasswordChange form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Actor actor = this.actors.required();
		String address = request.getRemoteAddr();
		String view = FormSubmission.handle(result, () -> this.passwords.check(actor, address, form.currentPassword(),
				form.password(), form.passwordAgain()), response, () -> {
					this.passwords.change(actor, address, form.version(), form.currentPassword(), form.password(),
							form.passwordAgain());
					AccountPrincipal principal = AccountPrincipal.of(account(actor));
					AccountSessions.renew(principal, request);
					this.csrfTokens.onAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
							principal.getAuthorities()), request, response);
					Notice.flash(redirect, "account.password.changed");
					return "redirect:/account/password";
				}, () -> "account/password", () -> {
					model.addAttribute("problem", new Notice("account.password.conflict"));
					model.addAttribute("form", PasswordChange.empty(account(actor).getPasswordVersion()));
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					return "account/password";
				});
		if (result.getFieldErrors("currentPassword")
			.stream()
			.anyMatch((error) -> "account.password.current.refused".equals(error.getCode()))) {
			// Too many wrong passwords: the throttle's answer, as at sign-in.
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		}
		return view;
	}

	/** The signed-in account as it is now. */
	private Account account(Actor actor) {
		return this.accounts.findWithRoles(actor.accountId())
			.orElseThrow(() -> new NotFoundException("No account " + actor.accountId()));
	}

}
