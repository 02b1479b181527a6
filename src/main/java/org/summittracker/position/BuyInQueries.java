package org.summittracker.position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
	 * The buy-in of each proposal the session discusses, in its order: see
	 * {@link #forProposals(Collection)}.
	 */
	public List<ProposalBuyIn> forProposals(Long sessionId) {
		return forProposals(List.of(sessionId)).getOrDefault(sessionId, List.of());
	}

	/**
	 * The buy-in of each proposal the given sessions discuss, keyed by session id, each
	 * session's proposals in its order; in a fixed number of statements. A proposal's
	 * readiness rests on the subsystems it affects itself (a session's
	 * affected-subsystems page keeps its main proposal's in step); a proposal that names
	 * none yet is read against the session's. Its positions are the current ones on it
	 * (wherever stated), its blocking concerns the open ones about it (whichever session
	 * raised them).
	 */
	public Map<Long, List<ProposalBuyIn>> forProposals(Collection<Long> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Map<Long, DiscussedProposal>> discussed = new LinkedHashMap<>();
		Map<Long, List<String>> blocking = new LinkedHashMap<>();
		for (Object[] row : this.positionRepository.findDiscussedWithOpenBlockingIn(sessionIds.toArray(Long[]::new))) {
			Long sessionId = (Long) row[0];
			Long id = (Long) row[2];
			discussed.computeIfAbsent(sessionId, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(id, (key) -> new DiscussedProposal(sessionId, (Integer) row[1], id, (String) row[3],
						(String) row[4], (String) row[5], (ProposalStatus) row[6], (String) row[7], (String) row[8]));
			List<String> keys = blocking.computeIfAbsent(id, (key) -> new ArrayList<>());
			if (row[9] != null && !keys.contains((String) row[9])) {
				keys.add((String) row[9]);
			}
		}
		if (discussed.isEmpty()) {
			return Map.of();
		}
		Set<Long> proposalIds = new LinkedHashSet<>();
		discussed.values().forEach((byId) -> proposalIds.addAll(byId.keySet()));
		Map<Long, List<Readiness.SubsystemRef>> own = new LinkedHashMap<>();
		for (Object[] row : this.positionRepository.findProposalSubsystemsIn(proposalIds.toArray(Long[]::new))) {
			own.computeIfAbsent((Long) row[0], (key) -> new ArrayList<>())
				.add(new Readiness.SubsystemRef((Long) row[1], (String) row[2], (String) row[3]));
		}
		// The sessions' own subsystems are read only for proposals that name none.
		Set<Long> readAgainstSession = new LinkedHashSet<>();
		discussed.forEach((sessionId, byId) -> {
			if (!own.keySet().containsAll(byId.keySet())) {
				readAgainstSession.add(sessionId);
			}
		});
		Map<Long, List<Readiness.SubsystemRef>> sessionRefs = new LinkedHashMap<>();
		for (AffectedSubsystem a : readAgainstSession.isEmpty() ? List.<AffectedSubsystem>of()
				: this.sessions.findAffectedSubsystems(readAgainstSession)) {
			sessionRefs.computeIfAbsent(a.sessionId(), (key) -> new ArrayList<>())
				.add(new Readiness.SubsystemRef(a.subsystemId(), a.slug(), a.name()));
		}
		Set<Long> subsystemIds = new LinkedHashSet<>();
		own.values().forEach((refs) -> refs.forEach((r) -> subsystemIds.add(r.id())));
		sessionRefs.values().forEach((refs) -> refs.forEach((r) -> subsystemIds.add(r.id())));
		List<SubsystemMaintainer> maintainers = subsystemIds.isEmpty() ? List.of()
				: this.maintainerships.findBySubsystemIds(new ArrayList<>(subsystemIds));
		Map<Long, List<PositionView>> positions = this.positions.currentPositionsOn(proposalIds)
			.stream()
			.collect(Collectors.groupingBy(PositionView::proposalId));
		Map<Long, List<ProposalBuyIn>> result = new LinkedHashMap<>();
		discussed.forEach((sessionId, byId) -> result.put(sessionId, byId.values().stream().map((proposal) -> {
			List<Readiness.SubsystemRef> refs = own.getOrDefault(proposal.id(), List.of());
			if (refs.isEmpty()) {
				refs = sessionRefs.getOrDefault(sessionId, List.of());
			}
			Set<Long> refIds = refs.stream().map(Readiness.SubsystemRef::id).collect(Collectors.toSet());
			List<SubsystemMaintainer> theirs = maintainers.stream()
				.filter((m) -> refIds.contains(m.subsystemId()))
				.toList();
			List<PositionView> on = positions.getOrDefault(proposal.id(), List.of());
			return new ProposalBuyIn(proposal, new SessionBuyIn(sessionId, refs, theirs, on,
					Readiness.assess(refs, theirs, on, blocking.getOrDefault(proposal.id(), List.of()))));
		}).toList()));
		return result;
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
