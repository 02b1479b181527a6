package org.summittracker.session;

import java.time.Instant;

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
			Instant scheduledAt, Session.Status status, String proposal) {
	}

}
