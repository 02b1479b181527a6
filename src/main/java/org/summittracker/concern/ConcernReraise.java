package org.summittracker.concern;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.summittracker.people.Person;
import org.summittracker.session.Session;

/**
 * A concern raised again in a later session that discusses its proposal: recorded against
 * the concern (which keeps its key), not filed twice.
 */
@Entity
class ConcernReraise {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Concern concern;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person raisedBy;

	private Instant raisedAt;

	protected ConcernReraise() {
	}

	ConcernReraise(Concern concern, Session session, Person raisedBy, Instant at) {
		this.concern = concern;
		this.session = session;
		this.raisedBy = raisedBy;
		this.raisedAt = at;
	}

}
