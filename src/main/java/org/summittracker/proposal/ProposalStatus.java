package org.summittracker.proposal;

import java.util.Locale;

/**
 * Where a proposal stands. Only an open proposal is still being decided.
 */
public enum ProposalStatus {

	OPEN, ACCEPTED, REJECTED, WITHDRAWN, SUPERSEDED;

	/** The status in lower-case words, as pages and minutes show it. */
	public String words() {
		return name().toLowerCase(Locale.ROOT);
	}

}
