package org.summittracker.resolution;

import java.util.Locale;

public enum Outcome {

	AGREED("Agreed"), EXPERIMENT("Experiment"), REJECTED("Rejected"), DEFERRED("Deferred"),
	NO_CONSENSUS("No consensus");

	private final String label;

	private final String css = name().toLowerCase(Locale.ROOT);

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The CSS class suffix of its badge: the name in lower case, computed once. */
	public String getCss() {
		return this.css;
	}

}
