package org.summittracker.mail;

import java.util.regex.Pattern;

/**
 * Finds the sentence that limits an ack in the same mail: “if you take it through your
 * tree”, “as long as”, “provided that”, “with that fixed”. A plain “If you respin,...”
 * does not limit anything and is not taken for a condition.
 */
final class Conditions {

	private static final Pattern CONDITION = Pattern.compile("(?i)(\\bif (you|they|this|it|these|the series|"
			+ "the patch(es)?|that|andrew|linus|[a-z]+ tree)\\b.{0,80}\\b(take|takes|taken|go|goes|going|route|routed|"
			+ "merge|merged|merges|land|lands|queue|queued|pick|picks|picked|apply|applied|through|via)\\b"
			+ "|\\bif (you|it|this|that) (is |are )?(fix|fixed|address|addressed|drop|dropped|change|changed|"
			+ "rename|renamed|remove|removed|split|keep|kept|add|added|move|moved)\\b"
			+ "|\\bonly if\\b|\\bprovided (that\\b|it\\b|you\\b|the\\b)|\\bas long as\\b|\\bon (the )?condition\\b"
			+ "|\\bassuming (that\\b|it\\b|you\\b|the\\b)|\\bwith (that|this|those|these|the above|the nits?|"
			+ "the comments?|the typo|my comments?)( (nit|issue|comment|typo)s?)? (fixed|addressed|changed|removed|"
			+ "resolved|dropped|sorted|taken care of)\\b|\\bonce (that|this|the above|my comments?) (is|are) "
			+ "(fixed|addressed|resolved)\\b)");

	private Conditions() {
	}

	/** The first sentence of the prose that states a condition, or {@code null}. */
	static String find(String prose) {
		if (prose == null || prose.isBlank()) {
			return null;
		}
		for (String sentence : prose.split("(?<=[.!?])\\s+|\\n")) {
			if (CONDITION.matcher(sentence).find()) {
				String text = sentence.strip();
				return (text.length() > 500) ? text.substring(0, 500) : text;
			}
		}
		return null;
	}

}
