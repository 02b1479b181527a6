package org.summittracker.shared;

import java.time.Instant;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A change kept in a record's history, appended and never altered: the change in words,
 * who made it and when. Each history's rows add what the record looked like after it.
 */
@MappedSuperclass
public abstract class RecordedChange implements HistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String summary;

	private String changedBy;

	private Instant changedAt;

	protected RecordedChange() {
	}

	protected RecordedChange(String summary, String changedBy, Instant changedAt) {
		this.summary = summary;
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
