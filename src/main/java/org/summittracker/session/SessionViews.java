package org.summittracker.session;

/**
 * Read models of a session's parts, each filled by one query.
 */
public final class SessionViews {

	private SessionViews() {
	}

	public record ParticipantView(Participant.Role role, String handle, String name) {
	}

	public record NoteView(int seq, String speakerHandle, String speakerName, DiscussionNote.Kind kind, String body) {
	}

	public record AffectedSubsystem(Long sessionId, Long subsystemId, String slug, String name) {
	}

	/** A session in an event's schedule. */
	public record ScheduledSession(Long id, String eventSlug, String eventName, String slug, String title,
			java.time.Instant scheduledAt, Session.Status status, String proposal) {
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
