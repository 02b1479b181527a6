package org.summittracker.shared;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

/**
 * Several queries sent to PostgreSQL together, in one round trip: one prepared statement
 * of queries separated by semicolons, every parameter the same array of ids
 * ({@code bigint[]}), but for named ones ({@code ?reader}: a question mark and a name),
 * each bound to the value of its name. Each query's rows come back in order, as their
 * columns are listed, dates as {@link LocalDate}, times as {@link java.time.Instant},
 * arrays as Java arrays, enumerations as their names. Runs in the caller's transaction.
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
		String sql = joined(queries);
		if (QUERIES.size() < PARSED_KEPT) {
			QUERIES.putIfAbsent(sql, List.copyOf(queries));
		}
		return sql;
	}

	/**
	 * The queries each statement made by {@link #sql} was made of, so that
	 * {@link #read(KeptReads, EntityManager, String, Collection, Map)} can send only
	 * those whose rows are not kept.
	 */
	private static final Map<String, List<String>> QUERIES = new ConcurrentHashMap<>();

	private RoundTrip() {
	}

	/** The queries as one statement, after {@link #GENERIC_PLANS}. */
	private static String joined(List<String> queries) {
		return GENERIC_PLANS + ";\n" + String.join(";\n", queries);
	}

	/** The rows of each of the queries in {@code sql}, in their order. */
	public static List<List<Object[]>> read(EntityManager entityManager, String sql, Collection<Long> ids) {
		return read(entityManager, sql, ids, Map.of());
	}

	/**
	 * The rows of each of the queries in {@code sql}, in their order, each named
	 * parameter ({@code ?name}) bound to its value in {@code values} (a {@link Long}, an
	 * {@link Integer}, a {@link String} or null, read as a {@code bigint} null).
	 */
	public static List<List<Object[]>> read(EntityManager entityManager, String sql, Collection<Long> ids,
			Map<String, ?> values) {
		return entityManager.unwrap(org.hibernate.Session.class)
			.doReturningWork((connection) -> read(connection, sql, ids, values));
	}

	/**
	 * The rows of each of the queries in {@code sql}, in their order, those kept at the
	 * stamps of the tables they name not sent again.
	 */
	public static List<List<Object[]>> read(KeptReads kept, EntityManager entityManager, String sql,
			Collection<Long> ids) {
		return read(kept, entityManager, sql, ids, Map.of());
	}

	/**
	 * The rows of each of the queries in {@code sql} (made by {@link #sql}, or one
	 * query), in their order, as {@link #read(EntityManager, String, Collection, Map)}
	 * reads them, but for the queries whose rows are kept at the stamps of the tables
	 * they name: only the others are sent, in one round trip, and their rows are kept.
	 */
	public static List<List<Object[]>> read(KeptReads kept, EntityManager entityManager, String sql,
			Collection<Long> ids, Map<String, ?> values) {
		// A statement not made by sql() is one query, unless it holds several.
		List<String> queries = QUERIES.getOrDefault(sql, (sql.indexOf(';') < 0) ? List.of(sql) : null);
		KeptReads.Now now = (queries != null) ? kept.now() : null;
		if (now == null) {
			return read(entityManager, sql, ids, values);
		}
		List<Long> idList = List.copyOf(ids);
		List<List<Object[]>> rows = new ArrayList<>(queries.size());
		Object[] keys = new Object[queries.size()];
		List<String> missing = new ArrayList<>();
		for (int q = 0; q < queries.size(); q++) {
			String query = queries.get(q);
			keys[q] = now.keyOf(query, idList, valuesOf(query, values));
			List<Object[]> found = (keys[q] != null) ? now.find(keys[q]) : null;
			rows.add(found);
			if (found == null) {
				missing.add(query);
			}
		}
		if (missing.isEmpty()) {
			return rows;
		}
		String missingSql = (missing.size() == queries.size()) ? sql : joined(missing);
		List<List<Object[]>> read = read(entityManager, missingSql, ids, values);
		int next = 0;
		for (int q = 0; q < queries.size(); q++) {
			if (rows.get(q) == null) {
				List<Object[]> fresh = read.get(next++);
				rows.set(q, fresh);
				if (keys[q] != null) {
					now.keep(keys[q], fresh);
				}
			}
		}
		return rows;
	}

	/**
	 * The values of a query's named parameters, in their order (the ids not among them).
	 */
	private static List<Object> valuesOf(String query, Map<String, ?> values) {
		List<Object> found = new ArrayList<>();
		for (String name : parsed(query).names()) {
			if (name != null) {
				found.add(values.get(name));
			}
		}
		return found;
	}

	/** The rows of each of the queries in {@code sql}, in their order. */
	public static List<List<Object[]>> read(Connection connection, String sql, Collection<Long> ids)
			throws SQLException {
		return read(connection, sql, ids, Map.of());
	}

	/**
	 * The rows of each of the queries in {@code sql}, in their order, named parameters
	 * bound as {@link #read(EntityManager, String, Collection, Map)} binds them.
	 */
	public static List<List<Object[]>> read(Connection connection, String sql, Collection<Long> ids,
			Map<String, ?> values) throws SQLException {
		Parameters parsed = parsed(sql);
		List<String> names = parsed.names();
		String jdbcSql = parsed.jdbcSql();
		Array array = connection.createArrayOf("bigint", ids.toArray(Long[]::new));
		List<List<Object[]>> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
			for (int i = 1; i <= names.size(); i++) {
				String name = names.get(i - 1);
				if (name == null) {
					statement.setArray(i, array);
				}
				else {
					bind(statement, i, name, values);
				}
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
	 * The statements' SQL as the driver takes it and their parameters' names, made once
	 * per statement: the callers' statements are constants, a few kilobytes each, parsed
	 * at every request before (1.5% of an uncached session page's CPU). At most
	 * {@link #PARSED_KEPT} are kept, should a caller build its SQL.
	 */
	private static final Map<String, Parameters> PARSED = new ConcurrentHashMap<>();

	private static final int PARSED_KEPT = 256;

	/** A statement's SQL as the driver takes it, and its parameters' names in order. */
	record Parameters(String jdbcSql, List<String> names) {
	}

	static Parameters parsed(String sql) {
		Parameters parsed = PARSED.get(sql);
		if (parsed == null) {
			parsed = parse(sql);
			if (PARSED.size() < PARSED_KEPT) {
				PARSED.put(sql, parsed);
			}
		}
		return parsed;
	}

	/**
	 * The SQL with every named parameter ({@code ?name}) made a plain one, and the
	 * parameters' names in order (null: the array of ids).
	 */
	static Parameters parse(String sql) {
		List<String> names = new ArrayList<>();
		StringBuilder jdbcSql = new StringBuilder(sql.length());
		int from = 0;
		int mark = sql.indexOf('?');
		while (mark >= 0) {
			jdbcSql.append(sql, from, mark + 1);
			int end = mark + 1;
			while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
				end++;
			}
			names.add((end > mark + 1) ? sql.substring(mark + 1, end) : null);
			from = end;
			mark = sql.indexOf('?', from);
		}
		jdbcSql.append(sql, from, sql.length());
		return new Parameters(jdbcSql.toString(), Collections.unmodifiableList(names));
	}

	private static void bind(PreparedStatement statement, int index, String name, Map<String, ?> values)
			throws SQLException {
		if (!values.containsKey(name)) {
			throw new IllegalArgumentException("No value for the parameter ?" + name);
		}
		Object value = values.get(name);
		if (value == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else if (value instanceof Long number) {
			statement.setLong(index, number);
		}
		else if (value instanceof Integer number) {
			statement.setInt(index, number);
		}
		else if (value instanceof String text) {
			statement.setString(index, text);
		}
		else {
			throw new IllegalArgumentException("A value of ?" + name + " that cannot be bound: " + value.getClass());
		}
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
	 * times as {@link java.time.Instant}, arrays as Java arrays ({@code Long[]},
	 * {@code String[]}, ...), the rest as the driver reads them.
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
				case Types.ARRAY -> {
					Array array = resultSet.getArray(c + 1);
					if (array == null) {
						yield null;
					}
					try {
						yield array.getArray();
					}
					finally {
						array.free();
					}
				}
				default -> resultSet.getObject(c + 1);
			};
		}
		return row;
	}

}
