package org.summittracker.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail's text taken apart the way a maintainer reads it: the trailers its sender wrote
 * (quoted lines are someone else's and do not count), the sender's own prose, and for a
 * patch the trailers it carries above {@code ---} and the notes between {@code ---} and
 * the diff.
 *
 * @param trailers the buy-in trailers in the sender's own lines (a bare {@code NACK} read
 * as a Nacked-by without an address)
 * @param prose the sender's own lines that are neither trailers, quotes nor attribution,
 * joined with spaces
 * @param notes for a patch: the lines between {@code ---} and the diff
 */
record MailText(List<Trailer> trailers, String prose, List<String> notes) {

	private static final Pattern NACK_ALONE = Pattern.compile("^\\s*(NACK|Nack|NAK)\\b(?!-)[.!,:;]?.*$");

	private static final Pattern ATTRIBUTION = Pattern
		.compile("(?i)^\\s*(on .*wrote:|.*\\bwrote:\\s*$|.*\\bschrieb\\b.*:\\s*$)");

	private static final Pattern OTHER_TRAILER = Pattern
		.compile("(?i)^\\s*(signed-off-by|co-developed-by|reported-by|suggested-by|cc|fixes|link|closes|"
				+ "message-id|change-id|stable-dep-of|requested-by|debugged-by|bisected-by)\\s*:.*$");

	/** Reads a reply: every unquoted line before the signature. */
	static MailText ofReply(String body) {
		List<Trailer> trailers = new ArrayList<>();
		StringBuilder prose = new StringBuilder();
		for (String line : body.split("\n", -1)) {
			if (line.equals("-- ") || line.equals("--")) {
				break;
			}
			if (line.stripLeading().startsWith(">") || line.startsWith("|")) {
				continue;
			}
			if (line.startsWith("diff --git ")) {
				// A fix-up the replier suggests: code, not words.
				break;
			}
			Trailer trailer = Trailer.parse(line);
			if (trailer != null) {
				trailers.add(trailer);
				continue;
			}
			if (NACK_ALONE.matcher(line).matches()) {
				trailers.add(new Trailer(Trailer.Kind.NACKED, "", null, null));
				String rest = line.strip().replaceFirst("^(?i)(NACK|NAK)[.!,:;]?\\s*", "");
				appendProse(prose, rest);
				continue;
			}
			if (ATTRIBUTION.matcher(line).matches() || OTHER_TRAILER.matcher(line).matches()) {
				continue;
			}
			appendProse(prose, line);
		}
		return new MailText(trailers, prose.toString().strip(), List.of());
	}

	/**
	 * Reads a patch: the trailers above the first {@code ---} are carried; the notes run
	 * from there to the diff.
	 */
	static MailText ofPatch(String body) {
		List<Trailer> trailers = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		boolean inNotes = false;
		for (String line : body.split("\n", -1)) {
			if (!inNotes) {
				if (line.equals("---") || line.startsWith("--- ") && !line.startsWith("--- a/")) {
					inNotes = true;
					continue;
				}
				if (line.startsWith("diff --git ")) {
					break;
				}
				if (line.stripLeading().startsWith(">")) {
					continue;
				}
				Trailer trailer = Trailer.parse(line);
				if (trailer != null && trailer.address() != null) {
					trailers.add(trailer);
				}
			}
			else {
				if (line.startsWith("diff --git ") || line.startsWith("Index: ") || line.equals("-- ")) {
					break;
				}
				notes.add(line);
			}
		}
		return new MailText(trailers, "", notes);
	}

	private static void appendProse(StringBuilder prose, String line) {
		String text = line.strip();
		if (!text.isEmpty()) {
			prose.append(text).append(' ');
		}
		else if (!prose.isEmpty() && prose.charAt(prose.length() - 1) != '\n') {
			// A paragraph ends a sentence even without a full stop.
			prose.append('\n');
		}
	}

	private static final Pattern VERSION = Pattern.compile("(?i)\\bv(\\d{1,3})\\b");

	private static final Pattern SINCE = Pattern.compile("(?i)\\b(since|from|after)\\s+v(\\d{1,3})\\b");

	private static final Pattern TAG_WORDS = Pattern
		.compile("(?i)\\b(ack|acks|acked|acked-by|review|reviews|reviewed|reviewed-by|tested|tested-by|tag|tags|"
				+ "trailer|trailers|r-b|a-b|t-b|rb|ab|tb)\\b");

	/**
	 * The version a carried trailer first appeared in, when the notes say so: a note line
	 * naming the trailer's person and a tag word (“v2: added Acked-by from Greg”,
	 * “Changes in v3: - collect Reviewed-by from Jane”), its version from the line or the
	 * heading above it. {@code null} when the notes do not say.
	 */
	Integer carriedSince(Trailer trailer) {
		Integer heading = null;
		for (String line : this.notes) {
			Integer own = versionOf(line);
			boolean mentions = TAG_WORDS.matcher(line).find() && names(line, trailer);
			if (mentions) {
				return (own != null) ? own : heading;
			}
			if (own != null && !line.startsWith(" ") && !line.startsWith("-") && !line.startsWith("*")) {
				heading = own;
			}
		}
		return null;
	}

	private static Integer versionOf(String line) {
		Matcher since = SINCE.matcher(line);
		if (since.find()) {
			return Integer.parseInt(since.group(2)) + 1;
		}
		Integer max = null;
		Matcher v = VERSION.matcher(line);
		while (v.find()) {
			int n = Integer.parseInt(v.group(1));
			max = (max == null) ? n : Math.max(max, n);
		}
		return max;
	}

	private static boolean names(String line, Trailer trailer) {
		String lower = line.toLowerCase(Locale.ROOT);
		if (trailer.address() != null && lower.contains(trailer.address())) {
			return true;
		}
		if (trailer.name().isBlank()) {
			return false;
		}
		String name = trailer.name().toLowerCase(Locale.ROOT);
		if (lower.contains(name)) {
			return true;
		}
		// "from Greg": a first or last name alone, when it is a word of its own.
		for (String part : name.split("[\\s.]+")) {
			if (part.length() >= 3 && Pattern.compile("\\b" + Pattern.quote(part) + "\\b").matcher(lower).find()) {
				return true;
			}
		}
		return false;
	}

}
