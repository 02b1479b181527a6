package org.summittracker.concern;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.summittracker.people.Person;
import org.summittracker.session.Session;

/**
 * One step in a concern's life, kept for ever: who moved it from what to what, when, and
 * why. Who is the account that acted (organizers' accounts need not belong to a person),
 * as resolution and follow-up changes record it.
 */
@Entity
class ConcernStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Concern concern;

	/**
	 * The session it was made in: the concern's own, or a later one it was carried into.
	 */
	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	@Enumerated(EnumType.STRING)
	private ConcernStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private ConcernStatus toStatus;

	private String note;

	private LocalDate revisitOn;

	/**
	 * The person of the account that made the change; none for an account of no person.
	 */
	@ManyToOne(fetch = FetchType.LAZY)
	private Person changedBy;

	/** The account that made the change, by username. */
	@Column(name = "changed_by")
	private String changedByUsername;

	private Instant changedAt;

	protected ConcernStatusChange() {
	}

	ConcernStatusChange(Concern concern, Session session, ConcernStatus fromStatus, ConcernStatus toStatus, String note,
			LocalDate revisitOn, Person changedBy, String changedByUsername, Instant at) {
		this.concern = concern;
		this.session = session;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.note = note;
		this.revisitOn = revisitOn;
		this.changedBy = changedBy;
		this.changedByUsername = changedByUsername;
		this.changedAt = at;
	}

	public Long getId() {
		return this.id;
	}

}
