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

	private static final Pattern NACK_ALONE = Pattern.compile("^\\s*(NACK|Nack|NAK)(ed|'d)?\\b(?!-)[.!,:;]?.*$");

	private static final Pattern ATTRIBUTION = Pattern
		.compile("(?i)^\\s*(on .*wrote:|.*\\b(wrote|writes):\\s*$|.*\\bschrieb\\b.*:\\s*$)");

	/**
	 * Where a top-posted reply's unquoted copy of the mail it answers begins (Outlook and
	 * its kin), in the languages seen on the lists.
	 */
	private static final Pattern ORIGINAL = Pattern
		.compile("(?i)^\\s*(-{3,}\\s*(original message|ursprüngliche nachricht|message d'origine|forwarded message)"
				+ "\\s*-{3,}|_{20,})\\s*$");

	/** The address of a trailer its mailer wrapped onto a line of its own. */
	private static final Pattern WRAPPED_ADDRESS = Pattern.compile("^\\s*<[^<>\\s]+@[^<>\\s]+>.*$");

	private static final Pattern OTHER_TRAILER = Pattern
		.compile("(?i)^\\s*(signed-off-by|co-developed-by|reported-by|suggested-by|cc|fixes|link|closes|"
				+ "message-id|change-id|stable-dep-of|requested-by|debugged-by|bisected-by)\\s*:.*$");

	/**
	 * Reads a reply: every unquoted line before the signature (below {@code -- } is
	 * boilerplate, as b4 reads it too) and before the original a top-posted reply carries
	 * unquoted ({@code -----Original Message-----}).
	 */
	static MailText ofReply(String body) {
		List<Trailer> trailers = new ArrayList<>();
		StringBuilder prose = new StringBuilder();
		for (String line : unwrapTrailers(body.split("\n", -1))) {
			if (line.equals("-- ") || line.equals("--") || ORIGINAL.matcher(line).matches()) {
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
				String rest = line.strip().replaceFirst("^(?i)(NACK|NAK)(ed|'d)?[.!,:;]?\\s*", "");
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
	 * Whether {@link #ofReply} would read the line, unquoted, as a buy-in trailer or a
	 * bare Nack of its sender's.
	 */
	static boolean readAsTrailer(String line) {
		return Trailer.parse(line) != null || NACK_ALONE.matcher(line).matches();
	}

	/**
	 * Reads a patch: the trailers above the first {@code ---} are carried; the notes run
	 * from there to the diff.
	 */
	static MailText ofPatch(String body) {
		List<Trailer> trailers = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		boolean inNotes = false;
		for (String line : unwrapTrailers(body.split("\n", -1))) {
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

	/**
	 * Joins a trailer whose mailer wrapped it before the address
	 * ({@code Reviewed-by: A Long Name} / {@code <address>}) back into one line.
	 */
	private static List<String> unwrapTrailers(String[] lines) {
		List<String> joined = new ArrayList<>(lines.length);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (i + 1 < lines.length && Trailer.LINE.matcher(line).matches() && line.indexOf('@') < 0
					&& WRAPPED_ADDRESS.matcher(lines[i + 1]).matches()) {
				line = line.stripTrailing() + " " + lines[++i].strip();
			}
			joined.add(line);
		}
		return joined;
	}

	/**
	 * Undoes format=flowed (RFC 3676): a line ending in a space goes on in the next one
	 * of the same quote depth; a space stuffed before a line is dropped; with
	 * {@code delsp=yes} the space that marks the break is no part of the text. The
	 * signature separator {@code -- } stays a line of its own.
	 */
	static String unflow(String text, boolean delsp) {
		StringBuilder out = new StringBuilder(text.length());
		StringBuilder paragraph = null;
		int paragraphDepth = 0;
		for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
			int depth = 0;
			while (depth < raw.length() && raw.charAt(depth) == '>') {
				depth++;
			}
			String line = raw.substring(depth);
			if (line.startsWith(" ")) {
				line = line.substring(1);
			}
			boolean soft = line.endsWith(" ") && !line.equals("-- ");
			if (soft && delsp) {
				line = line.substring(0, line.length() - 1);
			}
			if (paragraph != null && depth != paragraphDepth) {
				flowedLine(out, paragraphDepth, paragraph);
				paragraph = null;
			}
			if (paragraph == null) {
				paragraph = new StringBuilder();
				paragraphDepth = depth;
			}
			paragraph.append(line);
			if (!soft) {
				flowedLine(out, paragraphDepth, paragraph);
				paragraph = null;
			}
		}
		if (paragraph != null) {
			flowedLine(out, paragraphDepth, paragraph);
		}
		// Every line ended with a line break; the text did not.
		return out.isEmpty() ? "" : out.substring(0, out.length() - 1);
	}

	private static void flowedLine(StringBuilder out, int depth, CharSequence line) {
		out.append(">".repeat(depth)).append((depth > 0 && line.length() > 0) ? " " : "").append(line).append('\n');
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

	private static final Pattern STEP = Pattern.compile("(?i)\\bv(\\d{1,3})\\s*(->|→|\\.\\.|to)\\s*v(\\d{1,3})\\b");

	/** A version a tag was given on, named in the line about it: “(v2)”, “on v2”. */
	private static final Pattern GIVEN_ON = Pattern
		.compile("(?i)(\\(\\s*v(\\d{1,3})\\s*\\)|\\b(given on|on|for|at)\\s+v(\\d{1,3})\\b)");

	private static final Pattern TAG_WORDS = Pattern
		.compile("(?i)\\b(ack|acks|acked|acked-by|review|reviews|reviewed|reviewed-by|tested|tested-by|tag|tags|"
				+ "trailer|trailers|r-b|a-b|t-b|rb|ab|tb)\\b");

	/**
	 * The version a carried trailer was given on, when the notes say so: a note line
	 * naming the trailer's person and a tag word. The line may name that version (“Add
	 * Acked-by from X (v2)”, “R-b given on v2”); else the version that carries it, on the
	 * line (“v2: added Acked-by from Greg”) or in the heading above it (“Changes in v3:”,
	 * “v2 -> v3:”, “Changes since v2:”), was the first to carry it, and it was given on
	 * the one before. {@code null} when the notes do not say.
	 */
	Integer givenOn(Trailer trailer) {
		Integer heading = null;
		for (String line : this.notes) {
			if (TAG_WORDS.matcher(line).find() && names(line, trailer)) {
				Matcher given = GIVEN_ON.matcher(line);
				if (given.find()) {
					return Integer.parseInt((given.group(2) != null) ? given.group(2) : given.group(4));
				}
				Integer carrying = carryingVersion(line);
				carrying = (carrying != null) ? carrying : heading;
				return (carrying != null) ? Math.max(1, carrying - 1) : null;
			}
			Integer carrying = carryingVersion(line);
			if (carrying != null && !line.startsWith(" ") && !line.startsWith("-") && !line.startsWith("*")) {
				heading = carrying;
			}
		}
		return null;
	}

	/**
	 * The version a changelog line is about: the later of “v2 -> v3”, the one after
	 * “since v2”, else the highest named.
	 */
	private static Integer carryingVersion(String line) {
		Matcher step = STEP.matcher(line);
		if (step.find()) {
			return Integer.parseInt(step.group(3));
		}
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
			if (part.length() >= 3
					&& Pattern.compile("\\b" + Pattern.quote(part) + "\\b", Pattern.UNICODE_CHARACTER_CLASS)
						.matcher(lower)
						.find()) {
				return true;
			}
		}
		return false;
	}

}
