package org.summittracker.position;

import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.concern.Concern;

/**
 * Saves a position and appends the matching entry to its history, in one transaction.
 */
@Service
public class PositionHistory {

	private final PositionRepository positions;

	private final PositionChangeRepository changes;

	PositionHistory(PositionRepository positions, PositionChangeRepository changes) {
		this.positions = positions;
		this.changes = changes;
	}

	@Transactional
	public Position record(Position position, Stance oldStance) {
		Position saved = this.positions.save(position);
		String cited = saved.getCitedConcerns().stream().map(Concern::getKey).sorted().collect(Collectors.joining(", "));
		this.changes.save(PositionChange.of(saved, oldStance, cited.isEmpty() ? null : cited));
		return saved;
	}

}
