package org.summittracker.shared;

import java.util.List;
import java.util.function.Supplier;

/**
 * Rows read before, kept by the stamps of the tables their query names (freshness keeps
 * them; {@link RoundTrip} asks before it reads): a query is sent again only when one of
 * its tables was written since, so a page whose own data changed in one table reads that
 * table's rows alone.
 */
public interface KeptReads {

	/**
	 * What this request's reads may be kept under now, or null when they may not be kept
	 * (outside a read-only transaction, where a read may see the transaction's own
	 * writes; keeping switched off).
	 */
	Now now();

	/**
	 * What {@code read} answers, kept by the stamps of the tables it read from (whatever
	 * way it read them: the SQL it sends is noted) and by {@code inputs}, everything else
	 * it depends on (ids, pages, values read before). Read again when one of those tables
	 * was written since. Kept only in read-only transactions, when all it sent could be
	 * noted and when its answer is a value (records, texts, numbers, dates, collections
	 * of them: never changed once made).
	 * @param what names the read (its class and method)
	 */
	<T> T read(String what, List<?> inputs, Supplier<T> read);

	/** The tables' stamps as this request reads them, and the rows kept under them. */
	interface Now {

		/**
		 * What identifies a query's rows: its text, the ids and values it is read with,
		 * and the stamps of the tables it names; null when they may not be kept (it names
		 * a table whose writes move no stamp, or a function of the time).
		 */
		Object keyOf(String query, List<Long> ids, List<Object> values);

		/** The rows kept under this key (each row a copy of its own), or null. */
		List<Object[]> find(Object key);

		/**
		 * Keeps a copy of these rows under this key, if every value in them is one that
		 * cannot change (texts, numbers, dates, times, truth values, arrays of them), as
		 * the digests of pages take them.
		 */
		void keep(Object key, List<Object[]> rows);

	}

}
