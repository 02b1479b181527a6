package org.summittracker.concern;

import java.util.List;
import java.util.Objects;

/**
 * What someone writes when filing or editing a concern.
 *
 * @param key the key wanted, or {@code null}/blank to derive one from the title (only
 * organizers choose keys)
 * @param title one line, at most 200 characters
 * @param categorySlug one of the categories
 * @param subsystemSlugs the affected subsystems, possibly none
 * @param body Markdown, at most 20,000 characters
 * @param blocking whether it blocks the proposal
 * @param blockingReason why it blocks; required when it does
 * @param fromNote the id of the session's discussion note it is filed from, or
 * {@code null} (only when filing)
 * @param proposalKey the key of the proposal (one the session discusses) it is about, or
 * {@code null}/blank for the session's main proposal (only when filing)
 */
public record ConcernDraft(String key, String title, String categorySlug, List<String> subsystemSlugs, String body,
		boolean blocking, String blockingReason, Long fromNote, String proposalKey) {

	public ConcernDraft {
		subsystemSlugs = (subsystemSlugs != null) ? subsystemSlugs.stream().filter(Objects::nonNull).distinct().toList()
				: List.of();
	}

	public ConcernDraft(String key, String title, String categorySlug, List<String> subsystemSlugs, String body,
			boolean blocking, String blockingReason) {
		this(key, title, categorySlug, subsystemSlugs, body, blocking, blockingReason, null, null);
	}

	public ConcernDraft(String key, String title, String categorySlug, List<String> subsystemSlugs, String body,
			boolean blocking, String blockingReason, Long fromNote) {
		this(key, title, categorySlug, subsystemSlugs, body, blocking, blockingReason, fromNote, null);
	}

}
