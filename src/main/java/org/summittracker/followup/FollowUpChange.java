package org.summittracker.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.summittracker.shared.RecordedChange;

/**
 * One change of a follow-up, appended and never altered: its status before and after, a
 * note (the reason it was dropped), the change in words and who made it.
 */
@Entity
@Table(name = "follow_up_change")
class FollowUpChange extends RecordedChange {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private FollowUp followUp;

	@Enumerated(EnumType.STRING)
	private FollowUpStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private FollowUpStatus toStatus;

	private String note;

	@Column(name = "changed_by_id")
	private Long changedById;

	protected FollowUpChange() {
	}

	FollowUpChange(FollowUp followUp, FollowUpStatus fromStatus, String note, String summary, Long changedById,
			String changedBy, Instant changedAt) {
		super(summary, changedBy, changedAt);
		this.followUp = followUp;
		this.fromStatus = fromStatus;
		this.toStatus = followUp.getStatus();
		this.note = note;
		this.changedById = changedById;
	}

}
