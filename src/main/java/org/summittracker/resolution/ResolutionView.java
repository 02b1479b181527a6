package org.summittracker.resolution;

import java.time.LocalDate;
import java.util.List;

public record ResolutionView(Long id, Long sessionId, int seq, String statement, Outcome outcome, LocalDate decidedOn,
		LocalDate revisitOn, List<String> addressedConcernKeys) {

	public ResolutionView(Long id, Long sessionId, int seq, String statement, Outcome outcome, LocalDate decidedOn,
			LocalDate revisitOn) {
		this(id, sessionId, seq, statement, outcome, decidedOn, revisitOn, List.of());
	}

	ResolutionView addressing(List<String> keys) {
		return new ResolutionView(this.id, this.sessionId, this.seq, this.statement, this.outcome, this.decidedOn,
				this.revisitOn, List.copyOf(keys));
	}

}
