package org.summittracker.proposal;

/**
 * A proposal as one session discusses it: the {@code seq}-th on its list.
 */
public record DiscussedProposal(Long sessionId, int seq, Long id, String key, String title, String statement,
		ProposalStatus status, String parentKey, String parentTitle) {

	public boolean isSubProposal() {
		return this.parentKey != null;
	}

}
