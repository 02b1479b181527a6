package org.summittracker.position;

/**
 * The form was filled in against an older state of the position; nothing was saved
 * (answered with 409).
 */
public class StalePositionException extends RuntimeException {

	private final String handle;

	StalePositionException(String handle) {
		super("The position of " + handle + " was changed by someone else");
		this.handle = handle;
	}

	public String handle() {
		return this.handle;
	}

}
