package org.summittracker.resolution;

import java.time.LocalDate;
import java.util.List;

import org.summittracker.concern.Concern;

/**
 * A resolution as its page shows it, with the keys of the concerns it addresses in their
 * order: values read from the entity (inside a transaction; the proposal it decides is
 * not read, the page does not show it), so that the page rendered from them can be kept
 * by them.
 */
public record ResolutionPageView(Long id, int seq, String statement, Outcome outcome, LocalDate decidedOn,
		LocalDate revisitOn, List<String> addressedConcernKeys) {

	static ResolutionPageView of(Resolution resolution) {
		return new ResolutionPageView(resolution.getId(), resolution.getSeq(), resolution.getStatement(),
				resolution.getOutcome(), resolution.getDecidedOn(), resolution.getRevisitOn(),
				resolution.getAddressedConcerns().stream().map(Concern::getKey).sorted().toList());
	}

}
