package org.summittracker.shared;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * Several queries sent to PostgreSQL together, in one round trip: one prepared statement
 * of queries separated by semicolons, every parameter the same array of ids
 * ({@code bigint[]}). Each query's rows come back in order, as their columns are listed,
 * dates as {@link LocalDate}, times as {@link java.time.Instant}, enumerations as their
 * names. Runs in the caller's transaction.
 */
public final class RoundTrip {

	/**
	 * Plans made once per connection: the queries that follow it in a transaction keep
	 * the generic plan of their prepared statement instead of being planned at every
	 * request (each reads by index from the ids in its array, so the generic plan is the
	 * custom one).
	 */
	private static final String GENERIC_PLANS = "set local plan_cache_mode = force_generic_plan";

	/**
	 * The queries as one statement for {@link #read}, after {@link #GENERIC_PLANS}.
	 */
	public static String sql(List<String> queries) {
		return GENERIC_PLANS + ";\n" + String.join(";\n", queries);
	}

	private RoundTrip() {
	}

	/** The rows of each of the queries in {@code sql}, in their order. */
	public static List<List<Object[]>> read(EntityManager entityManager, String sql, Collection<Long> ids) {
		return entityManager.unwrap(org.hibernate.Session.class)
			.doReturningWork((connection) -> read(connection, sql, ids));
	}

	/** The rows of each of the queries in {@code sql}, in their order. */
	public static List<List<Object[]>> read(Connection connection, String sql, Collection<Long> ids)
			throws SQLException {
		int parameters = (int) sql.chars().filter((c) -> c == '?').count();
		Array array = connection.createArrayOf("bigint", ids.toArray(Long[]::new));
		List<List<Object[]>> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 1; i <= parameters; i++) {
				statement.setArray(i, array);
			}
			boolean results = statement.execute();
			while (results || statement.getUpdateCount() != -1) {
				if (results) {
					try (ResultSet resultSet = statement.getResultSet()) {
						rows.add(rows(resultSet));
					}
				}
				results = statement.getMoreResults();
			}
		}
		finally {
			array.free();
		}
		return rows;
	}

	/**
	 * The rows of each query, in their order, each query sent on its own and its rows
	 * fetched {@code fetchSize} at a time (a cursor: the caller's transaction must be
	 * open): one statement per query, but the driver never holds more than a page of a
	 * result's raw rows, where {@link #read} holds every result's whole until the last
	 * arrives (71 MB for a session with 113,760 responses to its concerns).
	 */
	public static List<List<Object[]>> readInPages(EntityManager entityManager, List<String> queries,
			Collection<Long> ids, int fetchSize) {
		return entityManager.unwrap(org.hibernate.Session.class).doReturningWork((connection) -> {
			Array array = connection.createArrayOf("bigint", ids.toArray(Long[]::new));
			List<List<Object[]>> rows = new ArrayList<>();
			try (Statement plans = connection.createStatement()) {
				plans.execute(GENERIC_PLANS);
				for (String query : queries) {
					try (PreparedStatement statement = connection.prepareStatement(query)) {
						int parameters = (int) query.chars().filter((c) -> c == '?').count();
						for (int i = 1; i <= parameters; i++) {
							statement.setArray(i, array);
						}
						statement.setFetchSize(fetchSize);
						try (ResultSet resultSet = statement.executeQuery()) {
							rows.add(rows(resultSet));
						}
					}
				}
			}
			finally {
				array.free();
			}
			return rows;
		});
	}

	private static List<Object[]> rows(ResultSet resultSet) throws SQLException {
		int[] types = columnTypes(resultSet);
		List<Object[]> rows = new ArrayList<>();
		while (resultSet.next()) {
			rows.add(row(resultSet, types));
		}
		return rows;
	}

	/** The SQL types of a result's columns, for {@link #row}. */
	public static int[] columnTypes(ResultSet resultSet) throws SQLException {
		ResultSetMetaData meta = resultSet.getMetaData();
		int[] types = new int[meta.getColumnCount()];
		for (int c = 0; c < types.length; c++) {
			types[c] = meta.getColumnType(c + 1);
		}
		return types;
	}

	/**
	 * The current row of a result, as its columns are listed: dates as {@link LocalDate},
	 * times as {@link java.time.Instant}, the rest as the driver reads them.
	 */
	public static Object[] row(ResultSet resultSet, int[] types) throws SQLException {
		Object[] row = new Object[types.length];
		for (int c = 0; c < types.length; c++) {
			row[c] = switch (types[c]) {
				case Types.DATE -> resultSet.getObject(c + 1, LocalDate.class);
				case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
					OffsetDateTime at = resultSet.getObject(c + 1, OffsetDateTime.class);
					yield (at != null) ? at.toInstant() : null;
				}
				default -> resultSet.getObject(c + 1);
			};
		}
		return row;
	}

	/**
	 * The statement that has the queries after it in a transaction keep generic plans.
	 */
	public static String genericPlans() {
		return GENERIC_PLANS;
	}

}
