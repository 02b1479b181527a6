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
import org.summittracker.session.Session;

/**
 * One entry in a position's history, appended on every change and never edited.
 */
@Entity
class PositionChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Position position;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	@Enumerated(EnumType.STRING)
	private ChangeKind kind;

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

	private String mailMessageId;

	protected PositionChange() {
	}

	/**
	 * The history entry for a position as it now stands, coming from {@code oldStance}.
	 */
	static PositionChange of(Position position, Stance oldStance, String citedConcerns) {
		return of(position, (oldStance == null) ? ChangeKind.STATED : ChangeKind.CHANGED, oldStance, citedConcerns,
				position.getEnteredBy(), position.getEntryMethod());
	}

	/**
	 * The history entry of the given kind, made by {@code by} in the given way, for the
	 * position as it now stands.
	 */
	static PositionChange of(Position position, ChangeKind kind, Stance oldStance, String citedConcerns, Person by,
			EntryMethod how) {
		PositionChange change = new PositionChange();
		change.position = position;
		change.session = position.getSession();
		change.kind = kind;
		change.oldStance = oldStance;
		change.newStance = (kind == ChangeKind.WITHDRAWN) ? null : position.getStance();
		change.conditions = position.getConditions();
		change.rationale = position.getRationale();
		change.citedConcerns = citedConcerns;
		change.speaksFor = position.getSpeaksFor();
		change.entryMethod = how;
		change.enteredBy = by;
		change.changedAt = position.getUpdatedAt();
		change.mailMessageId = (position.getMail() != null && how == EntryMethod.BY_MAIL)
				? position.getMail().messageId() : null;
		return change;
	}

	public Long getId() {
		return this.id;
	}

}
