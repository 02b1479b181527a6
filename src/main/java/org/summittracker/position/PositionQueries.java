package org.summittracker.position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads current positions with their cited concerns and the subsystems mail-given ones
 * speak for in three queries, however many positions there are.
 */
@Service
@Transactional(readOnly = true)
public class PositionQueries {

	private final PositionRepository positions;

	private final JdbcTemplate jdbc;

	PositionQueries(PositionRepository positions, JdbcTemplate jdbc) {
		this.positions = positions;
		this.jdbc = jdbc;
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
		Map<Long, List<Long>> speaking = speaksFor(
				views.stream().filter((v) -> v.mailMessageId() != null).map(PositionView::id).toList());
		return withCitedKeys(views, this.positions.findCitedKeys(views.stream().map(PositionView::id).toList()),
				speaking);
	}

	/**
	 * The positions with the keys of the concerns they cite ((position id, key) rows, in
	 * key order) and the subsystems mail-given ones speak for.
	 */
	static List<PositionView> withCitedKeys(List<PositionView> views, List<Object[]> citedKeys,
			Map<Long, List<Long>> speaking) {
		Map<Long, List<String>> keys = new HashMap<>();
		for (Object[] row : citedKeys) {
			keys.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((String) row[1]);
		}
		return views.stream()
			.map((view) -> view.citing(keys.getOrDefault(view.id(), List.of()))
				.speakingFor(speaking.getOrDefault(view.id(), List.of())))
			.toList();
	}

	/**
	 * The subsystems each mail-given position speaks for (the set its import recorded; a
	 * position restated since is no longer given by mail and speaks as restated).
	 */
	private Map<Long, List<Long>> speaksFor(List<Long> mailGiven) {
		Map<Long, List<Long>> speaking = new HashMap<>();
		if (!mailGiven.isEmpty()) {
			this.jdbc.query("select position_id, subsystem_id from position_speaks_for where position_id = any(?)"
					+ " order by position_id, subsystem_id", (rs) -> {
						speaking.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getLong(2));
					}, (Object) mailGiven.toArray(Long[]::new));
		}
		return speaking;
	}

}
