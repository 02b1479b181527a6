package org.summittracker.position;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.Pages;

/**
 * Reads current positions with their cited concerns and the subsystems mail-given ones
 * speak for in one statement, however many positions there are.
 */
@Service
@Transactional(readOnly = true)
public class PositionQueries {

	/**
	 * A position with its cited concerns' keys and speaks-for subsystems: the select of
	 * {@link #read}, given the session column and any column after the position's (such
	 * as {@code , count(*) over ()}, column 28).
	 */
	private static final String SELECT = """
			select p.id, %s, pe.id, pe.handle, pe.name, pe.email, p.stance, p.conditions, p.rationale,
				sf.id, sf.slug, sf.name, p.entry_method, eb.handle, eb.name, eb.email, p.confirmed_at, p.updated_at,
				p.version, p.proposal_id, p.mail_trailer, p.mail_message_id, p.mail_version, p.mail_posted_since,
				p.mail_address,
				array(select c.key from position_concern pc join concern c on c.id = pc.concern_id
					where pc.position_id = p.id order by c.key),
				array(select f.subsystem_id from position_speaks_for f
					where f.position_id = p.id and p.mail_message_id is not null order by f.subsystem_id),
				array(select s.name from position_speaks_for f join subsystem s on s.id = f.subsystem_id
					where f.position_id = p.id and p.mail_message_id is not null order by f.subsystem_id)
				%s
			from position p join person pe on pe.id = p.person_id join person eb on eb.id = p.entered_by_id
			left join subsystem sf on sf.id = p.speaks_for_id
			""";

	private final PositionRepository positions;

	private final JdbcTemplate jdbc;

	PositionQueries(PositionRepository positions, JdbcTemplate jdbc) {
		this.positions = positions;
		this.jdbc = jdbc;
	}

	/** Current positions on the given proposals, wherever they were stated. */
	@KeptByTables
	public List<PositionView> currentPositionsOn(Collection<Long> proposalIds) {
		return proposalIds.isEmpty() ? List.of() : read("p.session_id", """
				where p.proposal_id = any(?) and p.withdrawn_at is null
				order by pe.name, p.id
				""", (Object) proposalIds.toArray(Long[]::new));
	}

	/**
	 * The version of a person's position on a proposal (withdrawn or not), and the
	 * person's id.
	 */
	public record Taken(long version, Long personId) {

	}

	/**
	 * The version of the person's position on the session's main proposal (withdrawn or
	 * not) and their id; empty when they never took one.
	 */
	public Optional<Taken> takenOnMain(Long sessionId, String handle) {
		return this.positions.findOnMainProposal(sessionId, handle)
			.map((p) -> new Taken(p.getVersion(), p.getPerson().getId()));
	}

	/**
	 * The version of the person's position on the proposal (withdrawn or not) and their
	 * id; empty when they never took one.
	 */
	public Optional<Taken> takenOn(Long proposalId, String handle) {
		return this.positions.findOnProposal(proposalId, handle)
			.map((p) -> new Taken(p.getVersion(), p.getPerson().getId()));
	}

	/**
	 * A page of a person's current positions, newest first, with their number in the same
	 * statement: a person who spoke in thousands of sessions has thousands.
	 */
	@KeptByTables
	public Page<PositionView> currentPositionsOf(Long personId, Pageable pageable) {
		List<Object[]> rows = this.jdbc.query(SELECT.formatted("p.session_id", ", count(*) over ()") + """
				where pe.id = ? and p.withdrawn_at is null
				order by p.updated_at desc, p.id desc
				limit ? offset ?
				""", (rs, n) -> new Object[] { view(rs), rs.getLong(29) }, personId, pageable.getPageSize(),
				pageable.getOffset());
		return Pages.withTotal(rows, pageable,
				() -> this.jdbc.queryForObject(
						"select count(*) from position where person_id = ? and withdrawn_at is null", Long.class,
						personId));
	}

	/**
	 * Positions with their cited concerns' keys and, for mail-given ones, the subsystems
	 * they speak for, in one statement: the session column to list them under, then the
	 * rest of the query after the joins (more joins, where, order by).
	 */
	private List<PositionView> read(String sessionColumn, String rest, Object... arguments) {
		return this.jdbc.query(SELECT.formatted(sessionColumn, "") + rest, (rs, n) -> view(rs), arguments);
	}

	private static PositionView view(ResultSet rs) throws SQLException {
		Long speaksForId = (Long) rs.getObject(10);
		PositionView view = new PositionView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
				rs.getString(5), rs.getString(6), Stance.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
				speaksForId, rs.getString(11), rs.getString(12), EntryMethod.valueOf(rs.getString(13)),
				rs.getString(14), rs.getString(15), rs.getString(16), instant(rs, 17), instant(rs, 18), rs.getLong(19),
				rs.getLong(20), rs.getString(21), rs.getString(22), (Integer) rs.getObject(23),
				(Integer) rs.getObject(24), rs.getString(25));
		return view.citing(List.of((String[]) rs.getArray(26).getArray()))
			.speakingFor(List.of((Long[]) rs.getArray(27).getArray()), List.of((String[]) rs.getArray(28).getArray()));
	}

	/**
	 * Positions read without their cited concerns and speaks-for subsystems, given them
	 * from rows of their own, as {@link BuyInQueries#fromRows} gets them.
	 * @param views the positions
	 * @param citedKeys (position id, concern key) rows, in key order
	 * @param speaksFor (position id, subsystem id, subsystem name) rows of mail-given
	 * positions, in subsystem id order
	 * @return the positions with their cited keys and speaks-for subsystems
	 */
	static List<PositionView> withCitedKeys(List<PositionView> views, List<Object[]> citedKeys,
			List<Object[]> speaksFor) {
		Map<Long, List<String>> keys = new HashMap<>();
		for (Object[] row : citedKeys) {
			keys.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((String) row[1]);
		}
		Map<Long, List<Long>> subsystemIds = new HashMap<>();
		Map<Long, List<String>> subsystemNames = new HashMap<>();
		for (Object[] row : speaksFor) {
			subsystemIds.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((Long) row[1]);
			subsystemNames.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((String) row[2]);
		}
		return views.stream()
			.map((view) -> view.citing(keys.getOrDefault(view.id(), List.of()))
				.speakingFor(subsystemIds.getOrDefault(view.id(), List.of()),
						subsystemNames.getOrDefault(view.id(), List.of())))
			.toList();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return (at != null) ? at.toInstant() : null;
	}

}
