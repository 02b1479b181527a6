package org.summittracker.followup;

import java.util.Locale;

public enum FollowUpStatus {

	OPEN("Open"), IN_PROGRESS("In progress"), DONE("Done"), DROPPED("Dropped");

	private final String label;

	private final String css = name().toLowerCase(Locale.ROOT);

	FollowUpStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The status in lower-case words, as sentences and the audit trail use it: “in
	 * progress”.
	 */
	public String words() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/**
	 * How the status reads in URLs and forms: {@code open}, {@code in-progress},
	 * {@code done}, {@code dropped}.
	 */
	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Still owed: open or in progress. */
	public boolean isActive() {
		return this == OPEN || this == IN_PROGRESS;
	}

	/**
	 * Any status may move to any other: work starts, ends, is dropped, or is reopened.
	 */
	public boolean mayMoveTo(FollowUpStatus to) {
		return to != null && to != this;
	}

	/** The CSS class suffix of its badge: the name in lower case, computed once. */
	public String getCss() {
		return this.css;
	}

}
