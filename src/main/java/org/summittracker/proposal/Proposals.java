package org.summittracker.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.audit.AuditableChange;
import org.summittracker.shared.KeptByTables;
import org.summittracker.session.Session;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.Slugs;

/**
 * The proposals sessions discuss. A session that discusses none yet gets its main
 * proposal from its own proposal text the first time a position or a concern needs one
 * (its key made of the session's slug, as the migration made them for the sessions before
 * proposals).
 */
@Service
public class Proposals {

	/**
	 * The first key of the advisory locks that serialize linking proposals to a session.
	 */
	private static final int LINK_LOCK = 0x50524f50;

	private final ProposalRepository proposals;

	private final SessionProposalRepository links;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Proposals(ProposalRepository proposals, SessionProposalRepository links, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.proposals = proposals;
		this.links = links;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The first proposal the session discusses, made from the session's proposal text if
	 * it discusses none yet.
	 */
	@Transactional
	public Proposal mainOf(Session session) {
		List<Proposal> discussed = this.proposals.findDiscussedIn(session.getId());
		if (!discussed.isEmpty()) {
			return discussed.get(0);
		}
		lock(session);
		discussed = this.proposals.findDiscussedIn(session.getId());
		if (!discussed.isEmpty()) {
			return discussed.get(0);
		}
		Instant now = this.clock.instant();
		Proposal proposal = new Proposal(freeKey(session), session.getTitle(), session.getProposal(), now);
		session.getAffectedSubsystems().forEach(proposal::affects);
		proposal = this.proposals.save(proposal);
		link(session, proposal, now);
		this.events.publishEvent(new AuditableChange(AuditableChange.SYSTEM, "PROPOSAL_CREATED", "Proposal",
				proposal.getId(), session.getId(), "Proposal " + proposal.getKey() + " made from the session's text"));
		return proposal;
	}

	/**
	 * The proposal of that key if the session discusses it; the session's main proposal
	 * when no key is given.
	 */
	@Transactional
	public Proposal discussedIn(Session session, String key) {
		if (key == null || key.isBlank()) {
			return mainOf(session);
		}
		return this.proposals.findDiscussedIn(session.getId())
			.stream()
			.filter((p) -> p.getKey().equals(key.strip()))
			.findFirst()
			.orElseThrow(() -> new RuleViolation("proposal", "proposal.not-discussed"));
	}

	/**
	 * Reads, never makes: the proposal of that key if the session discusses it, or (no
	 * key) its main proposal.
	 */
	@Transactional(readOnly = true)
	public Optional<Proposal> find(Session session, String key) {
		List<Proposal> discussed = this.proposals.findDiscussedIn(session.getId());
		if (key == null || key.isBlank()) {
			return discussed.stream().findFirst();
		}
		return discussed.stream().filter((p) -> p.getKey().equals(key.strip())).findFirst();
	}

	/** The proposals the session discusses, in its order. */
	@Transactional(readOnly = true)
	public List<Proposal> discussedIn(Long sessionId) {
		return this.proposals.findDiscussedIn(sessionId);
	}

	/**
	 * The proposals the session discusses, in its order, as its forms offer them (kept by
	 * the tables read while they are not written).
	 */
	@KeptByTables
	@Transactional(readOnly = true)
	public List<ProposalLink> linksDiscussedIn(Long sessionId) {
		return this.proposals.findDiscussedIn(sessionId).stream().map(ProposalLink::of).toList();
	}

	/** Whether the session discusses the proposal already. */
	@Transactional(readOnly = true)
	public boolean isDiscussedIn(Session session, Proposal proposal) {
		return proposal.getId() != null && this.links.existsBySessionIdAndProposalId(session.getId(), proposal.getId());
	}

	/**
	 * Adds the proposal to those the session discusses (last); nothing if it is there.
	 */
	@Transactional
	public void link(Session session, Proposal proposal) {
		lock(session);
		if (!this.links.existsBySessionIdAndProposalId(session.getId(), proposal.getId())) {
			link(session, proposal, this.clock.instant());
		}
	}

	private void link(Session session, Proposal proposal, Instant at) {
		this.links.save(new SessionProposal(session, proposal, this.links.findLastSeq(session.getId()) + 1, at));
	}

	/**
	 * The key a proposal made from the session would take: its slug's, or with the
	 * event's slug, or numbered, whichever is free.
	 */
	@Transactional(readOnly = true)
	public String freeKey(Session session) {
		String base = Proposal.derivedKey(session.getSlug());
		Set<String> taken = this.proposals.findKeysStartingWith(base);
		if (!taken.contains(base)) {
			return base;
		}
		String withEvent = Proposal.derivedKey(base + "-" + session.getEvent().getSlug());
		return taken.contains(withEvent) ? Slugs.firstFree(base, taken) : withEvent;
	}

	private void lock(Session session) {
		this.jdbc.query("select pg_advisory_xact_lock(?, ?)", (rs) -> null, LINK_LOCK, (int) (long) session.getId());
	}

}
