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
		 * Participants a session page shows at most: a summit room holds a few dozen; the
		 * minutes name them all.
		 */
		public static final int SHOWN = 100;

		/**
		 * The first {@link #SHOWN} participants of the session in the array {@code ?}
		 * ({@code bigint[]} of one id), as {@link SessionRepository#findParticipants}
		 * orders them: session id, role, handle, name, and the number of all; read by
		 * {@link #of}.
		 */
		public static final String SHOWN_ROWS = """
				select p.session_id, p.role, pe.handle, pe.name, count(*) over ()
				from session_participant p join person pe on pe.id = p.person_id
				where p.session_id = any(?)
				order by p.session_id, p.role, pe.name
				limit\s""" + SHOWN;

		/** A participant from a row as {@link #SHOWN_ROWS} lists it. */
		public static ParticipantView of(Object[] row) {
			return new ParticipantView(Participant.Role.valueOf((String) row[1]), (String) row[2], (String) row[3]);
		}

		/** The participant's page. */
		public String getPersonPath() {
			return "/people/" + this.handle;
		}

	}

	/**
	 * A note as pages show it; a struck note keeps its place and says why it was struck.
	 */
	public record NoteView(Long id, int seq, String speakerHandle, String speakerName, DiscussionNote.Kind kind,
			String body, java.time.Instant struckAt, String strikeReason, long version) {

		/**
		 * Notes a session page shows at most: a note may be long (10 KB), and the live
		 * notes page and the minutes have them all.
		 */
		public static final int SHOWN = 50;

		/**
		 * Notes the live notes page shows at once: the latest, where the next note is
		 * taken, or one page of all of them in order.
		 */
		public static final int LIVE_PAGE = 200;

		/**
		 * The first {@link #SHOWN} notes of the session in the array {@code ?}
		 * ({@code bigint[]} of one id), as {@link SessionRepository#findNotes} orders
		 * them, then the session id and the number of all; read by {@link #of}.
		 */
		public static final String SHOWN_ROWS = """
				select n.id, n.seq, sp.handle, sp.name, n.kind, n.body, n.struck_at, n.strike_reason, n.version,
					n.session_id, count(*) over ()
				from discussion_note n join person sp on sp.id = n.speaker_id
				where n.session_id = any(?)
				order by n.session_id, n.seq
				limit\s""" + SHOWN;

		/** A note from a row as {@link #SHOWN_ROWS} lists it. */
		public static NoteView of(Object[] row) {
			return new NoteView((Long) row[0], (Integer) row[1], (String) row[2], (String) row[3],
					DiscussionNote.Kind.valueOf((String) row[4]), (String) row[5], (Instant) row[6], (String) row[7],
					(Long) row[8]);
		}

		public boolean isStruck() {
			return this.struckAt != null;
		}

		/** Its anchor on the session page. */
		public String getAnchor() {
			return "note-" + this.seq;
		}

		/** The speaker's page. */
		public String getSpeakerPath() {
			return "/people/" + this.speakerHandle;
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
	/**
	 * A session a person took part in, with the role they had: for their page, which
	 * links its minutes.
	 */
	public record AttendedSession(String eventSlug, String eventName, String slug, String title, Instant scheduledAt,
			Session.Status status, Participant.Role role) {

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.slug;
		}

	}

	public record ScheduledSession(Long id, String eventSlug, String eventName, String slug, String title,
			Instant scheduledAt, Session.Status status, String proposal) {
	}

	/**
	 * A session in an event's timetable: its day, start, length and room, and who leads
	 * it.
	 */
	public record TimetableSlot(Long id, String slug, String title, java.time.LocalDate day,
			java.time.Instant scheduledAt, Integer durationMinutes, String room, Session.Status status, String proposal,
			String leadHandle, String leadName, String proposalKey) {

		public boolean isCancelled() {
			return this.status == Session.Status.CANCELLED;
		}

		/** Whether it took place: held, or its minutes written since. */
		public boolean wasHeld() {
			return this.status == Session.Status.HELD || this.status == Session.Status.MINUTES_DRAFT
					|| this.status == Session.Status.MINUTES_FINAL;
		}

		/** The time it ends, when its start and length are known. */
		public java.time.Instant endsAt() {
			return (this.scheduledAt != null && this.durationMinutes != null)
					? this.scheduledAt.plusSeconds(60L * this.durationMinutes) : null;
		}

	}

	/**
	 * A session as an event's calendar carries it: one placed on a day at a start time,
	 * with its main proposal (key and title, or the session's own text while it discusses
	 * none), its version and when it last changed (its latest entry in the audit trail,
	 * or its creation). Read by {@link SessionRepository#findOnTheCalendar}, whose rows
	 * {@link #of} reads.
	 */
	public record CalendarSlot(Long id, String slug, String title, Instant scheduledAt, Integer durationMinutes,
			String room, Session.Status status, String leadName, String proposalKey, String proposal, long version,
			Instant changedAt) {

		/** A slot from a row of {@link SessionRepository#findOnTheCalendar}. */
		public static CalendarSlot of(Object[] row) {
			return new CalendarSlot(((Number) row[0]).longValue(), (String) row[1], (String) row[2], instantOf(row[3]),
					(row[4] != null) ? ((Number) row[4]).intValue() : null, (String) row[5],
					Session.Status.valueOf((String) row[6]), (String) row[7], (String) row[8], (String) row[9],
					((Number) row[10]).longValue(), instantOf(row[11]));
		}

		private static Instant instantOf(Object value) {
			if (value instanceof java.time.OffsetDateTime time) {
				return time.toInstant();
			}
			if (value instanceof java.sql.Timestamp time) {
				return time.toInstant();
			}
			return (Instant) value;
		}

		public boolean isCancelled() {
			return this.status == Session.Status.CANCELLED;
		}

		/** The time it ends, when its length is known. */
		public Instant endsAt() {
			return (this.durationMinutes != null) ? this.scheduledAt.plusSeconds(60L * this.durationMinutes) : null;
		}

	}

	/**
	 * One day of a timetable ({@code null}: sessions not placed on a day yet), in order.
	 */
	public record TimetableDay(java.time.LocalDate day, java.util.List<TimetableSlot> slots) {
	}

	/**
	 * A session as its page heads it, with its event's and lead's names: read without the
	 * entity, in one statement ({@link #BY_SLUGS}, parameters the event's and the
	 * session's slugs).
	 */
	public record SessionHeader(Long id, EventName event, String slug, String title, Session.Status status,
			Instant scheduledAt, java.time.LocalDate day, Integer durationMinutes, String room, String proposal,
			String summary, Instant minutesFinalAt, Lead lead) {

		public static final String BY_SLUGS = """
				select s.id, e.slug, e.name, s.slug, s.title, s.status, s.scheduled_at, s.day, s.duration_minutes,
					s.room, s.proposal, s.summary, s.minutes_final_at, l.handle, l.name
				from summit_session s join event e on e.id = s.event_id left join person l on l.id = s.lead_id
				where e.slug = ? and s.slug = ?""";

		/** The header from a row of {@link #BY_SLUGS}. */
		public static SessionHeader of(java.sql.ResultSet row) throws java.sql.SQLException {
			return new SessionHeader(row.getLong(1), new EventName(row.getString(2), row.getString(3)),
					row.getString(4), row.getString(5), Session.Status.valueOf(row.getString(6)), instant(row, 7),
					row.getObject(8, java.time.LocalDate.class), row.getObject(9, Integer.class), row.getString(10),
					row.getString(11), row.getString(12), instant(row, 13),
					(row.getString(14) != null) ? new Lead(row.getString(14), row.getString(15)) : null);
		}

		/** The header of a session read as an entity. */
		public static SessionHeader of(Session session) {
			return new SessionHeader(session.getId(),
					new EventName(session.getEvent().getSlug(), session.getEvent().getName()), session.getSlug(),
					session.getTitle(), session.getStatus(), session.getScheduledAt(), session.getDay(),
					session.getDurationMinutes(), session.getRoom(), session.getProposal(), session.getSummary(),
					session.getMinutesFinalAt(), (session.getLead() != null)
							? new Lead(session.getLead().getHandle(), session.getLead().getName()) : null);
		}

		private static Instant instant(java.sql.ResultSet row, int column) throws java.sql.SQLException {
			java.time.OffsetDateTime at = row.getObject(column, java.time.OffsetDateTime.class);
			return (at != null) ? at.toInstant() : null;
		}

		/** The event a session belongs to. */
		public record EventName(String slug, String name) {
		}

		/** Who leads a session. */
		public record Lead(String handle, String name) {
		}

	}

	/** A participant, as the participants page lists them. */
	public record ParticipantEntry(Long id, Participant.Role role, String handle, String name) {
	}

}
