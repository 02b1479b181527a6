package org.summittracker.shared;

import org.springframework.data.domain.PageRequest;

/**
 * Pages in URLs count from 1; Spring Data's from 0.
 */
public final class Pages {

	private Pages() {
	}

	/** The page a URL names (anything below 1 is the first), of the given size. */
	public static PageRequest request(int page, int size) {
		return PageRequest.of(Math.max(page, 1) - 1, size);
	}

}
