package org.summittracker.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.resolution.ResolutionRepository;
import org.summittracker.resolution.ResolutionView;
import org.summittracker.session.FormerFilters;
import org.summittracker.session.NoteOrigins;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.Pages;
import org.summittracker.shared.PublicAddress;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;
import org.summittracker.followup.FollowUpForms.Filters;
import org.summittracker.followup.FollowUpForms.FollowUpForm;
import org.summittracker.followup.FollowUpForms.StatusForm;

/**
 * Follow-ups: organizers assign them from a session; their owner or an organizer revises
 * them and moves their status; everyone lists them, filtered by URL, and subscribes to a
 * person's calendar feed.
 */
@Controller
class FollowUpController {

	static final int PAGE_SIZE = 25;

	private static final int FEED_LIMIT = 500;

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final ResolutionRepository resolutions;

	private final PersonRepository people;

	private final EventRepository events;

	private final FollowUps followUps;

	private final FollowUpQueries queries;

	private final Clock clock;

	private final NoteOrigins noteOrigins;

	private final FollowUpRepository followUpRecords;

	private final PublicAddress address;

	private final FormerFilters formerFilters;

	FollowUpController(SessionRepository sessions, ConcernRepository concerns, ResolutionRepository resolutions,
			PersonRepository people, EventRepository events, FollowUps followUps, FollowUpQueries queries, Clock clock,
			NoteOrigins noteOrigins, FollowUpRepository followUpRecords, PublicAddress address,
			FormerFilters formerFilters) {
		this.formerFilters = formerFilters;
		this.noteOrigins = noteOrigins;
		this.followUpRecords = followUpRecords;
		this.address = address;
		this.sessions = sessions;
		this.concerns = concerns;
		this.resolutions = resolutions;
		this.people = people;
		this.events = events;
		this.followUps = followUps;
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/events/{event}/sessions/{session}/follow-ups/new")
	String initCreationForm(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@RequestParam(required = false) Long fromNote, Model model) {
		requireOrganizer(actor);
		Session summitSession = session(event, session);
		// "Add follow-up" from a discussion note: prefilled from the note, linked to it.
		FollowUpForm form = (fromNote != null) ? FollowUpForm.from(this.noteOrigins.in(summitSession.getId(), fromNote))
				: FollowUpForm.empty();
		model.addAttribute("form", form);
		return newForm(summitSession, form, model);
	}

	@PostMapping("/events/{event}/sessions/{session}/follow-ups")
	String processCreationForm(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@Valid @ModelAttribute("form") FollowUpForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session summitSession = session(event, session);
		return FormSubmission.handle(result,
				() -> checked(form, () -> this.followUps.checkAssign(summitSession.getId(), draft(form), actor)),
				response, () -> {
					FollowUp followUp = typed(form,
							() -> this.followUps.assign(summitSession.getId(), draft(form), actor));
					Notice.flash(redirect, "followup.assigned", followUp.getOwner().getHandle());
					return "redirect:/follow-ups/" + followUp.getId();
				}, () -> newForm(summitSession, form, model));
	}

	@GetMapping("/follow-ups")
	Object list(@ModelAttribute("filters") Filters filters, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		List<Choice> eventChoices = this.queries.events();
		String ownerHandle = blankToNull(filters.owner());
		// A handle typed in, not a choice among every owner: a summit has thousands.
		if (ownerHandle != null
				&& (ownerHandle.length() > Person.HANDLE_MAX || this.people.findByHandle(ownerHandle).isEmpty())) {
			binding.rejectValue("owner", "person.unknown", new Object[] { PlainText.printable(ownerHandle) }, null);
		}
		String eventSlug = blankToNull(filters.event());
		if (eventSlug != null && eventChoices.stream().noneMatch((c) -> c.value().equals(eventSlug))
				&& (eventSlug.length() > Event.SLUG_MAX || this.events.findBySlug(eventSlug).isEmpty())) {
			binding.rejectValue("event", "followup.filter.event", new Object[] { PlainText.printable(eventSlug) },
					null);
		}
		String sessionSlug = blankToNull(filters.session());
		if (sessionSlug != null && (sessionSlug.length() > Session.SLUG_MAX
				|| !this.queries.hasSession(binding.hasFieldErrors("event") ? null : eventSlug, sessionSlug))) {
			binding.rejectValue("session", "followup.filter.session", new Object[] { PlainText.printable(sessionSlug) },
					null);
		}
		boolean overdueOnly = Boolean.TRUE.equals(filters.overdue());
		Map<String, String> params = new LinkedHashMap<>();
		params.put("owner", ownerHandle);
		params.put("status", (filters.status() != null) ? filters.status().slug() : null);
		params.put("event", eventSlug);
		params.put("session", sessionSlug);
		params.put("overdue", overdueOnly ? "yes" : null);
		model.addAttribute("eventChoices", eventChoices.stream().map((e) -> Choice.of(e.value(), e.label())).toList());
		model.addAttribute("statusChoices",
				Arrays.stream(FollowUpStatus.values())
					.map((s) -> Choice.coded(s.slug(), "followup.status." + s.name()))
					.toList());
		model.addAttribute("params", params);
		model.addAttribute("today", today());
		if (binding.hasErrors()) {
			// A list mailed before an event, a session or a person was renamed: the same
			// list under the new names.
			Optional<RedirectView> moved = this.formerFilters.moved(request, "owner");
			if (moved.isPresent()) {
				return moved.get();
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("followUps", new PageImpl<FollowUpListing>(List.of()));
			model.addAttribute("base", "/follow-ups");
			return "followups/list";
		}
		FollowUpFilter filter = new FollowUpFilter(ownerHandle, filters.status(), eventSlug, sessionSlug, overdueOnly);
		Page<FollowUpListing> found = this.queries.page(filter, today(), Pages.request(filters.pageNumber(), PAGE_SIZE),
				false);
		model.addAttribute("followUps", found);
		model.addAttribute("filtered", !filter.isEmpty());
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/follow-ups");
		params.forEach((name, value) -> {
			if (value != null) {
				base.queryParam(name, value);
			}
		});
		model.addAttribute("base", base.build().encode().toUriString());
		return "followups/list";
	}

	@GetMapping("/follow-ups/{id}")
	String show(@CurrentActor Actor actor, @PathVariable long id, Model model) {
		FollowUpListing followUp = listing(id);
		if (FollowUps.mayUpdate(actor, followUp.ownerId())) {
			model.addAttribute("form", formOf(followUp));
		}
		return page(actor, followUp, model);
	}

	@PostMapping("/follow-ups/{id}")
	String processUpdateForm(@CurrentActor Actor actor, @PathVariable long id,
			@Valid @ModelAttribute("form") FollowUpForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		FollowUpListing current = listing(id);
		actor.require(FollowUps.mayUpdate(actor, current.ownerId()), "followup.denied.change");
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result,
				() -> checked(form, () -> this.followUps.checkRevise(id, draft(form), actor)), response, () -> {
					typed(form, () -> this.followUps.revise(id, form.version(), draft(form), actor));
					Notice.flash(redirect, "followup.saved");
					return "redirect:/follow-ups/" + id;
				}, () -> page(actor, current, model), () -> conflict(actor, id, model));
	}

	@PostMapping("/follow-ups/{id}/status")
	String move(@CurrentActor Actor actor, @PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		FollowUpListing current = listing(id);
		actor.require(FollowUps.mayUpdate(actor, current.ownerId()), "followup.denied.status");
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result,
				() -> this.followUps.checkMove(id, form.version(), form.status(), form.reason(), actor), response,
				() -> {
					this.followUps.move(id, form.version(), form.status(), form.reason(), actor);
					Notice.flash(redirect, "followup.moved." + form.status());
					return "redirect:/follow-ups/" + id;
				}, () -> {
					model.addAttribute("form", formOf(current));
					return page(actor, current, model);
				}, () -> conflict(actor, id, model));
	}

	@GetMapping("/people/{handle}/follow-ups.ics")
	ResponseEntity<String> calendar(@PathVariable String handle) {
		Person person = this.people.findByHandle(handle)
			.orElseThrow(() -> new NotFoundException("No person " + handle));
		String body = FollowUpCalendar.render(person.getHandle(), person.getName(),
				this.queries.datedFor(handle, FEED_LIMIT), this.address.baseUrl(), this.clock.instant());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(FollowUpCalendar.MEDIA_TYPE))
			.header("Content-Disposition", "inline; filename=\"" + handle + "-follow-ups.ics\"")
			.body(body);
	}

	/**
	 * Nothing was saved: the follow-up as it is now, with forms against its current
	 * version.
	 */
	private String conflict(Actor actor, long id, Model model) {
		FollowUpListing fresh = listing(id);
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "statusForm");
		model.addAttribute("problem", new Notice("followup.conflict"));
		model.addAttribute("form", formOf(fresh));
		model.addAttribute("statusForm", new StatusForm(fresh.status(), "", fresh.version()));
		return page(actor, fresh, model);
	}

	private static FollowUpDraft draft(FollowUpForm form) {
		return new FollowUpDraft(form.title(), form.owner(), form.dueOn(), form.concernChosen(),
				form.resolutionChosen(), form.fromNote());
	}

	/**
	 * Makes the change; a concern key the session does not know is refused on the field
	 * it was typed in when one was typed.
	 */
	private static <T> T typed(FollowUpForm form, Supplier<T> change) {
		try {
			return change.get();
		}
		catch (RuleViolation ex) {
			RuleViolation onTyped = form.typesConcern() ? ex.on("concern", "concernKey") : ex;
			throw form.typesResolution() ? onTyped.on("resolution", "resolutionNumber") : onTyped;
		}
	}

	/** The same for the domain's check of the form, which changes nothing. */
	private static void checked(FollowUpForm form, Runnable check) {
		typed(form, () -> {
			check.run();
			return null;
		});
	}

	private static FollowUpForm formOf(FollowUpListing f) {
		return new FollowUpForm(f.title(), f.ownerHandle(), f.dueOn(), (f.concernKey() != null) ? f.concernKey() : "",
				null, f.resolutionSeq(), null, f.version(), null);
	}

	private String newForm(Session session, FollowUpForm form, Model model) {
		model.addAttribute("summitSession", session);
		model.addAttribute("event", session.getEvent());
		model.addAttribute("base", "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug());
		options(session.getId(), blankToNull(form.concern()), form.resolution(), model);
		return "followups/new";
	}

	private String page(Actor actor, FollowUpListing followUp, Model model) {
		model.addAttribute("followUp", followUp);
		model.addAttribute("fromNote", this.followUpRecords.findNoteOrigin(followUp.id()).orElse(null));
		model.addAttribute("history", this.queries.history(followUp.id()));
		model.addAttribute("today", today());
		model.addAttribute("statusChoices",
				Arrays.stream(FollowUpStatus.values())
					.filter((s) -> s != followUp.status())
					.map((s) -> Choice.coded(s.name(), "followup.status." + s.name()))
					.toList());
		boolean mayUpdate = FollowUps.mayUpdate(actor, followUp.ownerId());
		model.addAttribute("mayUpdate", mayUpdate);
		model.addAttribute("mayReassign", actor != null && actor.isOrganizer());
		if (mayUpdate) {
			if (!model.containsAttribute("statusForm")) {
				model.addAttribute("statusForm", new StatusForm(followUp.status(), "", followUp.version()));
			}
			Session session = session(followUp.eventSlug(), followUp.sessionSlug());
			options(session.getId(), followUp.concernKey(), followUp.resolutionSeq(), model);
		}
		return "followups/show";
	}

	/**
	 * The choices of a follow-up form: the first of the session's concerns (the open ones
	 * first) and {@code chosen}, the key of the one it addresses, wherever it is; any
	 * other is typed by its key. Likewise the latest of the session's resolutions and
	 * {@code chosenResolution}, the number of the one it implements; any other is typed
	 * by its number.
	 */
	private void options(Long sessionId, String chosen, Integer chosenResolution, Model model) {
		Page<ConcernChoice> concernChoices = this.concerns.findChoices(sessionId, chosen);
		model.addAttribute("concernChoices",
				concernChoices.map((c) -> Choice.of(c.key(), c.key() + ": " + c.title())).getContent());
		model.addAttribute("concernsMore", concernChoices.getTotalElements() > concernChoices.getNumberOfElements());
		Page<ResolutionView> resolutionChoices = this.resolutions.findChoices(sessionId, chosenResolution);
		model.addAttribute("resolutionChoices",
				resolutionChoices.map((r) -> Choice.coded(r.seq(), "followup.resolution.option", r.seq(),
						new DefaultMessageSourceResolvable("outcome." + r.outcome().name()), abbreviate(r.statement())))
					.getContent());
		model.addAttribute("resolutionsMore",
				resolutionChoices.getTotalElements() > resolutionChoices.getNumberOfElements());
	}

	private FollowUpListing listing(long id) {
		return this.queries.find(id).orElseThrow(() -> new NotFoundException("No follow-up " + id));
	}

	private Session session(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	/** A resolution's statement as a choice shows it: at most 70 characters. */
	private static String abbreviate(String statement) {
		return (statement.length() > 70) ? statement.substring(0, 67) + "..." : statement;
	}

	private static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(FollowUps.mayAssign(actor), "followup.denied.assign");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
