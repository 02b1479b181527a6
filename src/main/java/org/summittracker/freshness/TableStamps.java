package org.summittracker.freshness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the tables' stamps (V116__table_stamps.sql): each table's is the change stamp at
 * its last committed write. They move only when the change stamp does, so they are read
 * again only when it has moved past what was read last, in one statement with it (one
 * snapshot).
 */
@Component
class TableStamps {

	private static final Object[] NO_ARGUMENTS = {};

	private final JdbcTemplate jdbc;

	private volatile Stamps last = new Stamps(Long.MIN_VALUE, Map.of());

	private volatile Tables tables;

	TableStamps(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tables' stamps at the change stamp {@code atLeast} or later: what was read
	 * last, if it was read at that stamp or later, else read now.
	 */
	Stamps at(long atLeast) {
		Stamps stamps = this.last;
		if (stamps.stamp() >= atLeast) {
			return stamps;
		}
		Map<String, Long> byTable = new HashMap<>();
		long[] stamp = { Long.MIN_VALUE };
		this.jdbc.query("select c.stamp, t.table_name, t.stamp from change_stamp c left join table_stamp t on true",
				(row) -> {
					stamp[0] = row.getLong(1);
					if (row.getString(2) != null) {
						byTable.put(row.getString(2), row.getLong(3));
					}
				}, NO_ARGUMENTS);
		stamps = new Stamps(stamp[0], Map.copyOf(byTable));
		if (stamps.stamp() > this.last.stamp()) {
			this.last = stamps;
		}
		return stamps;
	}

	/** The application's tables, and those whose writes move the stamps: read once. */
	Tables tables() {
		Tables known = this.tables;
		if (known == null) {
			List<String> all = this.jdbc.queryForList(
					"select tablename::text from pg_tables where schemaname = current_schema()", String.class);
			List<String> stamped = this.jdbc.queryForList("""
					select c.relname::text from pg_trigger g join pg_class c on c.oid = g.tgrelid
					where g.tgname = 'change_stamp' and c.relnamespace = current_schema()::regnamespace
					""", String.class);
			known = new Tables(Set.copyOf(new HashSet<>(all)), Set.copyOf(new HashSet<>(stamped)));
			this.tables = known;
		}
		return known;
	}

	/**
	 * The change stamp, and each table's stamp as it was then (absent: not written since
	 * V116).
	 */
	record Stamps(long stamp, Map<String, Long> byTable) {

		long of(String table) {
			Long found = this.byTable.get(table);
			return (found != null) ? found : -1;
		}

	}

	/** The application's tables, and those whose writes move their stamp. */
	record Tables(Set<String> all, Set<String> stamped) {

	}

}
