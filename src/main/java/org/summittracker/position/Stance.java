package org.summittracker.position;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

import org.summittracker.shared.RuleViolation.Problem;

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

	private final String css = name().toLowerCase(Locale.ROOT);

	private final String badgeCss = "badge stance-" + this.css;

	private final String labelKey = "stance.label." + name();

	Stance(String label, boolean ack) {
		this.label = label;
		this.ack = ack;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Whether a position of this stance cites concerns: one that is concerned, opposes or
	 * is undecided does; an ack or “no objection” does not.
	 */
	public boolean citesConcerns() {
		return this == CONCERNED || this == OPPOSES || this == UNDECIDED;
	}

	/**
	 * What is missing for this stance to be recorded: conditions for a conditional ack,
	 * at least one of the session's concerns for “concerned”, a rationale for an
	 * opposition. Empty when fine.
	 */
	public List<Problem> problems(String conditions, String rationale, int citedConcerns) {
		List<Problem> problems = new ArrayList<>();
		if (this == SUPPORTS_WITH_CONDITIONS && isBlank(conditions)) {
			problems.add(new Problem("conditions", "position.conditions.required"));
		}
		if (this == CONCERNED && citedConcerns == 0) {
			problems.add(new Problem("concerns", "position.concerns.required"));
		}
		if (this == OPPOSES && isBlank(rationale)) {
			problems.add(new Problem("rationale", "position.rationale.required"));
		}
		return problems;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/** Whether this stance counts as an ack for the subsystems the person speaks for. */
	public boolean isAck() {
		return this.ack;
	}

	/** The CSS class suffix of its badge: the name in lower case, computed once. */
	public String getCss() {
		return this.css;
	}

	/** Its badge's classes, {@code badge stance-supports} for one. */
	public String getBadgeCss() {
		return this.badgeCss;
	}

	/** The message key of its label, {@code stance.label.SUPPORTS} for one. */
	public String getLabelKey() {
		return this.labelKey;
	}

}
