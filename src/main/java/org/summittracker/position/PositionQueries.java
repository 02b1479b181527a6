package org.summittracker.position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads current positions with their cited concerns in two queries, however many
 * positions there are.
 */
@Service
@Transactional(readOnly = true)
public class PositionQueries {

	private final PositionRepository positions;

	PositionQueries(PositionRepository positions) {
		this.positions = positions;
	}

	public List<PositionView> currentPositions(Collection<Long> sessionIds) {
		return sessionIds.isEmpty() ? List.of() : withCitedKeys(this.positions.findCurrent(sessionIds));
	}

	/** Current positions on the given proposals, wherever they were stated. */
	public List<PositionView> currentPositionsOn(Collection<Long> proposalIds) {
		return proposalIds.isEmpty() ? List.of() : withCitedKeys(this.positions.findCurrentOn(proposalIds));
	}

	/**
	 * The version of the person's position on the session's main proposal (withdrawn or
	 * not), which a change must be made against; empty when they never took one.
	 */
	public Optional<Long> versionOf(Long sessionId, String handle) {
		return this.positions.findOnMainProposal(sessionId, handle).map(Position::getVersion);
	}

	/**
	 * The version of the person's position on the proposal (withdrawn or not); empty when
	 * they never took one.
	 */
	public Optional<Long> versionOn(Long proposalId, String handle) {
		return this.positions.findOnProposal(proposalId, handle).map(Position::getVersion);
	}

	public List<PositionView> currentPositionsOf(Long personId) {
		return withCitedKeys(this.positions.findCurrentOf(personId));
	}

	private List<PositionView> withCitedKeys(List<PositionView> views) {
		if (views.isEmpty()) {
			return views;
		}
		Map<Long, List<String>> keys = new HashMap<>();
		for (Object[] row : this.positions.findCitedKeys(views.stream().map(PositionView::id).toList())) {
			keys.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((String) row[1]);
		}
		return views.stream().map((view) -> view.citing(keys.getOrDefault(view.id(), List.of()))).toList();
	}

}
