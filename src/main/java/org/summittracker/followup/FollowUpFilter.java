package org.summittracker.followup;

/**
 * What /follow-ups lists: any combination of an owner's handle, a status, an event's
 * slug, a session's slug (in that event when one is given, as /concerns filters) and
 * overdue only; {@code null} (or false) leaves that filter off.
 */
public record FollowUpFilter(String ownerHandle, FollowUpStatus status, String eventSlug, String sessionSlug,
		boolean overdue) {

	public static final FollowUpFilter NONE = new FollowUpFilter(null, null, null, null, false);

	public boolean isEmpty() {
		return this.ownerHandle == null && this.status == null && this.eventSlug == null && this.sessionSlug == null
				&& !this.overdue;
	}

}
