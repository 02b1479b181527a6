package org.summittracker.concern;

/**
 * A part of a concern's page that another module shows (the positions citing it, the
 * follow-ups addressing it): the concern module knows nothing of them, they know the
 * concern. Sections show in their {@link org.springframework.core.annotation.Order}.
 */
public interface ConcernPageSection {

	/** What the section shows of the concern. */
	Section of(Long concernId);

	/**
	 * A fragment of a template, and what it shows; the fragment reads it as
	 * {@code content}.
	 */
	record Section(String template, String fragment, Object content) {
	}

}
