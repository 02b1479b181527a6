package org.summittracker.position;

/**
 * A person's stance on a proposal, from support to opposition.
 */
public enum Stance {

	/** Shown as Acked-by. */
	SUPPORTS("Acked-by", true),

	SUPPORTS_WITH_CONDITIONS("Acked-by (with conditions)", true),

	NO_OBJECTION("No objection", false),

	UNDECIDED("Undecided", false),

	CONCERNED("Concerned", false),

	/** Shown as Nacked-by; blocks the proposal. */
	OPPOSES("Nacked-by", false);

	private final String label;

	private final boolean ack;

	Stance(String label, boolean ack) {
		this.label = label;
		this.ack = ack;
	}

	public String label() {
		return this.label;
	}

	/** Whether this stance counts as an ack for the subsystems the person speaks for. */
	public boolean isAck() {
		return this.ack;
	}

}
