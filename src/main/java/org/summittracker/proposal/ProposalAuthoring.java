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
import org.summittracker.shared.Problems;

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
		requireOrganizer(actor);
		Discussed checked = check(session, draft);
		Proposal proposal = checked.existing();
		String action;
		if (proposal == null) {
			proposal = this.proposals.save(checked.fresh().build(this.clock.instant()));
			action = "PROPOSAL_CREATED";
		}
		else {
			action = "PROPOSAL_LINKED";
		}
		this.links.link(session, proposal);
		this.events
			.publishEvent(new AuditableChange(actor.username(), action, "Proposal", proposal.getId(), session.getId(),
					(action.equals("PROPOSAL_CREATED") ? "New proposal " : "Proposal ") + checked.key() + " ("
							+ proposal.getTitle() + ") discussed in this session"
							+ ((proposal.getParent() != null) ? ", a part of " + proposal.getParent().getKey() : "")));
		return proposal;
	}

	/**
	 * The proposal a session that discusses none would make of itself (as
	 * {@link Proposals#mainOf} does): a free key from its slug, its title, its text as
	 * the statement; for the organizers' form to show, to be changed before it is saved.
	 */
	@Transactional(readOnly = true)
	public ProposalDraft madeFrom(Session session) {
		return new ProposalDraft(this.links.freeKey(session), session.getTitle(), strip(session.getProposal()), null);
	}

	/**
	 * Refuses, every problem at once, what {@link #discuss} would refuse of the draft,
	 * changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkDiscuss(Actor actor, Session session, ProposalDraft draft) {
		requireOrganizer(actor);
		check(session, draft);
	}

	private static void requireOrganizer(Actor actor) {
		actor.require(actor.isOrganizer(), "proposal.denied.discussed");
	}

	/**
	 * The proposal of the draft's key, or what a new one would be made of, when the
	 * session may discuss it; every problem refused at once otherwise. A key alone links
	 * the proposal of that key; a new proposal needs a statement, and a title or
	 * statement given with a key already taken is refused rather than dropped.
	 */
	private Discussed check(Session session, ProposalDraft draft) {
		Problems problems = new Problems();
		String key = wellFormedKey(draft, problems);
		Proposal existing = (key != null) ? this.proposals.findByKey(key).orElse(null) : null;
		if (existing != null && this.links.isDiscussedIn(session, existing)) {
			problems.add("key", "proposal.already-discussed", key);
		}
		else if (existing != null
				&& (typed(draft.title(), session.getTitle()) || typed(draft.statement(), session.getProposal()))) {
			// A new proposal's title or statement with a key already taken: linking the
			// other proposal would drop them. Those the form offered from the session,
			// left
			// as they were, are not the organizer's: the key alone links.
			problems.add("key", "proposal.key.taken", key);
		}
		if (existing == null && strip(draft.statement()) == null) {
			problems.add("statement", "proposal.statement.required");
		}
		Fresh fresh = (existing == null) ? problems.of(() -> fresh(key, draft)) : null;
		problems.refuse();
		return new Discussed(key, existing, fresh);
	}

	private record Discussed(String key, Proposal existing, Fresh fresh) {
	}

	/**
	 * A new part of {@code parent} (its key and title from the draft), affecting what the
	 * parent affects; saved.
	 */
	Proposal part(Proposal parent, ProposalDraft draft) {
		return this.proposals.saveAndFlush(partOf(parent, draft).build(this.clock.instant()));
	}

	/**
	 * Refuses, every problem at once, what {@link #part} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	void checkPart(Proposal parent, ProposalDraft draft) {
		partOf(parent, draft);
	}

	/**
	 * What a new part of {@code parent} would be made of; every problem of the draft
	 * refused at once.
	 */
	private Fresh partOf(Proposal parent, ProposalDraft draft) {
		Problems problems = new Problems();
		String key = wellFormedKey(draft, problems);
		if (key != null && this.proposals.findByKey(key).isPresent()) {
			problems.add("key", "proposal.key.taken", key);
		}
		Fresh fresh = problems
			.of(() -> fresh(key, new ProposalDraft(key, draft.title(), draft.statement(), parent.getKey())));
		problems.refuse();
		return fresh;
	}

	/** The draft's key when it is one (else the problem, and null). */
	private static String wellFormedKey(ProposalDraft draft, Problems problems) {
		String key = strip(draft.key());
		if (key == null || key.length() > Proposal.KEY_MAX || !Proposal.KEY.matcher(key).matches()) {
			problems.add("key", "proposal.key.format", Proposal.KEY_MAX);
			return null;
		}
		return key;
	}

	/** What a new proposal is made of, checked: every problem refused at once. */
	private Fresh fresh(String key, ProposalDraft draft) {
		Problems problems = new Problems();
		String title = strip(draft.title());
		if (title == null) {
			problems.add("title", "proposal.title.required");
		}
		else if (title.length() > Proposal.TITLE_MAX) {
			problems.add("title", "text.too-long", Proposal.TITLE_MAX, title.length());
		}
		String statement = strip(draft.statement());
		if (statement != null && statement.length() > Proposal.STATEMENT_MAX) {
			problems.add("statement", "text.too-long", Proposal.STATEMENT_MAX, statement.length());
		}
		Proposal parent = null;
		String parentKey = strip(draft.parent());
		if (parentKey != null) {
			parent = this.proposals.findByKey(parentKey).orElse(null);
			if (parent == null) {
				problems.add("parent", "proposal.parent.unknown", PlainText.printable(parentKey));
			}
		}
		problems.refuse();
		return new Fresh(key, title, statement, parent);
	}

	/** A new proposal's parts, checked. */
	private record Fresh(String key, String title, String statement, Proposal parent) {

		Proposal build(Instant now) {
			Proposal proposal = new Proposal(this.key, this.title, this.statement, now);
			if (this.parent != null) {
				proposal.partOf(this.parent);
				this.parent.getSubsystems().forEach(proposal::affects);
			}
			return proposal;
		}

	}

	/**
	 * Whether a field holds text of the organizer's: given, and not what the form offered
	 * from the session ({@link #madeFrom}), whatever line ends the browser sent.
	 */
	private static boolean typed(String field, String offered) {
		String given = strip(field);
		String made = strip(offered);
		return given != null && (made == null || !given.replace("\r\n", "\n").equals(made.replace("\r\n", "\n")));
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
