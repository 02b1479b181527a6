package org.summittracker.web;

import org.springframework.data.domain.PageRequest;

/**
 * Pages in URLs count from 1; Spring Data's from 0.
 */
final class Pages {

	private Pages() {
	}

	static PageRequest request(int page, int size) {
		return PageRequest.of(Math.max(page, 1) - 1, size);
	}

}
