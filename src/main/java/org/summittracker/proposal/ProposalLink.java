package org.summittracker.proposal;

/**
 * A proposal as another page links to it: its key, title and status.
 */
public record ProposalLink(String key, String title, ProposalStatus status) {

	static ProposalLink of(Proposal proposal) {
		return new ProposalLink(proposal.getKey(), proposal.getTitle(), proposal.getStatus());
	}

}
