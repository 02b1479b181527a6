package org.summittracker.position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.proposal.DiscussedProposal;
import org.summittracker.proposal.ProposalStatus;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.AffectedSubsystem;

/**
 * Reads the buy-in of one or many sessions in a fixed number of queries, whatever their
 * size.
 */
@Service
@Transactional(readOnly = true)
public class BuyInQueries {

	private final SessionRepository sessions;

	private final MaintainershipRepository maintainerships;

	private final PositionQueries positions;

	private final ConcernRepository concerns;

	private final PositionRepository positionRepository;

	BuyInQueries(SessionRepository sessions, MaintainershipRepository maintainerships, PositionQueries positions,
			ConcernRepository concerns, PositionRepository positionRepository) {
		this.positionRepository = positionRepository;
		this.sessions = sessions;
		this.maintainerships = maintainerships;
		this.positions = positions;
		this.concerns = concerns;
	}

	/** One session's buy-in, given its concerns (already read for the page). */
	public SessionBuyIn forSession(Long sessionId, List<ConcernSummary> sessionConcerns) {
		return assemble(List.of(sessionId), sessionConcerns.stream().filter(ConcernSummary::isOpenAndBlocking).toList())
			.get(sessionId);
	}

	/** The buy-in of many sessions, keyed by session id, in the order given. */
	public Map<Long, SessionBuyIn> forSessions(Collection<Long> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Map.of();
		}
		return assemble(sessionIds, this.concerns.findOpenBlocking(sessionIds));
	}

	/**
	 * The buy-in of each proposal the session discusses, in its order: the session's
	 * affected subsystems, the current positions on the proposal (wherever stated), and
	 * the open blocking concerns about it (whichever session raised them).
	 */
	public List<ProposalBuyIn> forProposals(Long sessionId) {
		Map<Long, DiscussedProposal> discussed = new LinkedHashMap<>();
		Map<Long, List<String>> blocking = new LinkedHashMap<>();
		for (Object[] row : this.positionRepository.findDiscussedWithOpenBlocking(sessionId)) {
			Long id = (Long) row[1];
			discussed.computeIfAbsent(id,
					(key) -> new DiscussedProposal(sessionId, (Integer) row[0], id, (String) row[2], (String) row[3],
							(String) row[4], (ProposalStatus) row[5], (String) row[6], (String) row[7]));
			List<String> keys = blocking.computeIfAbsent(id, (key) -> new ArrayList<>());
			if (row[8] != null) {
				keys.add((String) row[8]);
			}
		}
		if (discussed.isEmpty()) {
			return List.of();
		}
		List<AffectedSubsystem> affected = this.sessions.findAffectedSubsystems(List.of(sessionId));
		List<Readiness.SubsystemRef> refs = affected.stream()
			.map((a) -> new Readiness.SubsystemRef(a.subsystemId(), a.slug(), a.name()))
			.toList();
		List<SubsystemMaintainer> maintainers = refs.isEmpty() ? List.of()
				: this.maintainerships.findBySubsystemIds(refs.stream().map(Readiness.SubsystemRef::id).toList());
		Map<Long, List<PositionView>> positions = this.positions.currentPositionsOn(discussed.keySet())
			.stream()
			.collect(Collectors.groupingBy(PositionView::proposalId));
		return discussed.values().stream().map((proposal) -> {
			List<PositionView> on = positions.getOrDefault(proposal.id(), List.of());
			return new ProposalBuyIn(proposal, new SessionBuyIn(sessionId, refs, maintainers, on,
					Readiness.assess(refs, maintainers, on, blocking.get(proposal.id()))));
		}).toList();
	}

	private Map<Long, SessionBuyIn> assemble(Collection<Long> sessionIds, List<ConcernSummary> openBlocking) {
		List<AffectedSubsystem> affected = this.sessions.findAffectedSubsystems(sessionIds);
		List<SubsystemMaintainer> maintainers = affected.isEmpty() ? List.of() : this.maintainerships
			.findBySubsystemIds(affected.stream().map(AffectedSubsystem::subsystemId).distinct().toList());
		Map<Long, List<PositionView>> positionsBySession = this.positions.currentPositions(sessionIds)
			.stream()
			.collect(Collectors.groupingBy(PositionView::sessionId));
		Map<Long, SessionBuyIn> result = new LinkedHashMap<>();
		for (Long sessionId : sessionIds) {
			List<Readiness.SubsystemRef> refs = affected.stream()
				.filter((a) -> a.sessionId().equals(sessionId))
				.map((a) -> new Readiness.SubsystemRef(a.subsystemId(), a.slug(), a.name()))
				.toList();
			List<Long> refIds = refs.stream().map(Readiness.SubsystemRef::id).toList();
			List<SubsystemMaintainer> own = maintainers.stream()
				.filter((m) -> refIds.contains(m.subsystemId()))
				.toList();
			List<PositionView> sessionPositions = positionsBySession.getOrDefault(sessionId, List.of());
			List<String> blockingKeys = openBlocking.stream()
				.filter((c) -> c.sessionId().equals(sessionId))
				.map(ConcernSummary::key)
				.toList();
			result.put(sessionId, new SessionBuyIn(sessionId, refs, own, sessionPositions,
					Readiness.assess(refs, own, sessionPositions, blockingKeys)));
		}
		return result;
	}

}
