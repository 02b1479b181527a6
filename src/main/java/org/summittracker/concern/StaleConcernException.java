package org.summittracker.concern;

/**
 * The form was filled in against an older state of the concern: someone changed it since.
 * Nothing was saved.
 */
public class StaleConcernException extends RuntimeException {

	private final long concernId;

	public StaleConcernException(long concernId) {
		super("Concern " + concernId + " was changed by someone else");
		this.concernId = concernId;
	}

	public long concernId() {
		return this.concernId;
	}

}
