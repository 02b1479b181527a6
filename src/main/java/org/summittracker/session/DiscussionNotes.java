package org.summittracker.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.session.NoteRevision.Change;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.RuleViolation.Problem;
import org.summittracker.shared.StaleVersionException;

/**
 * Everything that changes a session's discussion notes: taking one, rewording it, moving
 * it up or down, striking it with a reason and restoring it. Organizers do, and
 * maintainers in the sessions where they are the note-taker. A note is never deleted;
 * every state it has had is a {@link NoteRevision}, every change an audit entry in the
 * session's history.
 */
@Service
public class DiscussionNotes {

	/** Why someone else is refused: the message code of the reason. */
	static final String NOTE_TAKERS_ONLY = "session.denied.notes";

	/** Which way a note moves. */
	public enum Direction {

		UP, DOWN

	}

	private final DiscussionNoteRepository notes;

	private final NoteRevisionRepository revisions;

	private final SessionRepository sessions;

	private final PersonRepository people;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DiscussionNotes(DiscussionNoteRepository notes, NoteRevisionRepository revisions, SessionRepository sessions,
			PersonRepository people, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.notes = notes;
		this.revisions = revisions;
		this.sessions = sessions;
		this.people = people;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Whether the actor may write the session's notes: an organizer, or a maintainer who
	 * is one of its note-takers.
	 */
	public boolean mayWrite(Actor actor, Long sessionId) {
		if (actor == null) {
			return false;
		}
		if (actor.isOrganizer()) {
			return true;
		}
		return actor.isMaintainer() && actor.personId() != null && this.notes.isNoteTaker(sessionId, actor.personId());
	}

	/** Adds a note at the end of the session's discussion. */
	@Transactional
	public DiscussionNote take(Long sessionId, NoteDraft draft, Actor actor) {
		require(actor, sessionId);
		Person speaker = check(draft);
		Session session = this.sessions.findById(sessionId).orElseThrow();
		lock(sessionId);
		Instant now = this.clock.instant();
		DiscussionNote note = this.notes.saveAndFlush(new DiscussionNote(session, this.notes.findLastSeq(sessionId) + 1,
				speaker, draft.kind(), draft.body().strip()));
		String summary = "Note " + note.getSeq() + " taken: " + describe(note);
		record(note, Change.TAKEN, null, summary, actor, now, "NOTE_TAKEN");
		return note;
	}

	/**
	 * Refuses, every problem at once, what taking or editing a note of the session would
	 * refuse of the draft (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void check(Long sessionId, NoteDraft draft, Actor actor) {
		require(actor, sessionId);
		check(draft);
	}

	/**
	 * Rewords a note, provided nobody changed it since the form was filled in
	 * ({@code version}); otherwise a {@link StaleVersionException} and nothing changes.
	 */
	@Transactional
	public DiscussionNote edit(Long sessionId, Long noteId, long version, NoteDraft draft, Actor actor) {
		require(actor, sessionId);
		DiscussionNote note = find(sessionId, noteId, version);
		Person speaker = check(draft);
		if (note.isAsReworded(speaker, draft.kind(), draft.body().strip())) {
			// Saved as it is: nothing changes, not its version or its history.
			return note;
		}
		String before = describe(note);
		note.reword(speaker, draft.kind(), draft.body().strip(), this.clock.instant());
		this.notes.saveAndFlush(note);
		record(note, Change.EDITED, null, "Note " + note.getSeq() + " edited: " + before + " → " + describe(note),
				actor, this.clock.instant(), "NOTE_EDITED");
		return note;
	}

	/**
	 * Swaps a note with the one before or after it; at the top or the bottom already,
	 * nothing moves.
	 */
	@Transactional
	public DiscussionNote move(Long sessionId, Long noteId, long version, Direction direction, Actor actor) {
		require(actor, sessionId);
		Objects.requireNonNull(direction, "direction");
		lock(sessionId);
		DiscussionNote note = find(sessionId, noteId, version);
		DiscussionNote neighbour = ((direction == Direction.UP) ? this.notes.findBefore(sessionId, note.getSeq())
				: this.notes.findAfter(sessionId, note.getSeq()))
			.orElse(null);
		if (neighbour == null) {
			return note;
		}
		keepFirstWording(neighbour);
		Instant now = this.clock.instant();
		int from = note.getSeq();
		int to = neighbour.getSeq();
		note.renumber(to, now);
		neighbour.renumber(from, now);
		this.notes.saveAllAndFlush(List.of(note, neighbour));
		String summary = "Note " + from + " moved " + direction.name().toLowerCase(java.util.Locale.ROOT) + " to " + to
				+ ": " + describe(note);
		record(note, Change.MOVED, null, summary, actor, now, "NOTE_MOVED");
		this.revisions
			.save(new NoteRevision(neighbour, Change.MOVED, null, "Note " + to + " moved to " + from + " (note " + from
					+ " moved " + direction.name().toLowerCase(java.util.Locale.ROOT) + ")", actor.username(), now));
		return note;
	}

	/**
	 * Strikes a note: it keeps its place, shown struck with the reason, never deleted.
	 */
	@Transactional
	public DiscussionNote strike(Long sessionId, Long noteId, long version, String reason, Actor actor) {
		require(actor, sessionId);
		DiscussionNote note = find(sessionId, noteId, version);
		if (reason == null || reason.isBlank()) {
			throw new RuleViolation("reason", "note.strike.reason.required");
		}
		if (reason.strip().length() > DiscussionNote.REASON_MAX) {
			throw new RuleViolation("reason", "text.too-long", DiscussionNote.REASON_MAX, reason.strip().length());
		}
		if (note.isStruck()) {
			throw new RuleViolation(null, "note.strike.already");
		}
		Instant now = this.clock.instant();
		note.strike(reason.strip(), actor.username(), now);
		this.notes.saveAndFlush(note);
		record(note, Change.STRUCK, reason.strip(),
				"Note " + note.getSeq() + " struck (" + abbreviate(reason) + "): " + describe(note), actor, now,
				"NOTE_STRUCK");
		return note;
	}

	/** Takes a strike back. */
	@Transactional
	public DiscussionNote restore(Long sessionId, Long noteId, long version, Actor actor) {
		require(actor, sessionId);
		DiscussionNote note = find(sessionId, noteId, version);
		if (!note.isStruck()) {
			throw new RuleViolation(null, "note.restore.not-struck");
		}
		Instant now = this.clock.instant();
		note.restore(now);
		this.notes.saveAndFlush(note);
		record(note, Change.RESTORED, null, "Note " + note.getSeq() + " restored: " + describe(note), actor, now,
				"NOTE_RESTORED");
		return note;
	}

	private void record(DiscussionNote note, Change change, String reason, String summary, Actor actor, Instant at,
			String action) {
		this.revisions.save(new NoteRevision(note, change, reason, summary, actor.username(), at));
		this.events.publishEvent(new AuditableChange(actor.username(), action, "DiscussionNote", note.getId(),
				note.getSession().getId(), summary));
	}

	private void require(Actor actor, Long sessionId) {
		if (!mayWrite(actor, sessionId)) {
			throw NotAllowedException.saying(NOTE_TAKERS_ONLY);
		}
	}

	private DiscussionNote find(Long sessionId, Long noteId, long version) {
		DiscussionNote note = this.notes.findById(noteId)
			.filter((n) -> n.getSession().getId().equals(sessionId))
			.orElseThrow(() -> new NotFoundException("No note " + noteId));
		if (note.getVersion() != version) {
			throw new StaleVersionException("DiscussionNote", noteId);
		}
		keepFirstWording(note);
		return note;
	}

	/**
	 * A note taken before notes kept their wordings (the demo's, an imported one) gets
	 * its first wording recorded before it changes, so no wording is lost.
	 */
	private void keepFirstWording(DiscussionNote note) {
		if (!this.revisions.existsByNoteId(note.getId())) {
			this.revisions.save(new NoteRevision(note, Change.TAKEN, null,
					"Note " + note.getSeq() + " as first recorded: " + describe(note), AuditableChange.SYSTEM,
					(note.getCreatedAt() != null) ? note.getCreatedAt() : this.clock.instant()));
		}
	}

	/** Every mistake at once, each next to its field. */
	private Person check(NoteDraft draft) {
		List<Problem> problems = new ArrayList<>();
		Person speaker = null;
		String handle = (draft.speakerHandle() != null) ? draft.speakerHandle().strip() : "";
		if (handle.isEmpty()) {
			problems.add(new Problem("speaker", "note.speaker.required"));
		}
		else if (handle.length() > Person.HANDLE_MAX) {
			problems.add(new Problem("speaker", "text.too-long", Person.HANDLE_MAX, handle.length()));
		}
		else {
			speaker = this.people.findByHandle(handle).orElse(null);
			if (speaker == null) {
				problems.add(new Problem("speaker", "person.unknown", PlainText.printable(handle)));
			}
		}
		if (draft.kind() == null) {
			problems.add(new Problem("kind", "note.kind.required"));
		}
		if (draft.body() == null || draft.body().isBlank()) {
			problems.add(new Problem("body", "note.body.required"));
		}
		else if (draft.body().strip().length() > DiscussionNote.BODY_MAX) {
			problems.add(new Problem("body", "text.too-long", DiscussionNote.BODY_MAX, draft.body().strip().length()));
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		return speaker;
	}

	/** Serializes the numbering of one session's notes until this transaction ends. */
	private void lock(Long sessionId) {
		this.jdbc.query("select pg_advisory_xact_lock(?, -1)", (rs) -> null, (int) (long) sessionId);
	}

	private static String describe(DiscussionNote note) {
		return note.getSpeaker().getHandle() + " (" + note.getKind().name().toLowerCase(java.util.Locale.ROOT) + ") "
				+ abbreviate(note.getBody());
	}

	private static String abbreviate(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return "“" + ((line.length() > 80) ? line.substring(0, 79) + "…" : line) + "”";
	}

}
