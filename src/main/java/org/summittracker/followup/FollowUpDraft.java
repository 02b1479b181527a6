package org.summittracker.followup;

import java.time.LocalDate;

/**
 * What an organizer assigns, or the owner or an organizer revises: the title, the owner's
 * handle, the due date, and optionally the key of a concern and the number of a
 * resolution of the same session it follows up; when assigned from one of the session's
 * discussion notes, that note's id ({@code fromNote}).
 */
public record FollowUpDraft(String title, String ownerHandle, LocalDate dueOn, String concernKey, Integer resolutionSeq,
		Long fromNote) {

	public FollowUpDraft(String title, String ownerHandle, LocalDate dueOn, String concernKey, Integer resolutionSeq) {
		this(title, ownerHandle, dueOn, concernKey, resolutionSeq, null);
	}

}
