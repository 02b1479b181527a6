package org.summittracker.proposal;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.summittracker.shared.OneLine;

/**
 * The organizers' form that edits a proposal.
 *
 * @param title one line
 * @param statement what it proposes
 * @param status its status; superseded needs {@code supersededBy}
 * @param supersededBy the key of the proposal that superseded it, or blank
 * @param subsystems the slugs of the subsystems it affects
 * @param decidedIn the session that decided the change ({@code event-slug/session-slug}),
 * one that discussed the proposal; blank when it was decided outside a session
 * @param version the version the form was filled in against
 */
public record ProposalEdit(
		@NotBlank(message = "{proposal.title.required}") @Size(max = Proposal.TITLE_MAX,
				message = "{text.at-most}") @OneLine String title,
		@Size(max = Proposal.STATEMENT_MAX, message = "{text.at-most}") String statement, ProposalStatus status,
		@Size(max = Proposal.KEY_MAX, message = "{text.at-most}") @OneLine String supersededBy, List<String> subsystems,
		@Size(max = 300, message = "{text.at-most}") @OneLine String decidedIn, Long version) {

	public ProposalEdit {
		subsystems = (subsystems != null)
				? subsystems.stream().filter((s) -> s != null && !s.isBlank()).distinct().toList() : List.of();
	}

	static ProposalEdit of(Proposal proposal) {
		return new ProposalEdit(proposal.getTitle(), proposal.getStatement(), proposal.getStatus(),
				(proposal.getSupersededBy() != null) ? proposal.getSupersededBy().getKey() : "",
				proposal.getSubsystems().stream().map((s) -> s.getSlug()).toList(), "", proposal.getVersion());
	}

	/** Whether the form names the subsystem. */
	public boolean names(String slug) {
		return this.subsystems.contains(slug);
	}

}
