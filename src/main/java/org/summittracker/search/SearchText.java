package org.summittracker.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone typed in the search box, split for PostgreSQL: everything but the prefix
 * words goes to {@code websearch_to_tsquery} as it is (quotes for phrases, {@code or},
 * {@code -word}); each prefix word ({@code bisec*}, {@code -bisec*}), which that function
 * does not know, becomes a {@code to_tsquery} term of letters and digits only, so nothing
 * typed can reach the query syntax. Both are sent as bound values, never as SQL.
 *
 * @param web the text for {@code websearch_to_tsquery}
 * @param prefixes the prefix terms for {@code to_tsquery} ({@code bisec:* & !rus:*}), or
 * an empty string
 */
record SearchText(String web, String prefixes) {

	/** The longest text searched for; longer asks are refused with a message. */
	static final int MAX_LENGTH = 200;

	/** At most this many prefix words count; more would only slow the index down. */
	static final int MAX_PREFIXES = 8;

	private static final Pattern PREFIX = Pattern.compile("(-?)([\\p{L}\\p{N}]+)\\*+");

	static SearchText of(String typed) {
		String text = (typed != null) ? typed.strip() : "";
		StringBuilder web = new StringBuilder();
		List<String> prefixes = new ArrayList<>();
		boolean quoted = false;
		for (String part : text.split("(?=\")|(?<=\")")) {
			if (part.equals("\"")) {
				quoted = !quoted;
				web.append(part);
			}
			else if (quoted) {
				web.append(part);
			}
			else {
				web.append(prefixesOut(part, prefixes));
			}
		}
		return new SearchText(web.toString().strip(), String.join(" & ", prefixes));
	}

	private static String prefixesOut(String text, List<String> prefixes) {
		StringBuilder rest = new StringBuilder();
		for (String word : text.split("\\s+", -1)) {
			Matcher matcher = PREFIX.matcher(word);
			if (matcher.matches()) {
				if (prefixes.size() < MAX_PREFIXES) {
					prefixes.add(("-".equals(matcher.group(1)) ? "!" : "") + matcher.group(2) + ":*");
				}
			}
			else {
				rest.append(word).append(' ');
			}
		}
		return rest.toString();
	}

}
