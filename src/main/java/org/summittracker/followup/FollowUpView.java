package org.summittracker.followup;

import java.time.LocalDate;

/** A follow-up as a session, a person and a concern list it. */
public record FollowUpView(Long id, Long sessionId, String title, String ownerHandle, String ownerName, LocalDate dueOn,
		FollowUpStatus status, String dropReason, String concernKey, Integer resolutionSeq) implements Due {

}
