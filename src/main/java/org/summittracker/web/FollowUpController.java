package org.summittracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.event.EventRepository;
import org.summittracker.followup.FollowUp;
import org.summittracker.followup.FollowUpCalendar;
import org.summittracker.followup.FollowUpDraft;
import org.summittracker.followup.FollowUpFilter;
import org.summittracker.followup.FollowUpListing;
import org.summittracker.followup.FollowUpQueries;
import org.summittracker.followup.FollowUpQueries.Choice;
import org.summittracker.followup.FollowUpRuleException;
import org.summittracker.followup.FollowUpStatus;
import org.summittracker.followup.FollowUps;
import org.summittracker.followup.StaleFollowUpException;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.resolution.ResolutionRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.web.FollowUpForms.FollowUpForm;
import org.summittracker.web.FollowUpForms.StatusForm;

/**
 * Follow-ups: organizers assign them from a session; their owner or an organizer revises
 * them and moves their status; everyone lists them, filtered by URL, and subscribes to a
 * person's calendar feed.
 */
@Controller
class FollowUpController {

	static final int PAGE_SIZE = 25;

	private static final int FEED_LIMIT = 500;

	private static final String CONFLICT = "Someone changed this follow-up while you were editing it. Nothing was "
			+ "saved; this is its current state. Make your change again if it is still needed.";

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final ResolutionRepository resolutions;

	private final PersonRepository people;

	private final EventRepository events;

	private final FollowUps followUps;

	private final FollowUpQueries queries;

	private final Clock clock;

	FollowUpController(SessionRepository sessions, ConcernRepository concerns, ResolutionRepository resolutions,
			PersonRepository people, EventRepository events, FollowUps followUps, FollowUpQueries queries,
			Clock clock) {
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
			Model model) {
		ResolutionController.requireOrganizer(actor);
		Session summitSession = session(event, session);
		model.addAttribute("form", FollowUpForm.empty());
		return newForm(summitSession, model);
	}

	@PostMapping("/events/{event}/sessions/{session}/follow-ups")
	String processCreationForm(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@Valid @ModelAttribute("form") FollowUpForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ResolutionController.requireOrganizer(actor);
		Session summitSession = session(event, session);
		FollowUpDraft draft = draft(form, result);
		if (!result.hasErrors()) {
			try {
				FollowUp followUp = this.followUps.assign(summitSession.getId(), draft, actor);
				redirect.addFlashAttribute("message", "Follow-up assigned to " + draft.ownerHandle().strip() + ".");
				return "redirect:/follow-ups/" + followUp.getId();
			}
			catch (FollowUpRuleException ex) {
				result.rejectValue(ex.field(), "follow-up.rule", ex.getMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return newForm(summitSession, model);
	}

	@GetMapping("/follow-ups")
	String list(@RequestParam(required = false) String owner, @RequestParam(required = false) String status,
			@RequestParam(required = false) String event, @RequestParam(required = false) String overdue,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletResponse response) {
		List<Choice> eventChoices = this.queries.events();
		List<String> problems = new ArrayList<>();
		String ownerHandle = blankToNull(owner);
		// A handle typed in, not a choice among every owner: a summit has thousands.
		if (ownerHandle != null && (ownerHandle.length() > 64 || this.people.findByHandle(ownerHandle).isEmpty())) {
			problems.add("Nobody has the handle “" + ownerHandle + "”.");
		}
		FollowUpStatus statusValue = null;
		if (blankToNull(status) != null) {
			statusValue = FollowUpStatus.fromSlug(status);
			if (statusValue == null) {
				problems.add("“" + status + "” is not a status; choose open, in-progress, done or dropped.");
			}
		}
		String eventSlug = blankToNull(event);
		if (eventSlug != null && eventChoices.stream().noneMatch((c) -> c.value().equals(eventSlug))
				&& (eventSlug.length() > 120 || this.events.findBySlug(eventSlug).isEmpty())) {
			problems.add("There is no event “" + eventSlug + "”.");
		}
		boolean overdueOnly = false;
		if (blankToNull(overdue) != null) {
			overdueOnly = "yes".equals(overdue);
			if (!overdueOnly) {
				problems.add("The overdue filter takes only “yes”.");
			}
		}
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("owner", ownerHandle);
		filters.put("status", (statusValue != null) ? statusValue.slug() : null);
		filters.put("event", eventSlug);
		filters.put("overdue", overdueOnly ? "yes" : null);
		model.addAttribute("events", eventChoices);
		model.addAttribute("statuses", FollowUpStatus.values());
		model.addAttribute("filters", filters);
		model.addAttribute("today", today());
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problems", problems);
			model.addAttribute("followUps", new PageImpl<FollowUpListing>(List.of()));
			model.addAttribute("base", "/follow-ups");
			return "followups/list";
		}
		FollowUpFilter filter = new FollowUpFilter(ownerHandle, statusValue, eventSlug, overdueOnly);
		Page<FollowUpListing> found = this.queries.page(filter, today(), Pages.request(page, PAGE_SIZE));
		model.addAttribute("followUps", found);
		model.addAttribute("filtered", !filter.isEmpty());
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/follow-ups");
		filters.forEach((name, value) -> {
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
		actor.require(FollowUps.mayUpdate(actor, current.ownerId()),
				"Only the follow-up's owner or an organizer may change it.");
		FollowUpDraft draft = draft(form, result);
		if (form.version() == null) {
			result.reject("version.missing", "The form was incomplete; reload the page and try again.");
		}
		if (!result.hasErrors()) {
			try {
				this.followUps.revise(id, form.version(), draft, actor);
				redirect.addFlashAttribute("message", "Follow-up saved.");
				return "redirect:/follow-ups/" + id;
			}
			catch (FollowUpRuleException ex) {
				result.rejectValue(ex.field(), "follow-up.rule", ex.getMessage());
			}
			catch (StaleFollowUpException | ObjectOptimisticLockingFailureException ex) {
				return conflict(actor, id, model, response);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(actor, current, model);
	}

	@PostMapping("/follow-ups/{id}/status")
	String move(@CurrentActor Actor actor, @PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		FollowUpListing current = listing(id);
		actor.require(FollowUps.mayUpdate(actor, current.ownerId()),
				"Only the follow-up's owner or an organizer may change its status.");
		FollowUpStatus to = FollowUpStatus.fromSlug(form.status());
		if (to == null) {
			result.rejectValue("status", "status.unknown", "Choose a status from the list.");
		}
		if (form.version() == null) {
			result.reject("version.missing", "The form was incomplete; reload the page and try again.");
		}
		if (!result.hasErrors()) {
			try {
				this.followUps.move(id, form.version(), to, form.reason(), actor);
				redirect.addFlashAttribute("message",
						"Follow-up marked " + to.label().toLowerCase(java.util.Locale.ROOT) + ".");
				return "redirect:/follow-ups/" + id;
			}
			catch (FollowUpRuleException ex) {
				result.rejectValue(("reason".equals(ex.field())) ? "reason" : "status", "follow-up.rule",
						ex.getMessage());
			}
			catch (StaleFollowUpException | ObjectOptimisticLockingFailureException ex) {
				return conflict(actor, id, model, response);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("form", formOf(current));
		return page(actor, current, model);
	}

	@GetMapping("/people/{handle}/follow-ups.ics")
	ResponseEntity<String> calendar(@PathVariable String handle, HttpServletRequest request) {
		Person person = this.people.findByHandle(handle)
			.orElseThrow(() -> new NotFoundException("No person " + handle));
		String baseUrl = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		String body = FollowUpCalendar.render(person.getHandle(), person.getName(),
				this.queries.datedFor(handle, FEED_LIMIT), baseUrl, this.clock.instant());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(FollowUpCalendar.MEDIA_TYPE))
			.header("Content-Disposition", "inline; filename=\"" + handle + "-follow-ups.ics\"")
			.body(body);
	}

	private String conflict(Actor actor, long id, Model model, HttpServletResponse response) {
		FollowUpListing fresh = listing(id);
		response.setStatus(HttpStatus.CONFLICT.value());
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "statusForm");
		model.addAttribute("problem", CONFLICT);
		model.addAttribute("form", formOf(fresh));
		model.addAttribute("statusForm", new StatusForm(fresh.status().slug(), "", fresh.version()));
		return page(actor, fresh, model);
	}

	private FollowUpDraft draft(FollowUpForm form, BindingResult result) {
		if (form.title() == null || form.title().isBlank()) {
			result.rejectValue("title", "title.blank", "Say what is to be done.");
		}
		if (form.owner() == null || form.owner().isBlank()) {
			result.rejectValue("owner", "owner.blank", "Give the owner's handle.");
		}
		LocalDate dueOn = FollowUpForms.date(form.dueOn(), "dueOn", result);
		Integer seq = FollowUpForms.seq(form.resolution(), result);
		return new FollowUpDraft(form.title(), form.owner(), dueOn, blankToNull(form.concern()), seq);
	}

	private static FollowUpForm formOf(FollowUpListing f) {
		return new FollowUpForm(f.title(), f.ownerHandle(), (f.dueOn() != null) ? f.dueOn().toString() : "",
				(f.concernKey() != null) ? f.concernKey() : "",
				(f.resolutionSeq() != null) ? f.resolutionSeq().toString() : "", f.version());
	}

	private String newForm(Session session, Model model) {
		model.addAttribute("summitSession", session);
		model.addAttribute("event", session.getEvent());
		model.addAttribute("base", ResolutionController.base(session));
		options(session.getId(), model);
		return "followups/new";
	}

	private String page(Actor actor, FollowUpListing followUp, Model model) {
		model.addAttribute("followUp", followUp);
		model.addAttribute("history", this.queries.history(followUp.id()));
		model.addAttribute("today", today());
		model.addAttribute("statuses", FollowUpStatus.values());
		boolean mayUpdate = FollowUps.mayUpdate(actor, followUp.ownerId());
		model.addAttribute("mayUpdate", mayUpdate);
		model.addAttribute("mayReassign", actor != null && actor.isOrganizer());
		if (mayUpdate) {
			if (!model.containsAttribute("statusForm")) {
				model.addAttribute("statusForm", new StatusForm(followUp.status().slug(), "", followUp.version()));
			}
			Session session = session(followUp.eventSlug(), followUp.sessionSlug());
			options(session.getId(), model);
		}
		return "followups/show";
	}

	private void options(Long sessionId, Model model) {
		model.addAttribute("concerns", this.concerns.findSummaries(sessionId));
		model.addAttribute("resolutions", this.resolutions.findViews(sessionId));
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

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
