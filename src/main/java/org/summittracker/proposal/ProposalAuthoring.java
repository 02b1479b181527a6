package org.summittracker.proposal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.session.Session;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;

/**
 * Organizers say what a session discusses: an existing proposal (by its key), or a new
 * one, possibly a part of another (a sub-proposal, with its own buy-in). Every change is
 * audited in the session's history.
 */
@Service
public class ProposalAuthoring {

	private final ProposalRepository proposals;

	private final Proposals links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProposalAuthoring(ProposalRepository proposals, Proposals links, ApplicationEventPublisher events, Clock clock) {
		this.proposals = proposals;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	/** Links the proposal of the draft's key, making it first if there is none. */
	@Transactional
	public Proposal discuss(Actor actor, Session session, ProposalDraft draft) {
		actor.require(actor.isOrganizer(), "Only organizers say which proposals a session discusses.");
		String key = strip(draft.key());
		if (key == null || key.length() > Proposal.KEY_MAX || !Proposal.KEY.matcher(key).matches()) {
			throw new RuleViolation("key", "proposal.key.format", Proposal.KEY_MAX);
		}
		Proposal proposal = this.proposals.findByKey(key).orElse(null);
		String action;
		if (proposal == null) {
			proposal = this.proposals.save(create(key, draft));
			action = "PROPOSAL_CREATED";
		}
		else {
			action = "PROPOSAL_LINKED";
		}
		if (this.links.isDiscussedIn(session, proposal)) {
			throw new RuleViolation("key", "proposal.already-discussed", key);
		}
		this.links.link(session, proposal);
		this.events
			.publishEvent(new AuditableChange(actor.username(), action, "Proposal", proposal.getId(), session.getId(),
					(action.equals("PROPOSAL_CREATED") ? "New proposal " : "Proposal ") + key + " ("
							+ proposal.getTitle() + ") discussed in this session"
							+ ((proposal.getParent() != null) ? ", a part of " + proposal.getParent().getKey() : "")));
		return proposal;
	}

	/**
	 * A new part of {@code parent} (its key and title from the draft), affecting what the
	 * parent affects; saved.
	 */
	Proposal part(Proposal parent, ProposalDraft draft) {
		String key = strip(draft.key());
		if (key == null || key.length() > Proposal.KEY_MAX || !Proposal.KEY.matcher(key).matches()) {
			throw new RuleViolation("key", "proposal.key.format", Proposal.KEY_MAX);
		}
		if (this.proposals.findByKey(key).isPresent()) {
			throw new RuleViolation("key", "proposal.key.taken", key);
		}
		return this.proposals
			.saveAndFlush(create(key, new ProposalDraft(key, draft.title(), draft.statement(), parent.getKey())));
	}

	private Proposal create(String key, ProposalDraft draft) {
		String title = strip(draft.title());
		if (title == null) {
			throw new RuleViolation("title", "proposal.title.required");
		}
		if (title.length() > Proposal.TITLE_MAX) {
			throw new RuleViolation("title", "text.too-long", Proposal.TITLE_MAX, title.length());
		}
		String statement = strip(draft.statement());
		if (statement != null && statement.length() > Proposal.STATEMENT_MAX) {
			throw new RuleViolation("statement", "text.too-long", Proposal.STATEMENT_MAX, statement.length());
		}
		Proposal parent = null;
		String parentKey = strip(draft.parent());
		if (parentKey != null) {
			parent = this.proposals.findByKey(parentKey)
				.orElseThrow(
						() -> new RuleViolation("parent", "proposal.parent.unknown", PlainText.printable(parentKey)));
		}
		Instant now = this.clock.instant();
		Proposal proposal = new Proposal(key, title, statement, now);
		if (parent != null) {
			proposal.partOf(parent);
			parent.getSubsystems().forEach(proposal::affects);
		}
		return proposal;
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
