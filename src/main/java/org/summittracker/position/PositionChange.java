package org.summittracker.position;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.summittracker.people.Person;
import org.summittracker.people.Subsystem;

/**
 * One entry in a position's history, appended on every change and never edited.
 */
@Entity
public class PositionChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Position position;

	@Enumerated(EnumType.STRING)
	private Stance oldStance;

	@Enumerated(EnumType.STRING)
	private Stance newStance;

	private String conditions;

	private String rationale;

	private String citedConcerns;

	@ManyToOne(fetch = FetchType.LAZY)
	private Subsystem speaksFor;

	@Enumerated(EnumType.STRING)
	private EntryMethod entryMethod;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person enteredBy;

	private Instant changedAt;

	protected PositionChange() {
	}

	/** The history entry for a position as it now stands, coming from {@code oldStance}. */
	static PositionChange of(Position position, Stance oldStance, String citedConcerns) {
		PositionChange change = new PositionChange();
		change.position = position;
		change.oldStance = oldStance;
		change.newStance = position.getStance();
		change.conditions = position.getConditions();
		change.rationale = position.getRationale();
		change.citedConcerns = citedConcerns;
		change.speaksFor = position.getSpeaksFor();
		change.entryMethod = position.getEntryMethod();
		change.enteredBy = position.getEnteredBy();
		change.changedAt = position.getUpdatedAt();
		return change;
	}

	public Long getId() {
		return this.id;
	}

}
