package org.summittracker.shared;

import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pages in URLs count from 1; Spring Data's from 0.
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * The address of a list with its filters in the query (those with a value), for its
	 * pages' links.
	 */
	public static String base(String path, Map<String, String> filters) {
		UriComponentsBuilder base = UriComponentsBuilder.fromPath(path);
		filters.forEach((name, value) -> {
			if (value != null) {
				base.queryParam(name, value);
			}
		});
		return base.build().encode().toUriString();
	}

	/**
	 * The page a URL names (anything below 1 is the first), of the given size; a page
	 * past the last one is empty, however far past (its offset is kept within what a
	 * query can skip).
	 */
	public static PageRequest request(int page, int size) {
		int last = Integer.MAX_VALUE / size;
		return PageRequest.of(Math.min(Math.max(page, 1) - 1, last), size);
	}

}
