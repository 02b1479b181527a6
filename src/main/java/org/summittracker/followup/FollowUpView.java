package org.summittracker.followup;

import java.time.LocalDate;

public record FollowUpView(Long id, Long sessionId, String title, String ownerHandle, String ownerName, LocalDate dueOn,
		FollowUpStatus status, String dropReason, String concernKey, Integer resolutionSeq) {

	public boolean isOverdue(LocalDate today) {
		return this.dueOn != null && this.dueOn.isBefore(today)
				&& (this.status == FollowUpStatus.OPEN || this.status == FollowUpStatus.IN_PROGRESS);
	}

}
