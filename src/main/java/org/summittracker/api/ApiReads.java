package org.summittracker.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.summittracker.account.Actor;
import org.summittracker.account.ApiToken;
import org.summittracker.account.CurrentActor;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.event.EventView;
import org.summittracker.minutes.MinutesDocuments;
import org.summittracker.minutes.SessionMinutes;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.TimetableSlot;
import org.summittracker.shared.NotFoundException;

/**
 * Reading events, their sessions (a session as its JSON minutes have it), people and
 * subsystems.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class ApiReads {

	private final EventRepository events;

	private final SessionRepository sessions;

	private final MinutesDocuments minutes;

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	ApiReads(EventRepository events, SessionRepository sessions, MinutesDocuments minutes, PersonRepository people,
			SubsystemRepository subsystems, MaintainershipRepository maintainerships) {
		this.events = events;
		this.sessions = sessions;
		this.minutes = minutes;
		this.people = people;
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
	}

	/** An event, as lists and its own address show it. */
	record EventItem(String slug, String name, LocalDate startsOn, LocalDate endsOn, String location,
			String description, String status) {

		static EventItem of(EventView event) {
			return new EventItem(event.slug(), event.name(), event.startsOn(), event.endsOn(), event.location(),
					event.description(), event.status().name().toLowerCase());
		}

	}

	/**
	 * A session in its event's schedule: the key of its main proposal (null while it
	 * discusses none) and what it decides (that proposal's statement, or the session's
	 * own text), as its minutes' session has them; its lead a person as the session has
	 * it (with no address).
	 */
	record SessionItem(String slug, String title, LocalDate day, Instant scheduledAt, Integer durationMinutes,
			String room, String status, @Schema(description = SessionMinutes.PROPOSAL_KEY) String proposal,
			@Schema(description = SessionMinutes.STATEMENT) String statement, SessionMinutes.PersonRef lead) {

		static SessionItem of(TimetableSlot slot) {
			return new SessionItem(slot.slug(), slot.title(), slot.day(), slot.scheduledAt(), slot.durationMinutes(),
					slot.room(), slot.status().name().toLowerCase(), slot.proposalKey(),
					(slot.proposal() == null || slot.proposal().isBlank()) ? null : slot.proposal(),
					(slot.leadHandle() != null) ? new SessionMinutes.PersonRef(slot.leadHandle(), slot.leadName(), null)
							: null);
		}

	}

	/** A person. */
	record PersonItem(String handle, String name, String email, String affiliation) {

		static PersonItem of(Person person) {
			return new PersonItem(person.getHandle(), person.getName(), person.getEmail(), person.getAffiliation());
		}

	}

	/** A subsystem; its maintainers and reviewers on its own address. */
	record SubsystemItem(String slug, String name, String status, String mailingList, List<PersonItem> maintainers,
			List<PersonItem> reviewers) {

		static SubsystemItem of(Subsystem subsystem) {
			return new SubsystemItem(subsystem.getSlug(), subsystem.getName(),
					subsystem.getStatus().name().toLowerCase(), subsystem.getMailingList(), null, null);
		}

	}

	/**
	 * Who the token acts as: the account's username, its person's handle (if any), its
	 * roles, and the token's name and scopes.
	 */
	record Me(String username, String handle, List<String> roles, String token, List<String> scopes) {

	}

	@GetMapping("/me")
	Me me(@CurrentActor Actor actor, HttpServletRequest request) {
		ApiToken token = (ApiToken) request.getAttribute(ApiToken.ATTRIBUTE);
		return new Me(actor.username(), actor.personHandle(), actor.roles().stream().map(ApiEnums::slug).toList(),
				token.name(), token.mayWrite() ? List.of("read", "write") : List.of("read"));
	}

	@GetMapping("/events")
	ResponseEntity<ApiPage<EventItem>> events(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return ApiPage.of(this.events.findUpcomingFirst(ApiPage.request(page, size)), EventItem::of);
	}

	@GetMapping("/events/{event}")
	EventItem event(@PathVariable String event) {
		return EventItem.of(EventView.of(findEvent(event)));
	}

	@GetMapping("/events/{event}/sessions")
	ResponseEntity<ApiPage<SessionItem>> sessions(@PathVariable String event,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return ApiPage.of(this.sessions.findTimetable(findEvent(event).getId(), ApiPage.request(page, size)),
				SessionItem::of);
	}

	/**
	 * Everything about one session, with the field names of its JSON minutes:
	 * participants, notes, concerns, buy-in, readiness, resolutions and follow-ups.
	 */
	@GetMapping("/events/{event}/sessions/{session}")
	SessionMinutes session(@PathVariable String event, @PathVariable String session) {
		return this.minutes.of(session(event, session, this.sessions).getId());
	}

	@GetMapping("/people")
	ResponseEntity<ApiPage<PersonItem>> people(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return ApiPage.of(this.people.findCurrent(ApiPage.request(page, size)), PersonItem::of);
	}

	@GetMapping("/people/{handle}")
	PersonItem person(@PathVariable String handle) {
		return this.people.findByHandle(handle)
			.map(PersonItem::of)
			.orElseThrow(() -> new NotFoundException("No person " + handle));
	}

	@GetMapping("/subsystems")
	ResponseEntity<ApiPage<SubsystemItem>> subsystems(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return ApiPage.of(this.subsystems.findAll(ApiPage.request(page, size).withSort(Sort.by("slug", "id"))),
				SubsystemItem::of);
	}

	@GetMapping("/subsystems/{slug}")
	SubsystemItem subsystem(@PathVariable String slug) {
		Subsystem subsystem = this.subsystems.findBySlug(slug)
			.orElseThrow(() -> new NotFoundException("No subsystem " + slug));
		List<SubsystemMaintainer> who = this.maintainerships.findBySubsystemIds(List.of(subsystem.getId()));
		SubsystemItem item = SubsystemItem.of(subsystem);
		return new SubsystemItem(item.slug(), item.name(), item.status(), item.mailingList(),
				who.stream().filter(SubsystemMaintainer::isMaintainer).map(ApiReads::person).toList(),
				who.stream().filter((m) -> !m.isMaintainer()).map(ApiReads::person).toList());
	}

	private Event findEvent(String slug) {
		return this.events.findBySlug(slug).orElseThrow(() -> new NotFoundException("No event " + slug));
	}

	static Session session(String event, String session, SessionRepository sessions) {
		return sessions.findBySlugs(event, session)
			.orElseThrow(() -> new NotFoundException("No session " + session + " in " + event));
	}

	private static PersonItem person(SubsystemMaintainer m) {
		return new PersonItem(m.handle(), m.name(), m.email(), null);
	}

}
