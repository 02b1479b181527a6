package org.summittracker.followup;

/**
 * A change the domain refuses, naming the form field at fault and why, in words for the
 * page.
 */
public class FollowUpRuleException extends RuntimeException {

	private final String field;

	public FollowUpRuleException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
