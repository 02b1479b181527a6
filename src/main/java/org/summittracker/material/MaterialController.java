package org.summittracker.material;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.KeptReads;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * A session's material page: everyone reads every item (withdrawn ones struck, with their
 * reason); organizers and the session's leads, speakers and note-takers add, edit and
 * withdraw items there.
 */
@Controller
class MaterialController {

	private static final String PATH = "/events/{event}/sessions/{session}/material";

	private final SessionMaterial material;

	private final MaterialQueries queries;

	private final JdbcTemplate jdbc;

	private final KeptReads kept;

	MaterialController(SessionMaterial material, MaterialQueries queries, JdbcTemplate jdbc, KeptReads kept) {
		this.material = material;
		this.queries = queries;
		this.jdbc = jdbc;
		this.kept = kept;
	}

	@GetMapping(PATH)
	@Transactional(readOnly = true)
	String list(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session, Model model) {
		SessionHeader header = header(event, session);
		model.addAttribute("form", MaterialForm.empty());
		return page(actor, header, model);
	}

	@PostMapping(PATH)
	String add(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@Valid @ModelAttribute("form") MaterialForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		SessionHeader header = header(event, session);
		this.material.require(actor, header.id());
		return FormSubmission.handle(result, () -> this.material.check(form.draft()), response, () -> {
			Material added = this.material.add(header.id(), form.draft(), actor);
			Notice.flash(redirect, "material.added", added.getTitle());
			return "redirect:" + base(header) + "/material#material-" + added.getId();
		}, () -> page(actor, header, model));
	}

	@PostMapping(PATH + "/{id}")
	String edit(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@PathVariable long id, @Valid @ModelAttribute("form") MaterialForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		SessionHeader header = header(event, session);
		this.material.require(actor, header.id());
		MaterialView item = item(header, id);
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		model.addAttribute("editing", item);
		return FormSubmission.handle(result, () -> this.material.check(form.draft()), response, () -> {
			Material edited = this.material.edit(header.id(), id, form.version(), form.draft(), actor);
			Notice.flash(redirect, "material.edited", edited.getTitle());
			return "redirect:" + base(header) + "/material#material-" + id;
		}, () -> page(actor, header, model), () -> conflict(actor, header, model));
	}

	@PostMapping(PATH + "/{id}/withdrawal")
	String withdraw(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@PathVariable long id, @Valid @ModelAttribute("withdrawal") WithdrawalForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		SessionHeader header = header(event, session);
		this.material.require(actor, header.id());
		MaterialView item = item(header, id);
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		model.addAttribute("withdrawing", item);
		return FormSubmission.handle(result, response, () -> {
			Material withdrawn = this.material.withdraw(header.id(), id, form.version(), form.reason(), actor);
			Notice.flash(redirect, "material.withdrawn", withdrawn.getTitle());
			return "redirect:" + base(header) + "/material#material-" + id;
		}, () -> {
			model.addAttribute("form", MaterialForm.empty());
			return page(actor, header, model);
		}, () -> conflict(actor, header, model));
	}

	/**
	 * Nothing was saved: the page as it is now, saying so, with fresh forms at the
	 * current versions.
	 */
	private String conflict(Actor actor, SessionHeader header, Model model) {
		model.addAttribute("problem", new Notice("material.conflict"));
		model.asMap().remove("editing");
		model.asMap().remove("withdrawing");
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "withdrawal");
		model.addAttribute("form", MaterialForm.empty());
		return page(actor, header, model);
	}

	private String page(Actor actor, SessionHeader header, Model model) {
		// "session" would shadow Thymeleaf's own session variable.
		model.addAttribute("summitSession", header);
		model.addAttribute("event", header.event());
		model.addAttribute("base", base(header));
		model.addAttribute("items", this.queries.all(header.id()));
		model.addAttribute("mayChange", this.material.mayChange(actor, header.id()));
		model.addAttribute("kindChoices", Choice.of(MaterialKind.values(), "material.kind."));
		return "material/list";
	}

	private MaterialView item(SessionHeader header, long id) {
		return this.queries.find(header.id(), id)
			.orElseThrow(() -> new NotFoundException("No material " + id + " in this session"));
	}

	private SessionHeader header(String event, String slug) {
		List<SessionHeader> found = this.kept.read("MaterialController.header", List.of(event, slug),
				() -> this.jdbc.query(SessionHeader.BY_SLUGS, (row, n) -> SessionHeader.of(row), event, slug));
		if (found.isEmpty()) {
			throw new NotFoundException("No session " + slug + " in " + event);
		}
		return found.get(0);
	}

	private static String base(SessionHeader header) {
		return "/events/" + header.event().slug() + "/sessions/" + header.slug();
	}

}
