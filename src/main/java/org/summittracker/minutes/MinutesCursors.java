package org.summittracker.minutes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.summittracker.minutes.MinutesAssembler.Dated;
import org.summittracker.minutes.MinutesQueries.Facts;
import org.summittracker.minutes.MinutesQueries.Kind;
import org.summittracker.minutes.SessionMinutes.ConcernEntry;
import org.summittracker.minutes.SessionMinutes.Note;
import org.summittracker.shared.RoundTrip;

/**
 * The facts of many sessions' minutes (an event's, in schedule order) read through one
 * fixed set of statements, whatever the sessions hold: every kind of fact is one
 * server-side cursor over all the sessions, its rows led by the session's place and
 * ordered by it, so the minutes are put together session by session as the cursors are
 * read. One statement declares the cursors and fetches the first page of each in one
 * round trip; the same statement fetches the next page of a cursor when its rows run out.
 * Each kind's query is the query a session alone is read with ({@link Kind}, the buy-in's
 * {@link org.summittracker.position.BuyInQueries.Batch#QUERIES}), run for each session in
 * turn (a lateral join), so each session's rows are the ones it has alone. The
 * transaction must stay open, and see one snapshot, while they are read.
 */
final class MinutesCursors implements AutoCloseable {

	/** Rows of each cursor fetched in the first round trip. */
	static final int FIRST_PAGE = 200;

	/** Rows of a cursor fetched at a time after its first page. */
	static final int PAGE = 1_000;

	/** The cursor of what happened to each final session's concerns after that. */
	static final int CHANGES = Facts.QUERIES.size();

	/** The cursor of how many notes and concerns each session's minutes list. */
	static final int COUNTS = CHANGES + 1;

	/** Rows the cursors hold at most: a page each. */
	static final int HELD = (COUNTS + 1) * PAGE;

	/**
	 * The ids of the sessions read, as a setting of the transaction the cursors read (one
	 * copy, however many cursors).
	 */
	private static final String SESSIONS = "summit.minutes_sessions";

	/**
	 * How many cursors there are: one per query of {@link Facts}, the concern changes and
	 * the counts.
	 */
	private static final int CURSORS = COUNTS + 1;

	/**
	 * Each cursor's query, for one session (its id {@code minutes_read.id}), by what is
	 * read (made once for each {@link MinutesQueries.Reads}).
	 */
	private static final Map<MinutesQueries.Reads, List<String>> PER_SESSION = new ConcurrentHashMap<>();

	private final Statement statement;

	private final List<List<Object[]>> pages = new ArrayList<>();

	private final int[] at;

	private final boolean[] exhausted;

	private final int[][] types;

	private MinutesCursors(Statement statement) {
		this.statement = statement;
		this.at = new int[CURSORS];
		this.exhausted = new boolean[CURSORS];
		this.types = new int[CURSORS][];
	}

	/**
	 * Opens the cursors over the sessions, in this order, and fetches the first page of
	 * each: one statement, one round trip. Each kind's query is as {@code reads} sends
	 * it; the cursors of the kinds it leaves unread are not opened: they have no rows.
	 */
	static MinutesCursors open(Connection connection, List<Long> sessionIds, MinutesQueries.Reads reads)
			throws SQLException {
		Statement statement = connection.createStatement();
		MinutesCursors cursors = new MinutesCursors(statement);
		List<String> queries = PER_SESSION.computeIfAbsent(reads, MinutesCursors::perSession);
		try {
			List<Integer> opened = new ArrayList<>();
			for (int i = 0; i < CURSORS; i++) {
				cursors.pages.add(List.of());
				if (i < Kind.values().length && reads.unread().contains(Kind.values()[i])) {
					cursors.exhausted[i] = true;
				}
				else {
					opened.add(i);
				}
			}
			StringBuilder sql = new StringBuilder();
			// The queries read every row of their cursors: planned as such, not for their
			// first rows (PostgreSQL's default for a cursor).
			sql.append("set local cursor_tuple_fraction = 1;\n");
			sql.append("set local ")
				.append(SESSIONS)
				.append(" = '{")
				.append(sessionIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
				.append("}';\n");
			for (int i : opened) {
				sql.append("declare ")
					.append(name(i))
					.append(" no scroll cursor for ")
					.append(cursor(queries.get(i)))
					.append(";\n");
			}
			for (int i : opened) {
				sql.append("fetch ").append(FIRST_PAGE).append(" from ").append(name(i)).append(";\n");
			}
			boolean results = statement.execute(sql.toString());
			int read = 0;
			while (results || statement.getUpdateCount() != -1) {
				if (results) {
					int cursor = opened.get(read);
					try (ResultSet rows = statement.getResultSet()) {
						cursors.types[cursor] = RoundTrip.columnTypes(rows);
						cursors.pages.set(cursor, cursors.rows(rows, cursor, FIRST_PAGE));
					}
					read++;
				}
				results = statement.getMoreResults();
			}
			if (read != opened.size()) {
				throw new IllegalStateException("Read " + read + " cursors' first pages, not " + opened.size());
			}
			return cursors;
		}
		catch (SQLException | RuntimeException ex) {
			statement.close();
			throw ex;
		}
	}

	/**
	 * The facts of the session at this place (counted from 1; sessions before it
	 * skipped), every kind's rows read but for the kinds given, which are left empty:
	 * their rows are read as they are written ({@link #flow}).
	 */
	Facts facts(long place, Set<Kind> without) throws SQLException {
		List<List<Object[]>> rows = new ArrayList<>();
		for (int i = 0; i < CHANGES; i++) {
			boolean left = i < Kind.values().length && without.contains(Kind.values()[i]);
			rows.add(left ? List.of() : rowsAt(i, place));
		}
		return new Facts(rows);
	}

	/**
	 * The big lists of the session at this place, read as they are written, and what
	 * happened to its concerns after its minutes were final.
	 */
	MinutesAssembler.Flow flow(long place) throws SQLException {
		List<Object[]> counts = rowsAt(COUNTS, place);
		long notes = counts.isEmpty() ? 0 : ((Number) counts.get(0)[0]).longValue();
		long concerns = counts.isEmpty() ? 0 : ((Number) counts.get(0)[1]).longValue();
		List<Dated> changes = rowsAt(CHANGES, place).stream().map(MinutesQueries::concernChange).toList();
		return new MinutesAssembler.Flow() {

			@Override
			public List<Note> notes() {
				return new FlowingMinutes.Flowing<>((int) notes,
						() -> new Rows<>(Kind.NOTES.ordinal(), place, MinutesAssembler::note));
			}

			@Override
			public List<ConcernEntry> concerns() {
				return new FlowingMinutes.Flowing<>((int) concerns,
						() -> new Rows<>(Kind.CONCERNS.ordinal(), place, (c) -> MinutesAssembler.concernEntry(c,
								FlowingMinutes.sql(() -> rowsOf(Kind.CONCERN_SUBSYSTEMS.ordinal(), place, c[0])),
								FlowingMinutes.sql(() -> rowsOf(Kind.RESPONSES.ordinal(), place, c[0])),
								FlowingMinutes.sql(() -> rowsOf(Kind.CONCERN_HISTORY.ordinal(), place, c[0])))));
			}

			@Override
			public List<Dated> concernChanges(java.time.Instant after) {
				return changes;
			}

		};
	}

	/**
	 * The rows of a cursor for the session at this place, without the place: those of the
	 * sessions before it are skipped.
	 */
	List<Object[]> rowsAt(int cursor, long place) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		Object[] row;
		while ((row = peek(cursor)) != null && place((row)) <= place) {
			take(cursor);
			if (place(row) == place) {
				rows.add(Arrays.copyOfRange(row, 1, row.length));
			}
		}
		return rows;
	}

	/**
	 * The next rows of a cursor for the session at this place whose first column (after
	 * the place) is the key: a concern's subsystems, responses or status changes, read
	 * along with its concerns.
	 */
	private List<Object[]> rowsOf(int cursor, long place, Object key) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		Object[] row;
		while ((row = peek(cursor)) != null && (place(row) < place || (place(row) == place && key.equals(row[1])))) {
			take(cursor);
			if (place(row) == place) {
				rows.add(Arrays.copyOfRange(row, 1, row.length));
			}
		}
		return rows;
	}

	/**
	 * The next row of a cursor, the place first, without taking it; null after the last.
	 */
	private Object[] peek(int cursor) throws SQLException {
		List<Object[]> page = this.pages.get(cursor);
		if (this.at[cursor] == page.size()) {
			if (this.exhausted[cursor]) {
				return null;
			}
			try (ResultSet rows = this.statement.executeQuery("fetch " + PAGE + " from " + name(cursor))) {
				page = rows(rows, cursor, PAGE);
			}
			this.pages.set(cursor, page);
			this.at[cursor] = 0;
			if (page.isEmpty()) {
				return null;
			}
		}
		return page.get(this.at[cursor]);
	}

	private void take(int cursor) {
		this.at[cursor]++;
	}

	private List<Object[]> rows(ResultSet resultSet, int cursor, int asked) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		while (resultSet.next()) {
			rows.add(RoundTrip.row(resultSet, this.types[cursor]));
		}
		if (rows.size() < asked) {
			this.exhausted[cursor] = true;
		}
		return rows;
	}

	private static long place(Object[] row) {
		return (Long) row[0];
	}

	@Override
	public void close() throws SQLException {
		// The cursors close with the transaction.
		this.statement.close();
	}

	private static String name(int cursor) {
		return "minutes_" + cursor;
	}

	private static String cursor(String query) {
		return """
				select minutes_read.place, q.*
				from unnest(current_setting('%s')::bigint[]) with ordinality minutes_read(id, place)
				cross join lateral (%s) q""".formatted(SESSIONS, query);
	}

	/**
	 * Each kind's query for the session {@code minutes_read.id}, as {@code reads} sends
	 * it: the queries of {@link Facts}, but a concern's subsystems, responses and status
	 * changes in the order of the concerns ({@link MinutesQueries.Flow}) so that they can
	 * be read along with them, then the concern changes after the minutes were final and
	 * the counts.
	 */
	private static List<String> perSession(MinutesQueries.Reads reads) {
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < Facts.QUERIES.size(); i++) {
			String query = Facts.QUERIES.get(i);
			if (i < Kind.values().length) {
				Kind kind = Kind.values()[i];
				for (MinutesQueries.Flow flow : MinutesQueries.Flow.values()) {
					if (flow.name().equals(kind.name())) {
						query = flow.sql();
					}
				}
				query = reads.sql(kind, query);
			}
			queries.add(query);
		}
		queries.add(MinutesQueries.CONCERN_CHANGES_AFTER_FINAL);
		queries.add(MinutesQueries.FLOW_COUNTS);
		return queries.stream().map(MinutesCursors::forSession).toList();
	}

	private static String forSession(String query) {
		String one = query.replace("= any(?)", "= any(array[minutes_read.id])").replace("= ?", "= minutes_read.id");
		if (one.indexOf('?') >= 0) {
			throw new IllegalStateException("A query of the minutes with a parameter left: " + one);
		}
		return one;
	}

	/** The rows of a cursor for one session, each made an entry as it is read. */
	private final class Rows<T> implements Iterator<T> {

		private final int cursor;

		private final long place;

		private final Function<Object[], T> entry;

		Rows(int cursor, long place, Function<Object[], T> entry) {
			this.cursor = cursor;
			this.place = place;
			this.entry = entry;
		}

		@Override
		public boolean hasNext() {
			return FlowingMinutes.sql(() -> {
				Object[] row;
				while ((row = peek(this.cursor)) != null && place(row) < this.place) {
					take(this.cursor);
				}
				return row != null && place(row) == this.place;
			});
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Object[] row = FlowingMinutes.sql(() -> peek(this.cursor));
			take(this.cursor);
			return this.entry.apply(Arrays.copyOfRange(row, 1, row.length));
		}

	}

}
