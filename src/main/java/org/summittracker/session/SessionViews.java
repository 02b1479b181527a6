package org.summittracker.session;

import java.time.Instant;

/**
 * Read models of a session's parts, each filled by one query.
 */
public final class SessionViews {

	private SessionViews() {
	}

	public record ParticipantView(Participant.Role role, String handle, String name) {

		/**
		 * The participants of the sessions in the array {@code ?} ({@code bigint[]}), as
		 * {@link SessionRepository#findParticipants} orders one session's: session id,
		 * role, handle, name; read by {@link #of}.
		 */
		public static final String SESSIONS_ROWS = """
				select p.session_id, p.role, pe.handle, pe.name
				from session_participant p join person pe on pe.id = p.person_id
				where p.session_id = any(?)
				order by p.session_id, p.role, pe.name""";

		/** A participant from a row as {@link #SESSIONS_ROWS} lists it. */
		public static ParticipantView of(Object[] row) {
			return new ParticipantView(Participant.Role.valueOf((String) row[1]), (String) row[2], (String) row[3]);
		}

	}

	/**
	 * A note as pages show it; a struck note keeps its place and says why it was struck.
	 */
	public record NoteView(Long id, int seq, String speakerHandle, String speakerName, DiscussionNote.Kind kind,
			String body, java.time.Instant struckAt, String strikeReason, long version) {

		/**
		 * The notes of the sessions in the array {@code ?} ({@code bigint[]}), as
		 * {@link SessionRepository#findNotes} orders one session's, the session id last;
		 * read by {@link #of}.
		 */
		public static final String SESSIONS_ROWS = """
				select n.id, n.seq, sp.handle, sp.name, n.kind, n.body, n.struck_at, n.strike_reason, n.version,
					n.session_id
				from discussion_note n join person sp on sp.id = n.speaker_id
				where n.session_id = any(?)
				order by n.session_id, n.seq""";

		/** A note from a row as {@link #SESSIONS_ROWS} lists it. */
		public static NoteView of(Object[] row) {
			return new NoteView((Long) row[0], (Integer) row[1], (String) row[2], (String) row[3],
					DiscussionNote.Kind.valueOf((String) row[4]), (String) row[5], (Instant) row[6], (String) row[7],
					(Long) row[8]);
		}

		public boolean isStruck() {
			return this.struckAt != null;
		}

	}

	/** Where a concern or follow-up filed from a note came from. */
	public record NoteOrigin(Long id, Long sessionId, int seq, String speakerHandle, String speakerName,
			DiscussionNote.Kind kind, String body, String eventSlug, String sessionSlug) {

		/** The note in the session's live view. */
		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "/notes/" + this.id;
		}

	}

	/** One wording of a note, with the change that made it. */
	public record NoteRevisionView(NoteRevision.Change change, int seq, String speakerHandle, DiscussionNote.Kind kind,
			String body, String reason, String by,
			java.time.Instant at) implements org.summittracker.shared.HistoryEntry {

		@Override
		public java.time.Instant getAt() {
			return this.at;
		}

		@Override
		public String getBy() {
			return this.by;
		}

	}

	/** A person the note-taker may pick as speaker. */
	public record SpeakerSuggestion(String handle, String name) {
	}

	public record AffectedSubsystem(Long sessionId, Long subsystemId, String slug, String name) {
	}

	/** A session in an event's schedule. */
	public record ScheduledSession(Long id, String eventSlug, String eventName, String slug, String title,
			Instant scheduledAt, Session.Status status, String proposal) {
	}

	/**
	 * A session in an event's timetable: its day, start, length and room, and who leads
	 * it.
	 */
	public record TimetableSlot(Long id, String slug, String title, java.time.LocalDate day,
			java.time.Instant scheduledAt, Integer durationMinutes, String room, Session.Status status, String proposal,
			String leadHandle, String leadName) {

		public boolean isCancelled() {
			return this.status == Session.Status.CANCELLED;
		}

		/** The time it ends, when its start and length are known. */
		public java.time.Instant endsAt() {
			return (this.scheduledAt != null && this.durationMinutes != null)
					? this.scheduledAt.plusSeconds(60L * this.durationMinutes) : null;
		}

	}

	/**
	 * One day of a timetable ({@code null}: sessions not placed on a day yet), in order.
	 */
	public record TimetableDay(java.time.LocalDate day, java.util.List<TimetableSlot> slots) {
	}

	/** A participant, as the participants page lists them. */
	public record ParticipantEntry(Long id, Participant.Role role, String handle, String name) {
	}

}
