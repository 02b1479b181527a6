package org.summittracker.position;

import java.time.Instant;

/**
 * One entry of a position's history, as timelines show it.
 */
record PositionChangeView(Long id, Long positionId, String handle, String name, ChangeKind kind, Stance oldStance,
		Stance newStance, String conditions, String rationale, String citedConcerns, String speaksForName,
		EntryMethod entryMethod, String enteredByHandle, String enteredByName, Instant changedAt) {

	/** What the timelines say of how it was entered. */
	public EntryMethod.Words entryWords() {
		return this.entryMethod.words(this.enteredByName);
	}

}
