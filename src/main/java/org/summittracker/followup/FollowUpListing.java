package org.summittracker.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up as lists, the home page and the calendar feed show it: with its owner (and
 * the owner's email, as the minutes give it), session and event.
 */
public record FollowUpListing(Long id, String title, Long ownerId, String ownerHandle, String ownerName,
		String ownerEmail, LocalDate dueOn, FollowUpStatus status, String dropReason, String eventSlug,
		String eventName, String sessionSlug, String sessionTitle, String concernKey, Integer resolutionSeq,
		Instant updatedAt, long version) implements Due {

	public String sessionPath() {
		return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug;
	}

}
