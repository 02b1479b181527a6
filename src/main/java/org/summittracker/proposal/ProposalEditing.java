package org.summittracker.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.session.AffectedSubsystemChanged;
import org.summittracker.session.Session;
import org.summittracker.session.SessionProposalText;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.Problems;
import org.summittracker.shared.StaleVersionException;

/**
 * Organizers edit a proposal (title, statement, status, the proposal that superseded it,
 * the subsystems it affects) against the version they saw, and split a part off it (a
 * sub-proposal with its own buy-in). Every change is kept in the proposal's history, in
 * words, and audited.
 */
@Service
public class ProposalEditing {

	private final ProposalRepository proposals;

	private final ProposalChangeRepository changes;

	private final SubsystemRepository subsystems;

	private final ProposalAuthoring authoring;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SessionProposalRepository links;

	private final SessionRepository sessions;

	ProposalEditing(ProposalRepository proposals, ProposalChangeRepository changes, SubsystemRepository subsystems,
			ProposalAuthoring authoring, SessionProposalRepository links, ApplicationEventPublisher events, Clock clock,
			SessionRepository sessions) {
		this.sessions = sessions;
		this.proposals = proposals;
		this.links = links;
		this.changes = changes;
		this.subsystems = subsystems;
		this.authoring = authoring;
		this.events = events;
		this.clock = clock;
	}

	/** The edit form as the proposal is now. */
	@Transactional(readOnly = true)
	public ProposalEdit formOf(String key) {
		return ProposalEdit.of(find(key));
	}

	/**
	 * A session that discussed the proposal, as the edit form offers it for “decided in”.
	 */
	public record SessionOption(Session session, String value, String label) {
	}

	/** The sessions that discussed the proposal, in the order they were held. */
	@Transactional(readOnly = true)
	public List<SessionOption> sessionsOf(Proposal proposal) {
		return this.links.findByProposal(proposal.getId()).stream().map((sp) -> {
			Session s = sp.getSession();
			return new SessionOption(s, s.getEvent().getSlug() + "/" + s.getSlug(),
					s.getEvent().getName() + ": " + s.getTitle());
		}).toList();
	}

	@Transactional
	public Proposal edit(Actor actor, String key, ProposalEdit edit) {
		actor.require(actor.isOrganizer(), "proposal.denied.edit");
		Proposal proposal = find(key);
		if (edit.version() == null || proposal.getVersion() != edit.version()) {
			throw new StaleVersionException("Proposal", proposal.getId());
		}
		Checked checked = check(proposal, edit);
		String title = edit.title().strip();
		String statement = (edit.statement() != null) ? edit.statement().strip() : "";
		ProposalStatus status = checked.status();
		Proposal by = checked.supersededBy();
		List<Subsystem> affected = checked.affected();
		Session decidedIn = checked.decidedIn();
		List<String> said = new ArrayList<>();
		note(said, "title", proposal.getTitle(), title);
		if (!proposal.getStatement().equals(statement)) {
			said.add("statement changed");
		}
		note(said, "status", proposal.getStatus().name(), status.name());
		note(said, "superseded by", (proposal.getSupersededBy() != null) ? proposal.getSupersededBy().getKey() : null,
				(by != null) ? by.getKey() : null);
		note(said, "subsystems", names(new ArrayList<>(proposal.getSubsystems())), names(affected));
		if (said.isEmpty()) {
			return proposal;
		}
		Instant now = this.clock.instant();
		proposal.revise(title, statement, status, now);
		if (by != null) {
			proposal.supersede(by, now);
		}
		proposal.affectsOnly(affected);
		this.proposals.saveAndFlush(proposal);
		record(actor, proposal, decidedIn, "PROPOSAL_EDITED", String.join("; ", said), now);
		return proposal;
	}

	/**
	 * Refuses, every problem at once, what {@link #edit} would refuse of the form
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkEdit(Actor actor, String key, ProposalEdit edit) {
		actor.require(actor.isOrganizer(), "proposal.denied.edit");
		check(find(key), edit);
	}

	private record Checked(ProposalStatus status, Proposal supersededBy, List<Subsystem> affected, Session decidedIn) {
	}

	/**
	 * What the edit names, when it names what there is: every problem refused at once.
	 */
	private Checked check(Proposal proposal, ProposalEdit edit) {
		Problems problems = new Problems();
		ProposalStatus status = (edit.status() != null) ? edit.status() : ProposalStatus.OPEN;
		Proposal by = null;
		String byKey = (edit.supersededBy() == null || edit.supersededBy().isBlank()) ? null
				: edit.supersededBy().strip();
		if (status == ProposalStatus.SUPERSEDED) {
			if (byKey == null) {
				problems.add("supersededBy", "proposal.superseded-by.required");
			}
			else {
				by = this.proposals.findByKey(byKey).orElse(null);
				if (by == null) {
					problems.add("supersededBy", "proposal.superseded-by.unknown", PlainText.printable(byKey));
				}
				else if (by.getId().equals(proposal.getId())) {
					problems.add("supersededBy", "proposal.superseded-by.self");
				}
			}
		}
		else if (byKey != null) {
			problems.add("supersededBy", "proposal.superseded-by.not-superseded");
		}
		List<String> slugs = (edit.subsystems() != null) ? edit.subsystems() : List.of();
		List<Subsystem> affected = this.subsystems.findAllBySlugIn(slugs);
		if (affected.size() != slugs.size()) {
			problems.add("subsystems", "proposal.subsystem.unknown");
		}
		affected.sort(Comparator.comparing(Subsystem::getName));
		Session decidedIn = null;
		if (edit.decidedIn() != null && !edit.decidedIn().isBlank()) {
			decidedIn = sessionsOf(proposal).stream()
				.filter((o) -> o.value().equals(edit.decidedIn().strip()))
				.map(SessionOption::session)
				.findFirst()
				.orElse(null);
			if (decidedIn == null) {
				problems.add("decidedIn", "proposal.decided-in.unknown");
			}
		}
		problems.refuse();
		return new Checked(status, by, affected, decidedIn);
	}

	/**
	 * Keeps a session's main proposal in step with the session's affected-subsystems page
	 * (in the same transaction): the subsystem added or removed there is added to or
	 * removed from the proposal's own set, so that readiness reads the same everywhere. A
	 * proposal that named no subsystem of its own (read against the session's until now)
	 * takes the session's whole set.
	 */
	@EventListener
	void onSessionSubsystemChanged(AffectedSubsystemChanged changed) {
		Proposal proposal = this.links.findFirstBySessionIdOrderBySeq(changed.sessionId())
			.map(SessionProposal::getProposal)
			.orElse(null);
		if (proposal == null) {
			return;
		}
		List<Subsystem> before = new ArrayList<>(proposal.getSubsystems());
		before.sort(Comparator.comparing(Subsystem::getName));
		List<Subsystem> after;
		if (before.isEmpty()) {
			after = new ArrayList<>(this.sessions.findById(changed.sessionId()).orElseThrow().getAffectedSubsystems());
		}
		else {
			after = new ArrayList<>(before);
			after.removeIf((s) -> s.getId().equals(changed.subsystemId()));
			if (changed.added()) {
				after.add(this.subsystems.findById(changed.subsystemId()).orElseThrow());
			}
		}
		after.sort(Comparator.comparing(Subsystem::getName));
		if (names(before).equals(names(after))) {
			return;
		}
		Instant now = this.clock.instant();
		proposal.affectsOnly(after);
		proposal.touch(now);
		this.proposals.saveAndFlush(proposal);
		record(changed.username(), proposal, null, "PROPOSAL_EDITED",
				"subsystems: " + (before.isEmpty() ? "none" : names(before)) + " → "
						+ (after.isEmpty() ? "none" : names(after)) + " (on a session's affected subsystems page)",
				now);
	}

	/**
	 * What a session decides, written on its form, is its main proposal's statement: when
	 * the session discusses a proposal, the first one's statement takes the new text
	 * (kept in its history, in words). A session that discusses none yet keeps its text
	 * until an organizer links or makes its main proposal (or a position or concern needs
	 * one, made from the text).
	 */
	@EventListener
	void onSessionProposalText(SessionProposalText written) {
		List<Proposal> discussed = this.proposals.findDiscussedIn(written.sessionId());
		if (discussed.isEmpty() || discussed.get(0).getStatement().equals(written.text())) {
			return;
		}
		Proposal main = discussed.get(0);
		Instant now = this.clock.instant();
		main.revise(main.getTitle(), written.text(), main.getStatus(), now);
		this.proposals.saveAndFlush(main);
		record(written.username(), main, null, "PROPOSAL_EDITED", "statement changed (on the session's form)", now);
	}

	/** Splits a part off the proposal: a new sub-proposal, with its own buy-in. */
	@Transactional
	public Proposal split(Actor actor, String key, ProposalDraft part) {
		actor.require(actor.isOrganizer(), "proposal.denied.split");
		Proposal parent = find(key);
		Proposal made = this.authoring.part(parent, part);
		Instant now = this.clock.instant();
		record(actor, parent, null, "PROPOSAL_SPLIT", "part " + made.getKey() + " (" + made.getTitle() + ") split off",
				now);
		record(actor, made, null, "PROPOSAL_CREATED", "split off " + parent.getKey() + " as a part of it", now);
		return made;
	}

	/**
	 * Refuses, every problem at once, what {@link #split} would refuse of the part
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkSplit(Actor actor, String key, ProposalDraft part) {
		actor.require(actor.isOrganizer(), "proposal.denied.split");
		this.authoring.checkPart(find(key), part);
	}

	private void record(Actor actor, Proposal proposal, Session decidedIn, String action, String summary, Instant at) {
		record(actor.username(), proposal, decidedIn, action, summary, at);
	}

	private void record(String username, Proposal proposal, Session decidedIn, String action, String summary,
			Instant at) {
		this.changes.save(new ProposalChange(proposal, decidedIn, username, summary, at));
		this.events.publishEvent(new AuditableChange(username, action, "Proposal", proposal.getId(),
				(decidedIn != null) ? decidedIn.getId() : null, proposal.getKey() + ": " + summary
						+ ((decidedIn != null) ? " (decided in " + decidedIn.getTitle() + ")" : "")));
	}

	private Proposal find(String key) {
		return this.proposals.findByKey(key)
			.orElseThrow(() -> new org.summittracker.shared.NotFoundException("No proposal " + key));
	}

	private static void note(List<String> said, String what, String before, String after) {
		if (!Objects.equals(before, after)) {
			said.add(what + ": " + ((before != null) ? before : "none") + " → " + ((after != null) ? after : "none"));
		}
	}

	private static String names(List<Subsystem> subsystems) {
		return subsystems.stream().map(Subsystem::getSlug).sorted().collect(Collectors.joining(", "));
	}

}
