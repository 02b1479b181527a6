package org.summittracker.concern;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Concerns a form names: those checked among the ones it offers, and any other typed by
 * its key in a text field (forms offer the first concerns of a session only).
 */
public final class ConcernKeys {

	/** What separates the keys typed in a text field. */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

	private ConcernKeys() {
	}

	/**
	 * The keys {@code checked} (none when null), then those {@code typed} (separated by
	 * spaces or commas), each once.
	 */
	public static List<String> of(List<String> checked, String typed) {
		List<String> chosen = (checked != null) ? checked : List.of();
		if (typed == null || typed.isBlank()) {
			return chosen;
		}
		return Stream.concat(chosen.stream(), SEPARATORS.splitAsStream(typed.strip()).filter((k) -> !k.isEmpty()))
			.distinct()
			.toList();
	}

}
