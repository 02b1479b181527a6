package org.summittracker.position;

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

	BuyInQueries(SessionRepository sessions, MaintainershipRepository maintainerships, PositionQueries positions,
			ConcernRepository concerns) {
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
