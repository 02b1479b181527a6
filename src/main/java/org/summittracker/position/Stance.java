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

	/**
	 * What is missing for this stance to be recorded, as (form field, message) pairs:
	 * conditions for a conditional ack, at least one of the session's concerns for
	 * "concerned", a rationale for an opposition. Empty when fine.
	 */
	public java.util.List<Problem> problems(String conditions, String rationale, int citedConcerns) {
		java.util.List<Problem> problems = new java.util.ArrayList<>();
		if (this == SUPPORTS_WITH_CONDITIONS && isBlank(conditions)) {
			problems.add(new Problem("conditions", "Say what the conditions are: an ack with conditions needs them."));
		}
		if (this == CONCERNED && citedConcerns == 0) {
			problems.add(new Problem("concerns",
					"Choose at least one of this session's concerns: \"concerned\" cites what worries you."));
		}
		if (this == OPPOSES && isBlank(rationale)) {
			problems.add(new Problem("rationale", "Give a rationale: a Nacked-by must say why."));
		}
		return problems;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/**
	 * Looks a stance up by its name, or answers null for anything else (a form sent
	 * something unknown).
	 */
	public static Stance parse(String name) {
		for (Stance stance : values()) {
			if (stance.name().equals(name)) {
				return stance;
			}
		}
		return null;
	}

	/** One thing wrong with a position, and the form field it belongs to. */
	public record Problem(String field, String message) {
	}

	/** Whether this stance counts as an ack for the subsystems the person speaks for. */
	public boolean isAck() {
		return this.ack;
	}

}
