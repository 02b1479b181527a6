package org.summittracker.followup;

/**
 * The form was filled in against an older version of the follow-up; nothing was saved
 * (answered with 409).
 */
public class StaleFollowUpException extends RuntimeException {

	private final Long followUpId;

	public StaleFollowUpException(Long followUpId) {
		super("Follow-up " + followUpId + " was changed by someone else");
		this.followUpId = followUpId;
	}

	public Long followUpId() {
		return this.followUpId;
	}

}
