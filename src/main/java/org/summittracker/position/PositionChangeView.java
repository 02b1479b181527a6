package org.summittracker.position;

import java.time.Instant;

/**
 * One entry of a position's history, as timelines show it.
 */
public record PositionChangeView(Long id, Long positionId, String handle, String name, ChangeKind kind,
		Stance oldStance, Stance newStance, String conditions, String rationale, String citedConcerns,
		String speaksForName, EntryMethod entryMethod, String enteredByHandle, String enteredByName,
		Instant changedAt) {

	public boolean isStatedInSession() {
		return this.entryMethod == EntryMethod.STATED_IN_SESSION;
	}

	/** "Undecided → Acked-by", "none → Concerned", "Acked-by → withdrawn". */
	public String transition() {
		String from = (this.oldStance != null) ? this.oldStance.label() : "none";
		return switch (this.kind) {
			case CONFIRMED -> "confirmed " + ((this.newStance != null) ? this.newStance.label() : "");
			case WITHDRAWN -> from + " → withdrawn";
			default -> from + " → " + this.newStance.label();
		};
	}

	/** How it was entered, in words. */
	public String how() {
		return isStatedInSession() ? "Stated in session, entered by " + this.enteredByName
				: "By " + this.enteredByName + " themself";
	}

}
