package org.summittracker.followup;

public enum FollowUpStatus {

	OPEN("Open"), IN_PROGRESS("In progress"), DONE("Done"), DROPPED("Dropped");

	private final String label;

	FollowUpStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * How the status reads in URLs and forms: {@code open}, {@code in-progress},
	 * {@code done}, {@code dropped}.
	 */
	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** The status a URL or form names, or {@code null} when it names none. */
	public static FollowUpStatus fromSlug(String slug) {
		for (FollowUpStatus status : values()) {
			if (status.slug().equals(slug)) {
				return status;
			}
		}
		return null;
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

}
