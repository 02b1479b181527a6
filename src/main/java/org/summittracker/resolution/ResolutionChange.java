package org.summittracker.resolution;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.summittracker.shared.HistoryEntry;

/**
 * One recorded wording of a resolution: resolutions are revised, never deleted, and every
 * wording is kept.
 */
@Entity
class ResolutionChange implements HistoryEntry {

	public enum Kind {

		RECORDED, REVISED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Resolution resolution;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String statement;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private LocalDate decidedOn;

	private LocalDate revisitOn;

	private String addressedKeys;

	private String summary;

	private String changedBy;

	private Instant changedAt;

	protected ResolutionChange() {
	}

	ResolutionChange(Resolution resolution, Kind kind, String addressedKeys, String summary, String changedBy,
			Instant changedAt) {
		this.resolution = resolution;
		this.kind = kind;
		this.statement = resolution.getStatement();
		this.outcome = resolution.getOutcome();
		this.decidedOn = resolution.getDecidedOn();
		this.revisitOn = resolution.getRevisitOn();
		this.addressedKeys = addressedKeys;
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
