package org.summittracker.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.audit.AuditableChange;
import org.summittracker.directory.PersonAuthoring;
import org.summittracker.directory.PersonDraft;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.RuleViolation.Problem;
import org.summittracker.shared.Slugs;
import org.summittracker.shared.StaleVersionException;

/**
 * Organizers lay out an event's agenda: create and edit sessions, reorder them within a
 * day, move one to another day, and say who takes part and which subsystems the proposal
 * affects. Sessions are never deleted (a cancelled one stays, shown as cancelled); a
 * changed slug keeps its old addresses (301). Every change is in the audit trail and the
 * session's history.
 */
@Service
public class SessionAuthoring {

	/** Which way a session moves in its day. */
	public enum Direction {

		UP, DOWN

	}

	private final SessionRepository sessions;

	private final SessionFormerSlugRepository formerSlugs;

	private final ParticipantRepository participants;

	private final EventRepository events;

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final PersonAuthoring personAuthoring;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	SessionAuthoring(SessionRepository sessions, SessionFormerSlugRepository formerSlugs,
			ParticipantRepository participants, EventRepository events, PersonRepository people,
			SubsystemRepository subsystems, PersonAuthoring personAuthoring, ApplicationEventPublisher publisher,
			Clock clock) {
		this.sessions = sessions;
		this.formerSlugs = formerSlugs;
		this.participants = participants;
		this.events = events;
		this.people = people;
		this.subsystems = subsystems;
		this.personAuthoring = personAuthoring;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** Whether the actor may lay out agendas: organizers. */
	public static boolean mayAuthor(Actor actor) {
		return actor != null && actor.isOrganizer();
	}

	@Transactional
	public Session create(Long eventId, SessionDraft draft, Actor actor) {
		requireOrganizer(actor);
		Event event = this.events.findById(eventId).orElseThrow(() -> new RuleViolation(null, "event.unknown"));
		Checked checked = check(event, draft, null);
		String slug;
		if (blank(draft.slug())) {
			String base = Slugs.of(checked.title(), "session", 80);
			slug = Slugs.firstFree(base, this.sessions.findSlugsTakenStartingWith(event.getId(), base));
		}
		else {
			slug = draft.slug().strip();
		}
		Session session = new Session(event, slug, checked.title(), Integer.MAX_VALUE, checked.proposal(),
				checked.lead());
		session.revise(checked.title(), checked.proposal(), checked.summary(), checked.lead(), checked.status(),
				checked.room(), draft.durationMinutes());
		session.place(draft.day(), draft.startTime());
		session = this.sessions.save(session);
		placeInDay(session);
		if (checked.lead() != null) {
			ensureParticipant(session, checked.lead(), Participant.Role.LEAD);
		}
		audit(actor, "SESSION_CREATED", session, "Created the session " + slug + ": " + describe(session));
		return session;
	}

	@Transactional
	public Session edit(Long sessionId, long expectedVersion, SessionDraft draft, Actor actor) {
		requireOrganizer(actor);
		Session session = find(sessionId);
		if (session.getVersion() != expectedVersion) {
			throw new StaleVersionException("Session", sessionId);
		}
		Event event = session.getEvent();
		Checked checked = check(event, draft, session);
		String before = describe(session);
		String oldSlug = session.getSlug();
		String slug = blank(draft.slug()) ? oldSlug : draft.slug().strip();
		if (!slug.equals(oldSlug)) {
			this.formerSlugs.release(session.getId(), slug);
			this.formerSlugs.save(new SessionFormerSlug(session, oldSlug, Instant.now(this.clock)));
			session.reslug(slug);
		}
		LocalDate oldDay = session.getDay();
		LocalTime oldStart = session.getStartTime();
		boolean newText = checked.proposal() != null && !checked.proposal().equals(session.getProposal());
		session.revise(checked.title(), checked.proposal(), checked.summary(), checked.lead(), checked.status(),
				checked.room(), draft.durationMinutes());
		session.place(draft.day(), draft.startTime());
		this.sessions.saveAndFlush(session);
		if (newText) {
			this.publisher.publishEvent(new SessionProposalText(session.getId(), checked.proposal(), actor.username()));
		}
		if (!Objects.equals(oldDay, session.getDay()) || !Objects.equals(oldStart, session.getStartTime())) {
			placeInDay(session);
		}
		if (checked.lead() != null) {
			ensureParticipant(session, checked.lead(), Participant.Role.LEAD);
		}
		audit(actor, "SESSION_EDITED", session, before + " → " + describe(session)
				+ (oldSlug.equals(slug) ? "" : " (slug " + oldSlug + " → " + slug + ")"));
		return session;
	}

	/**
	 * Refuses, every problem at once, what {@link #create} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkNew(Long eventId, SessionDraft draft) {
		check(this.events.findById(eventId).orElseThrow(() -> new RuleViolation(null, "event.unknown")), draft, null);
	}

	/**
	 * Refuses, every problem at once, what {@link #edit} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkEdit(Long sessionId, SessionDraft draft) {
		Session session = find(sessionId);
		check(session.getEvent(), draft, session);
	}

	/**
	 * Moves a session before the one above it in its day (or after the one below), and
	 * swaps their start times, so the timetable keeps its slots.
	 */
	@Transactional
	public void move(Long sessionId, Direction direction, Actor actor) {
		requireOrganizer(actor);
		Session session = find(sessionId);
		List<Session> order = inOrder(session.getEvent().getId());
		int at = order.indexOf(session);
		int other = (direction == Direction.UP) ? at - 1 : at + 1;
		if (other < 0 || other >= order.size() || !Objects.equals(order.get(other).getDay(), session.getDay())) {
			throw new RuleViolation(null, (direction == Direction.UP) ? "session.order.first" : "session.order.last");
		}
		Session neighbour = order.get(other);
		order.set(at, neighbour);
		order.set(other, session);
		LocalTime mine = session.getStartTime();
		session.place(session.getDay(), neighbour.getStartTime());
		neighbour.place(neighbour.getDay(), mine);
		renumber(order);
		audit(actor, "SESSION_REORDERED", session, "Moved " + session.getSlug() + " "
				+ ((direction == Direction.UP) ? "before " : "after ") + neighbour.getSlug());
	}

	/**
	 * Moves a session to another day of its event, keeping its time of day: it takes its
	 * place among that day's sessions by start time (without one, it goes last).
	 */
	@Transactional
	public void moveToDay(Long sessionId, LocalDate day, Long expectedVersion, Actor actor) {
		requireOrganizer(actor);
		Session session = find(sessionId);
		if (expectedVersion != null && session.getVersion() != expectedVersion) {
			throw new StaleVersionException("Session", sessionId);
		}
		if (day == null) {
			// The timetable's day form moves a session to a day; taking it off the days
			// (which drops its start time) is the edit form's, where the time is shown.
			throw new RuleViolation("day", "session.day.outside", session.getEvent().getStartsOn().toString(),
					session.getEvent().getEndsOn().toString());
		}
		checkDay(session.getEvent(), day, "day", new ArrayList<>()).ifPresent((p) -> {
			throw new RuleViolation(List.of(p));
		});
		LocalDate from = session.getDay();
		if (Objects.equals(from, day)) {
			return;
		}
		session.place(day, session.getStartTime());
		this.sessions.saveAndFlush(session);
		placeInDay(session);
		audit(actor, "SESSION_MOVED", session,
				"Moved " + session.getSlug() + " from " + dayWords(from) + " to " + dayWords(day));
	}

	/** What an organizer writes to add someone to a session. */
	public record ParticipantDraft(String person, Participant.Role role, String name, String email,
			String affiliation) {
	}

	/**
	 * Adds a person in a role; a person not yet known is created from the same form when
	 * a name is given. Answers the person.
	 */
	@Transactional
	public Person addParticipant(Long sessionId, ParticipantDraft draft, Actor actor) {
		requireOrganizer(actor);
		Session session = find(sessionId);
		Person person = joining(sessionId, draft);
		boolean created = false;
		if (person == null) {
			person = this.personAuthoring.create(newcomer(draft), actor);
			created = true;
		}
		this.participants.save(new Participant(session, person, draft.role()));
		audit(actor, "PARTICIPANT_ADDED", session, "Added " + person.getHandle() + " ("
				+ (created ? "new person, " : "") + words(draft.role()) + ") to " + session.getSlug());
		return person;
	}

	/**
	 * Refuses, every problem at once, what {@link #addParticipant} would refuse of the
	 * draft (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkParticipant(Long sessionId, ParticipantDraft draft, Actor actor) {
		requireOrganizer(actor);
		find(sessionId);
		joining(sessionId, draft);
	}

	/**
	 * The known person the draft adds ({@code null}: a new one, made from the draft),
	 * every rule it breaks refused at once.
	 */
	private Person joining(Long sessionId, ParticipantDraft draft) {
		Problems problems = new Problems();
		if (draft.role() == null) {
			problems.add("role", "participant.role.required");
		}
		String handle = blank(draft.person()) ? null : draft.person().strip();
		Person person = (handle != null) ? this.people.findByHandle(handle).filter((p) -> !p.isMerged()).orElse(null)
				: null;
		if (person == null) {
			if (blank(draft.name())) {
				problems.add("person", (handle == null) ? "participant.person.required" : "participant.person.unknown",
						PlainText.printable((handle != null) ? handle : ""));
			}
			else {
				// The new person's handle is typed in the person field.
				problems.check(() -> {
					try {
						this.personAuthoring.checkNew(newcomer(draft));
					}
					catch (RuleViolation ex) {
						throw ex.on("handle", "person");
					}
				});
			}
		}
		else if (draft.role() != null && this.participants.holds(sessionId, person.getId(), draft.role())) {
			problems.add("person", "participant.already", person.getHandle());
		}
		problems.refuse();
		return person;
	}

	private static PersonDraft newcomer(ParticipantDraft draft) {
		return new PersonDraft(blank(draft.person()) ? null : draft.person().strip(), draft.name(), draft.email(),
				draft.affiliation());
	}

	@Transactional
	public void removeParticipant(Long sessionId, Long participantId, Actor actor) {
		requireOrganizer(actor);
		Session session = find(sessionId);
		Participant participant = this.participants.findById(participantId)
			.filter((p) -> p.getSessionId().equals(sessionId))
			.orElseThrow(() -> new RuleViolation(null, "participant.gone"));
		String handle = participant.getPersonHandle();
		this.participants.delete(participant);
		audit(actor, "PARTICIPANT_REMOVED", session,
				"Removed " + handle + " (" + words(participant.getRole()) + ") from " + session.getSlug());
	}

	@Transactional
	public Subsystem addSubsystem(Long sessionId, String slug, Actor actor) {
		requireOrganizer(actor);
		Session session = find(sessionId);
		String text = blank(slug) ? null : slug.strip();
		if (text == null) {
			throw new RuleViolation("subsystem", "affected.subsystem.required");
		}
		Subsystem subsystem = this.subsystems.findBySlug(text)
			.orElseThrow(() -> new RuleViolation("subsystem", "concern.subsystem.unknown", PlainText.printable(text)));
		if (session.getAffectedSubsystems().contains(subsystem)) {
			throw new RuleViolation("subsystem", "affected.subsystem.already", subsystem.getName());
		}
		session.affects(subsystem);
		this.sessions.saveAndFlush(session);
		audit(actor, "SUBSYSTEM_AFFECTED", session,
				"Affects " + subsystem.getName() + " (" + subsystem.getSlug() + ") now");
		this.publisher.publishEvent(new AffectedSubsystemChanged(sessionId, subsystem.getId(), true, actor.username()));
		return subsystem;
	}

	@Transactional
	public Subsystem removeSubsystem(Long sessionId, String slug, Actor actor) {
		requireOrganizer(actor);
		Session session = find(sessionId);
		Subsystem subsystem = session.getAffectedSubsystems()
			.stream()
			.filter((s) -> s.getSlug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new RuleViolation("subsystem", "affected.subsystem.not", PlainText.printable(slug)));
		session.getAffectedSubsystems().remove(subsystem);
		this.sessions.saveAndFlush(session);
		audit(actor, "SUBSYSTEM_UNAFFECTED", session,
				"No longer affects " + subsystem.getName() + " (" + subsystem.getSlug() + ")");
		this.publisher
			.publishEvent(new AffectedSubsystemChanged(sessionId, subsystem.getId(), false, actor.username()));
		return subsystem;
	}

	/** The session's slug now, when {@code slug} is one it had before in that event. */
	public Optional<String> currentSlug(String eventSlug, String slug) {
		return this.formerSlugs.findCurrentSlug(eventSlug, slug);
	}

	private record Checked(String title, String proposal, String summary, Person lead, Session.Status status,
			String room) {
	}

	private Checked check(Event event, SessionDraft draft, Session self) {
		List<Problem> problems = new ArrayList<>();
		String title = strip(draft.title());
		if (title == null) {
			problems.add(new Problem("title", "session.title.required"));
		}
		else if (title.length() > Session.TITLE_MAX) {
			problems.add(new Problem("title", "text.too-long", Session.TITLE_MAX, title.length()));
		}
		checkDay(event, draft.day(), "day", problems);
		if (draft.startTime() != null && draft.day() == null) {
			problems.add(new Problem("day", "session.day.required-for-time"));
		}
		if (draft.durationMinutes() != null
				&& (draft.durationMinutes() < 1 || draft.durationMinutes() > Session.DURATION_MAX)) {
			problems.add(new Problem("durationMinutes", "session.duration.range", Session.DURATION_MAX));
		}
		String room = strip(draft.room());
		if (room != null && room.length() > Session.ROOM_MAX) {
			problems.add(new Problem("room", "text.too-long", Session.ROOM_MAX, room.length()));
		}
		String proposal = strip(draft.proposal());
		if (proposal != null && proposal.length() > Session.PROPOSAL_MAX) {
			problems.add(new Problem("proposal", "text.too-long", Session.PROPOSAL_MAX, proposal.length()));
		}
		String summary = strip(draft.summary());
		if (summary != null && summary.length() > Session.SUMMARY_MAX) {
			problems.add(new Problem("summary", "text.too-long", Session.SUMMARY_MAX, summary.length()));
		}
		Person lead = null;
		String leadHandle = strip(draft.lead());
		if (leadHandle != null) {
			lead = this.people.findByHandle(leadHandle).filter((p) -> !p.isMerged()).orElse(null);
			if (lead == null) {
				problems.add(new Problem("lead", "person.unknown", PlainText.printable(leadHandle)));
			}
		}
		Session.Status status = (draft.status() != null) ? draft.status() : Session.Status.PLANNED;
		Session.Status current = (self != null) ? self.getStatus() : null;
		if (status == Session.Status.MINUTES_FINAL && current != Session.Status.MINUTES_FINAL) {
			problems.add(new Problem("status", "session.status.final-by-button"));
		}
		else if (current == Session.Status.MINUTES_FINAL && status != Session.Status.MINUTES_FINAL) {
			problems.add(new Problem("status", "session.status.final-stays"));
		}
		String slug = strip(draft.slug());
		if (slug != null && (self == null || !slug.equals(self.getSlug()))) {
			checkSlug(event, slug, self).ifPresent(problems::add);
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		return new Checked(title, (proposal != null) ? proposal : "", summary, lead, status, room);
	}

	private static Optional<Problem> checkDay(Event event, LocalDate day, String field, List<Problem> problems) {
		if (day != null && (day.isBefore(event.getStartsOn()) || day.isAfter(event.getEndsOn()))) {
			Problem problem = new Problem(field, "session.day.outside", event.getStartsOn().toString(),
					event.getEndsOn().toString());
			problems.add(problem);
			return Optional.of(problem);
		}
		return Optional.empty();
	}

	private Optional<Problem> checkSlug(Event event, String slug, Session self) {
		if (!Slugs.isValid(slug, Session.SLUG_MAX)) {
			return Optional.of(new Problem("slug", "session.slug.format", Session.SLUG_MAX));
		}
		if (isTaken(event, slug, self)) {
			return Optional.of(new Problem("slug", "session.slug.taken", slug));
		}
		return Optional.empty();
	}

	private boolean isTaken(Event event, String slug, Session self) {
		Optional<Session> holder = this.sessions.findBySlugs(event.getSlug(), slug);
		if (holder.isPresent() && (self == null || !holder.get().getId().equals(self.getId()))) {
			return true;
		}
		Optional<String> formerOf = this.formerSlugs.findCurrentSlug(event.getId(), slug);
		return formerOf.isPresent() && (self == null || !formerOf.get().equals(self.getSlug()));
	}

	/** Every session of the event in order, days together (sessions on no day last). */
	private List<Session> inOrder(Long eventId) {
		List<Session> order = new ArrayList<>(this.sessions.findInOrder(eventId));
		order.sort(Comparator.comparing(Session::getDay, Comparator.nullsLast(Comparator.naturalOrder())));
		return order;
	}

	/**
	 * Puts the session in its day's order where its start time says: after the sessions
	 * of the day that start at the same time or earlier, before those that start later;
	 * one without a start time (or without a day) last, so the order and the times agree.
	 */
	private void placeInDay(Session session) {
		List<Session> order = inOrder(session.getEvent().getId());
		order.remove(session);
		int at = 0;
		for (int i = 0; i < order.size(); i++) {
			if (comesBefore(order.get(i), session)) {
				at = i + 1;
			}
		}
		order.add(at, session);
		renumber(order);
	}

	/** Whether {@code other} stays before {@code placed} in the timetable. */
	private static boolean comesBefore(Session other, Session placed) {
		LocalDate day = other.getDay();
		if (placed.getDay() == null) {
			return true;
		}
		if (day == null || day.isAfter(placed.getDay())) {
			return false;
		}
		if (day.isBefore(placed.getDay()) || placed.getStartTime() == null) {
			return true;
		}
		return other.getStartTime() != null && !other.getStartTime().isAfter(placed.getStartTime());
	}

	private void renumber(List<Session> order) {
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i).getScheduleOrder() != i + 1) {
				order.get(i).order(i + 1);
			}
		}
		this.sessions.flush();
	}

	private void ensureParticipant(Session session, Person person, Participant.Role role) {
		if (!this.participants.holds(session.getId(), person.getId(), role)) {
			this.participants.save(new Participant(session, person, role));
		}
	}

	private Session find(Long sessionId) {
		return this.sessions.findById(sessionId).orElseThrow(() -> new RuleViolation(null, "concern.session.unknown"));
	}

	private static String describe(Session session) {
		return session.getTitle() + " (" + dayWords(session.getDay())
				+ ((session.getStartTime() != null) ? " " + session.getStartTime() + " UTC" : "")
				+ ((session.getDurationMinutes() != null) ? ", " + session.getDurationMinutes() + " min" : "")
				+ ((session.getRoom() != null) ? ", " + session.getRoom() : "")
				+ ((session.getLead() != null) ? ", led by " + session.getLead().getHandle() : "") + ", "
				+ words(session.getStatus()) + ")";
	}

	private static String dayWords(LocalDate day) {
		return (day != null) ? day.toString() : "no day";
	}

	private static String words(Enum<?> value) {
		return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

	private void audit(Actor actor, String action, Session session, String summary) {
		this.publisher.publishEvent(
				new AuditableChange(actor.username(), action, "Session", session.getId(), session.getId(), summary));
	}

	private static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(actor.isOrganizer(), "session.denied.agenda");
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

}
