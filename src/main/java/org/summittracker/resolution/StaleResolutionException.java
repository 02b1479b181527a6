package org.summittracker.resolution;

/**
 * The form was filled in against an older version of the resolution; nothing was saved
 * (answered with 409).
 */
public class StaleResolutionException extends RuntimeException {

	private final Long resolutionId;

	public StaleResolutionException(Long resolutionId) {
		super("Resolution " + resolutionId + " was changed by someone else");
		this.resolutionId = resolutionId;
	}

	public Long resolutionId() {
		return this.resolutionId;
	}

}
