package org.summittracker.resolution;

public enum Outcome {

	AGREED("Agreed"), EXPERIMENT("Experiment"), REJECTED("Rejected"), DEFERRED("Deferred"),
	NO_CONSENSUS("No consensus");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
