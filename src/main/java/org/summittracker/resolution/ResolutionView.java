package org.summittracker.resolution;

import java.time.LocalDate;
import java.util.List;

public record ResolutionView(Long id, Long sessionId, int seq, String statement, Outcome outcome, LocalDate decidedOn,
		LocalDate revisitOn, List<String> addressedConcernKeys, String proposalKey) {

	/** Without addressed concerns, about the session's proposals as a whole. */
	public ResolutionView(Long id, Long sessionId, int seq, String statement, Outcome outcome, LocalDate decidedOn,
			LocalDate revisitOn) {
		this(id, sessionId, seq, statement, outcome, decidedOn, revisitOn, List.of(), null);
	}

	/**
	 * The same, addressing these concerns and deciding this proposal (null: all of them).
	 */
	ResolutionView addressing(List<String> keys, String proposalKey) {
		return new ResolutionView(this.id, this.sessionId, this.seq, this.statement, this.outcome, this.decidedOn,
				this.revisitOn, List.copyOf(keys), proposalKey);
	}

}
