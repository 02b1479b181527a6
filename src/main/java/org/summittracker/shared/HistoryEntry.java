package org.summittracker.shared;

import java.time.Instant;

/**
 * One entry of a history as the history table shows it: when, who, and the change in
 * words (unless the page words it itself).
 */
public interface HistoryEntry {

	Instant getAt();

	String getBy();

	default String getSummary() {
		return null;
	}

	/**
	 * An entry as the history table shows it, when nothing more is shown of it: values
	 * read from a recorded change, so that a page showing them can be kept by them.
	 */
	record Shown(Instant at, String by, String summary) implements HistoryEntry {

		/**
		 * A JPQL constructor expression reading this from a {@link RecordedChange}'s
		 * alias {@code c}.
		 */
		public static final String OF_CHANGE = "new org.summittracker.shared.HistoryEntry$Shown(c.changedAt, c.changedBy, c.summary)";

		@Override
		public Instant getAt() {
			return this.at;
		}

		@Override
		public String getBy() {
			return this.by;
		}

		@Override
		public String getSummary() {
			return this.summary;
		}

	}

}
