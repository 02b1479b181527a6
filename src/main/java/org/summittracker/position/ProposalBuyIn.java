package org.summittracker.position;

import org.summittracker.proposal.DiscussedProposal;

/**
 * One proposal a session discusses, with its own buy-in table and readiness.
 */
public record ProposalBuyIn(DiscussedProposal proposal, SessionBuyIn buyIn) {

	public Readiness readiness() {
		return this.buyIn.readiness();
	}

}
