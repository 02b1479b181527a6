package org.summittracker.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
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
import org.summittracker.account.CurrentActor;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.session.SessionForms.ParticipantForm;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * Who takes part in a session, in which role: organizers add people (picked by handle or
 * name, or created on the spot) and remove them.
 */
@Controller
class ParticipantsController {

	private static final String BASE = "/events/{event}/sessions/{session}/participants";

	/** How many people a search suggests. */
	static final int SUGGESTIONS = 20;

	private final SessionRepository sessions;

	private final PersonRepository people;

	private final MaintainershipRepository maintainerships;

	private final SessionAuthoring authoring;

	ParticipantsController(SessionRepository sessions, PersonRepository people,
			MaintainershipRepository maintainerships, SessionAuthoring authoring) {
		this.sessions = sessions;
		this.people = people;
		this.maintainerships = maintainerships;
		this.authoring = authoring;
	}

	@GetMapping(BASE)
	String page(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, @RequestParam(required = false) String q, Model model) {
		AgendaController.requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		model.addAttribute("form", ParticipantForm.empty());
		return page(session, q, model);
	}

	@PostMapping(BASE)
	String add(@CurrentActor Actor actor, @PathVariable("event") String eventSlug, @PathVariable("session") String slug,
			@Valid @ModelAttribute("form") ParticipantForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		AgendaController.requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		return FormSubmission.handle(result,
				() -> this.authoring.checkParticipant(session.getId(), form.draft(), actor), response, () -> {
					Person person = this.authoring.addParticipant(session.getId(), form.draft(), actor);
					Notice.flash(redirect, "participant.added." + form.role().name(), person.getName());
					return "redirect:" + path(session) + "#add";
				}, () -> page(session, form.person(), model));
	}

	@PostMapping(BASE + "/{id}/removal")
	String remove(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, @PathVariable long id, RedirectAttributes redirect) {
		AgendaController.requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		this.authoring.removeParticipant(session.getId(), id, actor);
		Notice.flash(redirect, "participant.removed");
		return "redirect:" + path(session);
	}

	private String page(Session session, String q, Model model) {
		model.addAttribute("event", session.getEvent());
		model.addAttribute("summitSession", session);
		model.addAttribute("base", "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug());
		model.addAttribute("participants", this.sessions.findParticipantEntries(session.getId()));
		String text = (q != null) ? q.strip().toLowerCase(Locale.ROOT) : "";
		model.addAttribute("q", text);
		model.addAttribute("roleChoices", Choice.of(Participant.Role.values(), "participant.role."));
		model.addAttribute("suggestions", suggestions(session, text));
		return "sessions/participants";
	}

	/**
	 * People whose handle or name starts with what was searched; without a search, the
	 * maintainers and reviewers of the affected subsystems.
	 */
	private List<Choice> suggestions(Session session, String text) {
		Map<String, String> byHandle = new LinkedHashMap<>();
		if (!text.isEmpty()) {
			String prefix = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			this.people.suggest(prefix, PageRequest.of(0, SUGGESTIONS))
				.forEach((p) -> byHandle.put(p.getHandle(), p.getName()));
		}
		else {
			List<Long> affected = this.sessions.findAffectedSubsystems(List.of(session.getId()))
				.stream()
				.map(SessionViews.AffectedSubsystem::subsystemId)
				.toList();
			if (!affected.isEmpty()) {
				for (SubsystemMaintainer m : this.maintainerships.findBySubsystemIds(affected)) {
					if (byHandle.size() < 5 * SUGGESTIONS) {
						byHandle.putIfAbsent(m.handle(), m.name());
					}
				}
			}
		}
		return byHandle.entrySet().stream().map((e) -> Choice.of(e.getKey(), e.getValue())).toList();
	}

	private Session session(String eventSlug, String slug) {
		return this.sessions.findBySlugs(eventSlug, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + eventSlug));
	}

	private static String path(Session session) {
		return "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug() + "/participants";
	}

}
