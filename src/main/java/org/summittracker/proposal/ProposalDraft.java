package org.summittracker.proposal;

import jakarta.validation.constraints.Size;

/**
 * The organizers' form that adds a proposal to those a session discusses: the key of an
 * existing proposal, or a new key with a title, a statement and optionally the proposal
 * it is a part of (a sub-proposal).
 *
 * @param key the existing proposal's key, or the new one's
 * @param title the new proposal's title (not needed to link an existing one)
 * @param statement what the new proposal says
 * @param parent the key of the proposal a new sub-proposal is a part of, or blank
 */
public record ProposalDraft(@Size(max = Proposal.KEY_MAX, message = "{text.at-most}") String key,
		@Size(max = Proposal.TITLE_MAX, message = "{text.at-most}") String title,
		@Size(max = Proposal.STATEMENT_MAX, message = "{text.at-most}") String statement,
		@Size(max = Proposal.KEY_MAX, message = "{text.at-most}") String parent) {

	public static ProposalDraft empty() {
		return new ProposalDraft(null, null, null, null);
	}

}
