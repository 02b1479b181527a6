package org.summittracker.concern;

/**
 * A concern category as the list of categories shows it: values read from the entity, so
 * that the page rendered from them can be kept by them.
 */
public record CategoryView(String slug, String name) {

	static CategoryView of(ConcernCategory category) {
		return new CategoryView(category.getSlug(), category.getName());
	}

}
