package org.summittracker.resolution;

import java.time.LocalDate;
import java.util.List;

/**
 * What an organizer records or revises: the statement, its outcome, when it was decided
 * and is to be revisited, and the keys of the session's concerns it addresses, and
 * whether recording it also resolves those of them still open or deferred.
 */
record ResolutionDraft(String statement, Outcome outcome, LocalDate decidedOn, LocalDate revisitOn,
		List<String> concernKeys, boolean resolveAddressed, String proposalKey) {

	public ResolutionDraft {
		concernKeys = (concernKeys != null) ? List.copyOf(concernKeys) : List.of();
	}

}
