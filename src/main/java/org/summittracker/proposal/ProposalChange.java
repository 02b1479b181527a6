package org.summittracker.proposal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.summittracker.session.Session;

/** One change made to a proposal, in words; never changed or deleted. */
@Entity
class ProposalChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Proposal proposal;

	/** The session that decided it, if one did. */
	@ManyToOne(fetch = FetchType.LAZY)
	private Session session;

	private Instant changedAt;

	private String changedByUsername;

	private String summary;

	protected ProposalChange() {
	}

	ProposalChange(Proposal proposal, Session session, String username, String summary, Instant at) {
		this.proposal = proposal;
		this.session = session;
		this.changedByUsername = username;
		this.summary = summary;
		this.changedAt = at;
	}

}
