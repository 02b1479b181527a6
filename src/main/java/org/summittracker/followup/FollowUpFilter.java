package org.summittracker.followup;

/**
 * What /follow-ups lists: any combination of an owner's handle, a status, an event's slug
 * and overdue only; {@code null} (or false) leaves that filter off.
 */
public record FollowUpFilter(String ownerHandle, FollowUpStatus status, String eventSlug, boolean overdue) {

	public static final FollowUpFilter NONE = new FollowUpFilter(null, null, null, false);

	public boolean isEmpty() {
		return this.ownerHandle == null && this.status == null && this.eventSlug == null && !this.overdue;
	}

}
