package org.summittracker.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.resolution.Resolution;
import org.summittracker.resolution.ResolutionRepository;
import org.summittracker.session.Session;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNoteRepository;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.Dates;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * Assigns follow-ups and changes them. Organizers assign and change any follow-up; its
 * owner changes their own (title, due date, links, status) but not who owns it; everyone
 * else is refused. Every change is appended to the follow-up's history and the audit
 * trail.
 */
@Service
public class FollowUps {

	private final FollowUpRepository followUps;

	private final FollowUpChangeRepository changes;

	private final SessionRepository sessions;

	private final DiscussionNoteRepository notes;

	private final PersonRepository people;

	private final ConcernRepository concerns;

	private final ResolutionRepository resolutions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FollowUps(FollowUpRepository followUps, FollowUpChangeRepository changes, SessionRepository sessions,
			DiscussionNoteRepository notes, PersonRepository people, ConcernRepository concerns,
			ResolutionRepository resolutions, ApplicationEventPublisher events, Clock clock) {
		this.followUps = followUps;
		this.changes = changes;
		this.sessions = sessions;
		this.notes = notes;
		this.people = people;
		this.concerns = concerns;
		this.resolutions = resolutions;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the actor may assign follow-ups (pages use it to offer the form). */
	public static boolean mayAssign(Actor actor) {
		return actor != null && actor.isOrganizer();
	}

	/**
	 * Whether the actor may change the follow-up owned by {@code ownerId}: an organizer,
	 * or its owner.
	 */
	public static boolean mayUpdate(Actor actor, Long ownerId) {
		return actor != null && actor.mayActFor(ownerId);
	}

	@Transactional
	public FollowUp assign(Long sessionId, FollowUpDraft draft, Actor actor) {
		Objects.requireNonNull(actor, "actor").require(mayAssign(actor), "followup.denied.assign");
		Session session = this.sessions.findById(sessionId).orElseThrow();
		Checked checked = check(sessionId, draft);
		Person owner = checked.owner();
		Concern concern = checked.concern();
		Resolution resolution = checked.resolution();
		Instant now = this.clock.instant();
		FollowUp followUp = new FollowUp(session, draft.title().strip(), owner, draft.dueOn(), now);
		followUp.addresses(concern);
		followUp.implement(resolution);
		DiscussionNote origin = null;
		if (draft.fromNote() != null) {
			origin = this.notes.findById(draft.fromNote())
				.filter((note) -> note.getSession().getId().equals(sessionId))
				.orElseThrow(() -> new RuleViolation(null, "note.unknown"));
			followUp.assignedFrom(origin);
		}
		this.followUps.saveAndFlush(followUp);
		String summary = "Follow-up assigned to " + owner.getHandle() + ": “" + followUp.getTitle() + "”, "
				+ due(followUp.getDueOn()) + links(concern, resolution)
				+ ((origin != null) ? " (from note " + origin.getSeq() + ")" : "");
		append(followUp, null, null, summary, actor, now);
		return followUp;
	}

	/**
	 * Refuses, every problem at once, what {@link #assign} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkAssign(Long sessionId, FollowUpDraft draft, Actor actor) {
		Objects.requireNonNull(actor, "actor").require(mayAssign(actor), "followup.denied.assign");
		check(sessionId, draft);
	}

	/**
	 * Refuses, every problem at once, what {@link #revise} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkRevise(Long id, FollowUpDraft draft, Actor actor) {
		checkRevise(this.followUps.findById(id).orElseThrow(), draft, actor);
	}

	@Transactional
	public FollowUp revise(Long id, long version, FollowUpDraft draft, Actor actor) {
		Objects.requireNonNull(actor, "actor");
		FollowUp followUp = this.followUps.findById(id).orElseThrow();
		actor.require(mayUpdate(actor, followUp.getOwner().getId()), "followup.denied.change");
		stale(followUp, version);
		Checked checked = checkRevise(followUp, draft, actor);
		Person owner = checked.owner();
		Concern concern = checked.concern();
		Resolution resolution = checked.resolution();
		List<String> changed = new ArrayList<>();
		if (!followUp.getTitle().equals(draft.title().strip())) {
			changed.add("title “" + followUp.getTitle() + "” → “" + draft.title().strip() + "”");
		}
		if (!owner.getId().equals(followUp.getOwner().getId())) {
			changed.add("owner " + followUp.getOwner().getHandle() + " → " + owner.getHandle());
		}
		if (!Objects.equals(followUp.getDueOn(), draft.dueOn())) {
			changed.add(due(followUp.getDueOn()) + " → " + due(draft.dueOn()));
		}
		if (!Objects.equals(key(followUp.getConcern()), key(concern))) {
			changed.add("concern " + orNone(key(followUp.getConcern())) + " → " + orNone(key(concern)));
		}
		if (!Objects.equals(seq(followUp.getResolution()), seq(resolution))) {
			changed.add("resolution " + orNone(seq(followUp.getResolution())) + " → " + orNone(seq(resolution)));
		}
		if (changed.isEmpty()) {
			return followUp;
		}
		Instant now = this.clock.instant();
		followUp.revise(draft.title().strip(), owner, draft.dueOn(), concern, resolution, now);
		this.followUps.saveAndFlush(followUp);
		append(followUp, followUp.getStatus(), null, "Follow-up revised: " + String.join("; ", changed), actor, now);
		return followUp;
	}

	@Transactional
	public FollowUp move(Long id, long version, FollowUpStatus to, String reason, Actor actor) {
		FollowUp followUp = movable(id, actor);
		if (sentAgain(followUp, version, to, reason)) {
			return followUp;
		}
		stale(followUp, version);
		checkMove(followUp, to, reason);
		FollowUpStatus from = followUp.getStatus();
		Instant now = this.clock.instant();
		followUp.move(to, reason, now);
		this.followUps.saveAndFlush(followUp);
		String summary = "Follow-up “" + followUp.getTitle() + "” " + from.words() + " → " + to.words()
				+ ((to == FollowUpStatus.DROPPED) ? ": " + followUp.getDropReason() : "");
		append(followUp, from, followUp.getDropReason(), summary, actor, now);
		return followUp;
	}

	/**
	 * Refuses, every problem at once, what {@link #move} would refuse of the move
	 * (however incomplete: {@code to} may be {@code null}), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkMove(Long id, Long version, FollowUpStatus to, String reason, Actor actor) {
		FollowUp followUp = movable(id, actor);
		if (version == null || followUp.getVersion() == version) {
			checkMove(followUp, to, reason);
		}
		// A form of an earlier version is answered by the move: made already when it asks
		// what the follow-up has become, otherwise someone else's change.
	}

	/**
	 * Whether a move asked of an earlier version is the one the follow-up has made since
	 * (the same form sent twice, a second click): it is made, and there is nothing to
	 * refuse nor to do again.
	 */
	private static boolean sentAgain(FollowUp followUp, long version, FollowUpStatus to, String reason) {
		return followUp.getVersion() != version && to != null && followUp.getStatus() == to
				&& (to != FollowUpStatus.DROPPED
						|| (reason != null && reason.strip().equals(followUp.getDropReason())));
	}

	/** The follow-up, when the actor may move its status. */
	private FollowUp movable(Long id, Actor actor) {
		Objects.requireNonNull(actor, "actor");
		FollowUp followUp = this.followUps.findById(id).orElseThrow();
		actor.require(mayUpdate(actor, followUp.getOwner().getId()), "followup.denied.status");
		return followUp;
	}

	private static void checkMove(FollowUp followUp, FollowUpStatus to, String reason) {
		Problems problems = new Problems();
		if (to == null) {
			problems.add("status", "followup.status.unknown");
		}
		if (reason != null && reason.length() > FollowUp.REASON_MAX) {
			problems.add("reason", "text.too-long", FollowUp.REASON_MAX, reason.length());
		}
		if (to != null) {
			followUp.checkMove(to, reason, problems);
		}
		problems.refuse();
	}

	private void append(FollowUp followUp, FollowUpStatus from, String note, String summary, Actor actor, Instant at) {
		this.changes.save(new FollowUpChange(followUp, from, note, summary, actor.personId(), actor.username(), at));
		this.events.publishEvent(new AuditableChange(actor.username(),
				(from == null) ? "FOLLOW_UP_ASSIGNED"
						: (from == followUp.getStatus()) ? "FOLLOW_UP_REVISED" : "FOLLOW_UP_STATUS",
				"FollowUp", followUp.getId(), followUp.getSession().getId(), summary));
	}

	private static void stale(FollowUp followUp, long version) {
		if (followUp.getVersion() != version) {
			throw new StaleVersionException("FollowUp", followUp.getId());
		}
	}

	private Checked checkRevise(FollowUp followUp, FollowUpDraft draft, Actor actor) {
		Objects.requireNonNull(actor, "actor");
		actor.require(mayUpdate(actor, followUp.getOwner().getId()), "followup.denied.change");
		Checked checked = check(followUp.getSession().getId(), draft);
		if (!checked.owner().getId().equals(followUp.getOwner().getId())) {
			actor.require(actor.isOrganizer(), "followup.denied.hand-over");
		}
		return checked;
	}

	private record Checked(Person owner, Concern concern, Resolution resolution) {
	}

	/**
	 * The draft checked, its owner and what it addresses and implements found; every rule
	 * it breaks refused at once, each unknown reference next to its field.
	 */
	private Checked check(Long sessionId, FollowUpDraft draft) {
		Problems problems = new Problems();
		if (draft.title() == null || draft.title().isBlank()) {
			problems.add("title", "followup.title.required");
		}
		else if (draft.title().strip().length() > FollowUp.TITLE_MAX) {
			problems.add("title", "text.too-long", FollowUp.TITLE_MAX, draft.title().strip().length());
		}
		if (!Dates.isPlausible(draft.dueOn())) {
			problems.add("dueOn", "date.range", Dates.FIRST_YEAR, Dates.LAST_YEAR);
		}
		Person owner = problems.of(() -> owner(draft.ownerHandle()));
		Concern concern = problems.of(() -> concern(sessionId, draft.concernKey()));
		Resolution resolution = problems.of(() -> resolution(sessionId, draft.resolutionSeq()));
		problems.refuse();
		return new Checked(owner, concern, resolution);
	}

	private Person owner(String handle) {
		if (handle == null || handle.isBlank()) {
			throw new RuleViolation("owner", "followup.owner.required");
		}
		return this.people.findByHandle(handle.strip())
			.orElseThrow(() -> new RuleViolation("owner", "person.unknown", PlainText.printable(handle.strip())));
	}

	private Concern concern(Long sessionId, String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		return this.concerns.findBySessionIdAndKey(sessionId, key)
			.orElseThrow(() -> new RuleViolation("concern", "session.concern.unknown", PlainText.printable(key)));
	}

	private Resolution resolution(Long sessionId, Integer seq) {
		if (seq == null) {
			return null;
		}
		return this.resolutions.findBySeq(sessionId, seq)
			.orElseThrow(() -> new RuleViolation("resolution", "followup.resolution.unknown", seq));
	}

	private static String key(Concern concern) {
		return (concern != null) ? concern.getKey() : null;
	}

	private static String seq(Resolution resolution) {
		return (resolution != null) ? Integer.toString(resolution.getSeq()) : null;
	}

	private static String orNone(String value) {
		return (value != null) ? value : "none";
	}

	private static String links(Concern concern, Resolution resolution) {
		return ((concern != null) ? ", addresses " + concern.getKey() : "")
				+ ((resolution != null) ? ", implements resolution " + resolution.getSeq() : "");
	}

	private static String due(LocalDate dueOn) {
		return (dueOn != null) ? "due " + dueOn : "no due date";
	}

}
