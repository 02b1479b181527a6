package org.summittracker.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.summittracker.shared.HistoryEntry;

/**
 * One change of a follow-up, appended and never altered: its status before and after, a
 * note (the reason it was dropped), the change in words and who made it.
 */
@Entity
@Table(name = "follow_up_change")
class FollowUpChange implements HistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private FollowUp followUp;

	@Enumerated(EnumType.STRING)
	private FollowUpStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private FollowUpStatus toStatus;

	private String note;

	@Column(name = "changed_by_id")
	private Long changedById;

	private String changedBy;

	private String summary;

	private Instant changedAt;

	protected FollowUpChange() {
	}

	FollowUpChange(FollowUp followUp, FollowUpStatus fromStatus, String note, String summary, Long changedById,
			String changedBy, Instant changedAt) {
		this.followUp = followUp;
		this.fromStatus = fromStatus;
		this.toStatus = followUp.getStatus();
		this.note = note;
		this.summary = summary;
		this.changedById = changedById;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	@Override
	public Instant getAt() {
		return this.changedAt;
	}

	@Override
	public String getBy() {
		return this.changedBy;
	}

	@Override
	public String getSummary() {
		return this.summary;
	}

}
