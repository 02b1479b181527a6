package org.summittracker.followup;

import java.time.LocalDate;

/**
 * What an organizer assigns, or the owner or an organizer revises: the title, the owner's
 * handle, the due date, and optionally the key of a concern and the number of a
 * resolution of the same session it follows up.
 */
record FollowUpDraft(String title, String ownerHandle, LocalDate dueOn, String concernKey, Integer resolutionSeq) {

}
