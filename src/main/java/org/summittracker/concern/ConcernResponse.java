package org.summittracker.concern;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.summittracker.people.Person;
import org.summittracker.session.Session;

/**
 * One reply in a concern's thread, given in a session.
 */
@Entity
public class ConcernResponse {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Concern concern;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person author;

	/**
	 * The session it was given in: the concern's own, or a later one it was carried into.
	 */
	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	private String body;

	private Instant createdAt;

	@Version
	private long version;

	protected ConcernResponse() {
	}

	public ConcernResponse(Concern concern, Session session, Person author, String body, Instant at) {
		this.concern = concern;
		this.session = session;
		this.author = author;
		this.body = body;
		this.createdAt = at;
	}

	public Long getId() {
		return this.id;
	}

}
