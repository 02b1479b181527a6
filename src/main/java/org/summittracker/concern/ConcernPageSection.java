package org.summittracker.concern;

import org.summittracker.shared.SectionPages;

/**
 * A part of a concern's page that another module shows (the positions citing it, the
 * follow-ups addressing it): the concern module knows nothing of them, they know the
 * concern. Sections show in their {@link org.springframework.core.annotation.Order}.
 */
public interface ConcernPageSection {

	/**
	 * What the section shows of the concern. A long section shows a page of itself: the
	 * one {@code pages} names by its query parameter (one the concern's page reads:
	 * {@code citing}, {@code addressing}), with a pager whose links keep the page's other
	 * sections where they are.
	 */
	Section of(Long concernId, SectionPages pages);

	/**
	 * A fragment of a template, and what it shows; the fragment reads it as
	 * {@code content}, and its pager, if it is paged, as {@code pager}.
	 */
	record Section(String template, String fragment, Object content, SectionPages.Pager pager) {

		public Section(String template, String fragment, Object content) {
			this(template, fragment, content, null);
		}

	}

}
