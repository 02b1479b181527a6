package org.summittracker.position;

/**
 * What one entry of a position's history records.
 */
enum ChangeKind {

	/** The first stance taken (or taken again after a withdrawal). */
	STATED("Stated"),

	/** The stance, or what qualifies it, changed. */
	CHANGED("Changed"),

	/** The person confirmed what someone else entered for them. */
	CONFIRMED("Confirmed"),

	/** The position no longer counts; it stays in the history. */
	WITHDRAWN("Withdrawn");

	private final String label;

	ChangeKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
