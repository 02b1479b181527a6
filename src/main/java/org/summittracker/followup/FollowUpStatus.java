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

}
