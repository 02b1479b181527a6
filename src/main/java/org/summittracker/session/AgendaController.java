package org.summittracker.session;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import org.summittracker.account.NotAllowedException;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.session.SessionAuthoring.Direction;
import org.summittracker.session.SessionForms.DayForm;
import org.summittracker.session.SessionForms.SessionForm;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.RuleViolation;

/**
 * The agenda: organizers create and edit sessions, reorder them within a day and move one
 * to another day. The rules are {@link SessionAuthoring}'s.
 */
@Controller
class AgendaController {

	private static final String BASE = "/events/{event}/sessions/{session}";

	private final EventRepository events;

	private final SessionRepository sessions;

	private final SessionAuthoring authoring;

	AgendaController(EventRepository events, SessionRepository sessions, SessionAuthoring authoring) {
		this.events = events;
		this.sessions = sessions;
		this.authoring = authoring;
	}

	@GetMapping("/events/{event}/sessions/new")
	String initCreationForm(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@RequestParam(required = false) LocalDate day, Model model) {
		requireOrganizer(actor);
		Event event = event(eventSlug);
		model.addAttribute("form", SessionForm.empty((day != null) ? day : event.getStartsOn()));
		return form(event, null, model, "sessions/new");
	}

	@PostMapping("/events/{event}/sessions")
	String processCreationForm(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@Valid @ModelAttribute("form") SessionForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		Event event = event(eventSlug);
		return FormSubmission.handle(result, () -> this.authoring.checkNew(event.getId(), form.draft()), response,
				() -> {
					Session session = this.authoring.create(event.getId(), form.draft(), actor);
					Notice.flash(redirect, "session.created", session.getTitle());
					return "redirect:/events/" + event.getSlug() + "#session-" + session.getSlug();
				}, () -> form(event, null, model, "sessions/new"));
	}

	@GetMapping(BASE + "/edit")
	String initUpdateForm(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, Model model) {
		requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		model.addAttribute("form", SessionForm.of(session));
		return form(session.getEvent(), session, model, "sessions/edit");
	}

	@PostMapping(BASE)
	String processUpdateForm(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, @Valid @ModelAttribute("form") SessionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result, () -> this.authoring.checkEdit(session.getId(), form.draft()), response,
				() -> {
					Session saved = this.authoring.edit(session.getId(), form.version(), form.draft(), actor);
					Notice.flash(redirect, "session.saved", saved.getTitle());
					return "redirect:/events/" + eventSlug + "/sessions/" + saved.getSlug();
				}, () -> form(session.getEvent(), session, model, "sessions/edit"), () -> {
					Session current = session(eventSlug, slug);
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					model.addAttribute("form", SessionForm.of(current));
					model.addAttribute("mine", form);
					model.addAttribute("problem", new Notice("session.conflict"));
					return form(current.getEvent(), current, model, "sessions/edit");
				});
	}

	/** Up or down within its day, from the timetable; back to the timetable at it. */
	@PostMapping(BASE + "/order")
	String move(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, @RequestParam(required = false) Direction direction,
			RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		try {
			this.authoring.move(session.getId(), (direction != null) ? direction : Direction.UP, actor);
			Notice.flash(redirect, "session.moved", session.getTitle());
		}
		catch (RuleViolation ex) {
			// Nothing to move past: the timetable says so, and nothing changed.
			Notice.flash(redirect, ex.problems().get(0).code(), session.getTitle());
		}
		return "redirect:/events/" + eventSlug + "#session-" + slug;
	}

	/** To another day, from the timetable's small form. */
	@PostMapping(BASE + "/day")
	String moveToDay(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, @Valid @ModelAttribute("dayForm") DayForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		return FormSubmission.handle(result, response, () -> {
			this.authoring.moveToDay(session.getId(), form.day(), form.version(), actor);
			Notice.flash(redirect, "session.moved-to-day", session.getTitle(), form.day().toString());
			return "redirect:/events/" + eventSlug + "#session-" + slug;
		}, () -> {
			// The day belongs to the timetable's small form: said above the session's
			// form.
			org.springframework.validation.ObjectError error = (result.getFieldError("day") != null)
					? result.getFieldError("day") : result.getGlobalError();
			if (error instanceof org.springframework.validation.FieldError field && field.isBindingFailure()) {
				// Not a day at all: said as the session's form says it.
				model.addAttribute("problem", new Notice("typeMismatch.java.time.LocalDate"));
			}
			else if (error != null) {
				model.addAttribute("problem", new Notice(error.getCode(), error.getArguments()));
			}
			model.addAttribute("form", SessionForm.of(session));
			return form(session.getEvent(), session, model, "sessions/edit");
		}, () -> {
			model.addAttribute("problem", new Notice("session.conflict"));
			model.addAttribute("form", SessionForm.of(session(eventSlug, slug)));
			return form(session.getEvent(), session, model, "sessions/edit");
		});
	}

	private String form(Event event, Session session, Model model, String view) {
		model.addAttribute("event", event);
		// "session" would shadow Thymeleaf's own session variable.
		model.addAttribute("summitSession", session);
		model.addAttribute("statusChoices",
				SessionForms.choosable((session != null) ? session.getStatus() : null)
					.stream()
					.map((status) -> Choice.coded(status.name(), "session.status." + status.name()))
					.toList());
		// Suggested leads: who takes part already; anyone else by typing their handle.
		List<Choice> leads = (session == null) ? List.of()
				: this.sessions.findParticipantEntries(session.getId())
					.stream()
					.map(SessionViews.ParticipantEntry::handle)
					.distinct()
					.map((handle) -> Choice.of(handle, handle))
					.toList();
		model.addAttribute("leadChoices", leads);
		return view;
	}

	private Event event(String slug) {
		return this.events.findBySlug(slug).orElseThrow(() -> new NotFoundException("No event " + slug));
	}

	private Session session(String eventSlug, String slug) {
		return this.sessions.findBySlugs(eventSlug, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + eventSlug));
	}

	static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(actor.isOrganizer(), "session.denied.agenda");
	}

}
