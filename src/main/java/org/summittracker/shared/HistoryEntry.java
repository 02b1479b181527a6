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

}
