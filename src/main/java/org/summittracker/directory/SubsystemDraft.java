package org.summittracker.directory;

import java.util.List;

import org.summittracker.people.Subsystem;

/**
 * What an organizer writes about a subsystem.
 *
 * @param slug blank: made from the name
 * @param name one line
 * @param status as in MAINTAINERS ({@code null}: maintained)
 * @param mailingList or blank
 * @param maintainers handles of its maintainers (M:)
 * @param reviewers handles of its reviewers (R:)
 * @param alongsideSimilar a new subsystem is added even though one like it exists (the
 * person was told and confirmed)
 */
public record SubsystemDraft(String slug, String name, Subsystem.Status status, String mailingList,
		List<String> maintainers, List<String> reviewers, boolean alongsideSimilar) {

	public SubsystemDraft {
		maintainers = (maintainers != null) ? List.copyOf(maintainers) : List.of();
		reviewers = (reviewers != null) ? List.copyOf(reviewers) : List.of();
	}

}
