package org.summittracker.freshness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionImplementor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.Cache;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.summittracker.shared.KeptReads;

/**
 * Rows kept by the stamps of the tables their query names ({@link TableStamps}), for
 * every reader: the rows a query returns depend on nothing but its text, its parameters
 * and the rows of the tables it names, so while no such table is written the same query
 * returns the same rows. A query that names a table whose writes move no stamp, or a
 * function of the time or of the connection, is not kept. A read of any kind
 * ({@link #read}) is kept the same way, under the tables named by the SQL it sent
 * ({@link ReadRecorder}) and of the rows it took from what was kept.
 *
 * <p>
 * Kept only in read-only transactions (a transaction that writes would read its own
 * uncommitted rows). The tables' stamps are read at the change stamp this request read
 * before its data ({@link FreshPagesFilter}) or later, and the rows after them, so rows
 * are never kept under stamps newer than they are.
 */
class ReadsByTables implements KeptReads {

	/** Words that make a query's rows depend on more than its tables' rows. */
	private static final Set<String> UNSTABLE = Set.of("now", "current_date", "current_time", "current_timestamp",
			"localtime", "localtimestamp", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
			"timeofday", "random", "nextval", "currval", "lastval", "setval", "current_setting", "current_user",
			"session_user", "txid_current", "pg_backend_pid", "gen_random_uuid");

	private static final Pattern WORDS = Pattern.compile("[^a-z0-9_]+");

	/** A query that may not be kept. */
	private static final String[] NOT_KEPT = {};

	private static final int QUERIES_KNOWN = 512;

	private final Cache reads;

	private final TableStamps stamps;

	private final ChangeStamps changeStamps;

	private final boolean keeping;

	/** The tables each query names (or {@link #NOT_KEPT}), found once per query. */
	private final Map<String, String[]> tablesOf = new ConcurrentHashMap<>();

	private final LongAdder found = new LongAdder();

	private final ReadRecorder recorder;

	private final ObjectProvider<EntityManagerFactory> entityManagers;

	private final KeptValues values;

	ReadsByTables(Cache reads, TableStamps stamps, ChangeStamps changeStamps, ReadRecorder recorder,
			ObjectProvider<EntityManagerFactory> entityManagers, KeptValues values, boolean keeping) {
		this.values = values;
		this.recorder = recorder;
		this.entityManagers = entityManagers;
		this.reads = reads;
		this.stamps = stamps;
		this.changeStamps = changeStamps;
		this.keeping = keeping;
	}

	@Override
	public Now now() {
		if (!keeps()) {
			return null;
		}
		TableStamps.Stamps now = this.recorder.unnoted(() -> this.stamps.at(requestStamp()));
		return new Now() {

			@Override
			public Object keyOf(String query, List<Long> ids, List<Object> values) {
				String[] tables = tablesOf(query);
				if (tables == NOT_KEPT) {
					return null;
				}
				long[] at = new long[tables.length];
				for (int t = 0; t < tables.length; t++) {
					at[t] = now.of(tables[t]);
				}
				return new ReadKey(query, ids, values, at);
			}

			@Override
			public List<Object[]> find(Object key) {
				KeptRows kept = ReadsByTables.this.reads.get(key, KeptRows.class);
				if (kept == null || !Arrays.equals(kept.stamps(), ((ReadKey) key).stamps())) {
					return null;
				}
				ReadsByTables.this.found.increment();
				ReadsByTables.this.recorder.tables(tablesOf(((ReadKey) key).query()));
				List<Object[]> rows = new ArrayList<>(kept.rows().size());
				for (Object[] row : kept.rows()) {
					rows.add(copy(row));
				}
				return rows;
			}

			@Override
			public void keep(Object key, List<Object[]> rows) {
				long weight = ModelDigest.weightOf(rows, null);
				long[] at = ((ReadKey) key).stamps();
				KeptRows there = ReadsByTables.this.reads.get(key, KeptRows.class);
				if (weight >= 0 && (there == null || !newer(there.stamps(), at))) {
					List<Object[]> copy = new ArrayList<>(rows.size());
					rows.forEach((row) -> copy.add(copy(row)));
					ReadsByTables.this.reads.put(key,
							new KeptRows(List.copyOf(copy), at, (int) Math.min(weight, 1 << 30)));
				}
			}

		};
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T read(String what, List<?> inputs, Supplier<T> read) {
		if (!keeps()) {
			return read.get();
		}
		TableStamps.Stamps now = this.recorder.unnoted(() -> this.stamps.at(requestStamp()));
		ReadOf key = new ReadOf(what, inputs);
		KeptRead kept = current(key, now);
		if (kept != null) {
			return (T) kept.value();
		}
		// An entity the transaction holds already would be found without SQL: what it was
		// read from would not be noted.
		boolean holdsEntities = holdsEntities();
		ReadRecorder.Recording recording = this.recorder.start();
		T value;
		try {
			value = read.get();
		}
		finally {
			this.recorder.stop(recording);
		}
		// A read that is not kept leaves the read it is made within to judge for itself:
		// all it sent was noted there too (a plain statement marks every recording), and
		// entities loaded within that read were loaded by SQL it noted.
		String[] tables = (recording.unknown || holdsEntities) ? NOT_KEPT : tablesRead(recording);
		long weight = (tables != NOT_KEPT) ? ModelDigest.weightOf(value, this.values::mark) : -1;
		if (weight < 0) {
			return value;
		}
		long[] at = new long[tables.length];
		for (int t = 0; t < tables.length; t++) {
			at[t] = now.of(tables[t]);
		}
		this.reads.put(key, new KeptRead(tables, at, value, (int) Math.min(weight, 1 << 30)));
		return value;
	}

	/** Whether reads are kept at all ({@code summit.reads.kept.enabled}). */
	boolean isKeeping() {
		return this.keeping;
	}

	/**
	 * What was kept for this read and is current at this request's stamps, found without
	 * a transaction (the stamps say the rows it was read from are those committed now);
	 * null when there is none or when keeping is off.
	 */
	KeptRead found(String what, List<?> inputs) {
		if (!this.keeping) {
			return null;
		}
		return current(new ReadOf(what, inputs), this.recorder.unnoted(() -> this.stamps.at(requestStamp())));
	}

	private KeptRead current(ReadOf key, TableStamps.Stamps now) {
		KeptRead kept = this.reads.get(key, KeptRead.class);
		if (kept == null || !kept.currentAt(now)) {
			return null;
		}
		this.found.increment();
		this.recorder.tables(kept.tables());
		return kept;
	}

	/**
	 * Whether reads may be kept here: keeping is on, and the transaction is read-only
	 * (one that may write could read rows it has not committed).
	 */
	private boolean keeps() {
		return this.keeping && TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/** Whether the transaction's persistence context holds entities. */
	private boolean holdsEntities() {
		EntityManagerFactory factory = this.entityManagers.getIfAvailable();
		Object holder = (factory != null) ? TransactionSynchronizationManager.getResource(factory) : null;
		return holder instanceof EntityManagerHolder held && held.getEntityManager()
			.unwrap(SessionImplementor.class)
			.getPersistenceContextInternal()
			.getNumberOfManagedEntities() > 0;
	}

	/** The tables of all a read sent and took from what is kept, or {@link #NOT_KEPT}. */
	private String[] tablesRead(ReadRecorder.Recording recording) {
		Set<String> tables = new LinkedHashSet<>(recording.tables);
		for (String sql : recording.sql) {
			String[] named = tablesOf(sql);
			if (named == NOT_KEPT) {
				return NOT_KEPT;
			}
			tables.addAll(List.of(named));
		}
		return tables.toArray(String[]::new);
	}

	/** How many reads were answered with kept rows since the start (for tests). */
	long found() {
		return this.found.sum();
	}

	/** The change stamp this request read before its data, or the current one. */
	private long requestStamp() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object stamp = (request != null)
				? request.getAttribute(FreshPagesFilter.STAMP_READ, RequestAttributes.SCOPE_REQUEST) : null;
		return (stamp instanceof ChangeStamp read) ? read.value() : this.changeStamps.current().value();
	}

	private String[] tablesOf(String query) {
		String[] tables = this.tablesOf.get(query);
		if (tables == null) {
			tables = findTables(query);
			if (this.tablesOf.size() < QUERIES_KNOWN) {
				this.tablesOf.put(query, tables);
			}
		}
		return tables;
	}

	/**
	 * Every word of the query that names a table (a column or an alias named as a table
	 * only adds a stamp the rows do not depend on), or {@link #NOT_KEPT}.
	 */
	private String[] findTables(String query) {
		TableStamps.Tables tables = this.recorder.unnoted(this.stamps::tables);
		List<String> named = new ArrayList<>();
		for (String word : WORDS.split(query.toLowerCase(Locale.ROOT))) {
			if (UNSTABLE.contains(word) || word.startsWith("pg_")) {
				return NOT_KEPT;
			}
			if (tables.all().contains(word)) {
				if (!tables.stamped().contains(word)) {
					return NOT_KEPT;
				}
				if (!named.contains(word)) {
					named.add(word);
				}
			}
		}
		return named.toArray(String[]::new);
	}

	/** A copy of a row, and of the arrays in it: the caller may change its own. */
	private static Object[] copy(Object[] row) {
		Object[] copy = row.clone();
		for (int c = 0; c < copy.length; c++) {
			if (copy[c] instanceof Object[] array) {
				copy[c] = array.clone();
			}
		}
		return copy;
	}

	/** Whether any of these stamps is past the other's (they only ever grow). */
	private static boolean newer(long[] stamps, long[] than) {
		for (int t = 0; t < stamps.length && t < than.length; t++) {
			if (stamps[t] > than[t]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A query with its parameters, at the stamps of the tables it names. The stamps are
	 * not part of what identifies it: the rows kept for a query replace those kept at
	 * earlier stamps (which no request will be answered with again), rather than linger
	 * until the cache's weight pushes them out, long enough to reach the heap's old
	 * generation and fill it when the tables are written often.
	 */
	private record ReadKey(String query, List<Long> ids, List<Object> values, long[] stamps) {

		@Override
		public boolean equals(Object other) {
			return other instanceof ReadKey key && this.query.equals(key.query) && this.ids.equals(key.ids)
					&& this.values.equals(key.values);
		}

		@Override
		public int hashCode() {
			return (this.query.hashCode() * 31 + this.ids.hashCode()) * 31 + this.values.hashCode();
		}

	}

	/** Rows as kept, the stamps of their tables then, and what they weigh in the heap. */
	record KeptRows(List<Object[]> rows, long[] stamps, int weight) {

	}

	/**
	 * A read kept by {@link #read}: what it is and what it depends on beyond its tables.
	 */
	private record ReadOf(String what, List<?> inputs) {

	}

	/** A read's answer, with the tables it read and their stamps then. */
	record KeptRead(String[] tables, long[] stamps, Object value, int weight) {

		boolean currentAt(TableStamps.Stamps now) {
			for (int t = 0; t < this.tables.length; t++) {
				if (now.of(this.tables[t]) != this.stamps[t]) {
					return false;
				}
			}
			return true;
		}

	}

}
