package org.summittracker.resolution;

/**
 * A draft the domain refuses, naming the form field at fault and why, in words for the
 * page.
 */
public class ResolutionRuleException extends RuntimeException {

	private final String field;

	public ResolutionRuleException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
