package org.summittracker.proposal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.summittracker.session.Session;

/**
 * A session discusses a proposal: the {@code seq}-th of the proposals it discusses.
 */
@Entity
public class SessionProposal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Proposal proposal;

	private int seq;

	private Instant linkedAt;

	protected SessionProposal() {
	}

	public SessionProposal(Session session, Proposal proposal, int seq, Instant at) {
		this.session = session;
		this.proposal = proposal;
		this.seq = seq;
		this.linkedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public Session getSession() {
		return this.session;
	}

	public Proposal getProposal() {
		return this.proposal;
	}

	public int getSeq() {
		return this.seq;
	}

	public Instant getLinkedAt() {
		return this.linkedAt;
	}

}
