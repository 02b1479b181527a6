package org.summittracker.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A follow-up as lists, the home page and the calendar feed show it: with its owner,
 * session and event.
 */
public record FollowUpListing(Long id, String title, Long ownerId, String ownerHandle, String ownerName,
		LocalDate dueOn, FollowUpStatus status, String dropReason, String eventSlug, String eventName,
		String sessionSlug, String sessionTitle, String concernKey, Integer resolutionSeq, Instant updatedAt,
		long version) {

	public boolean isOverdue(LocalDate today) {
		return this.dueOn != null && this.dueOn.isBefore(today) && this.status.isActive();
	}

	/** Whole days past the due date; 0 when not overdue. */
	public long overdueDays(LocalDate today) {
		return isOverdue(today) ? ChronoUnit.DAYS.between(this.dueOn, today) : 0;
	}

	/**
	 * "Overdue by 3 days", "Overdue by 1 day", or "" when not overdue: said in words, not
	 * by colour alone.
	 */
	public String overdueWords(LocalDate today) {
		long days = overdueDays(today);
		return (days == 0) ? "" : "Overdue by " + days + ((days == 1) ? " day" : " days");
	}

	public String sessionPath() {
		return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug;
	}

}
