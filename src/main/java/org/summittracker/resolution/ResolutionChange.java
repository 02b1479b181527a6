package org.summittracker.resolution;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import org.summittracker.shared.RecordedChange;

/**
 * One recorded wording of a resolution: resolutions are revised, never deleted, and every
 * wording is kept.
 */
@Entity
class ResolutionChange extends RecordedChange {

	public enum Kind {

		RECORDED, REVISED

	}

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

	protected ResolutionChange() {
	}

	ResolutionChange(Resolution resolution, Kind kind, String addressedKeys, String summary, String changedBy,
			Instant changedAt) {
		super(summary, changedBy, changedAt);
		this.resolution = resolution;
		this.kind = kind;
		this.statement = resolution.getStatement();
		this.outcome = resolution.getOutcome();
		this.decidedOn = resolution.getDecidedOn();
		this.revisitOn = resolution.getRevisitOn();
		this.addressedKeys = addressedKeys;
	}

}
