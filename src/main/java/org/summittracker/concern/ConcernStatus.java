package org.summittracker.concern;

/**
 * Where a concern stands. Only an open concern can block a proposal.
 */
public enum ConcernStatus {

	OPEN, RESOLVED, WITHDRAWN, DEFERRED, OVERRULED

}
