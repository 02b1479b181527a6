package org.summittracker.position;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.people.Person;

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
		return record(position, (oldStance == null) ? ChangeKind.STATED : ChangeKind.CHANGED, oldStance,
				position.getEnteredBy(), position.getEntryMethod());
	}

	/**
	 * Saves the position and appends a history entry of the given kind, made by
	 * {@code by} in the given way.
	 */
	@Transactional
	public Position record(Position position, ChangeKind kind, Stance oldStance, Person by, EntryMethod how) {
		Position saved = this.positions.save(position);
		String cited = String.join(", ", saved.getCitedConcernKeys());
		this.changes.save(PositionChange.of(saved, kind, oldStance, cited.isEmpty() ? null : cited, by, how));
		return saved;
	}

}
