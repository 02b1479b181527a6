package org.summittracker.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail's subject read the way patch series name their mails:
 * {@code [PATCH v3 2/5] driver core: summary}, also {@code [RFC PATCH]},
 * {@code [PATCH RESEND]}, {@code [PATCH net-next v2 0/7]} (0 is the cover letter), and
 * {@code Re:} for a reply. A missing version is v1; a mail with no {@code PATCH} or
 * {@code RFC} tag is no patch.
 *
 * @param patch whether the subject is tagged as a patch (or RFC)
 * @param reply whether it starts with {@code Re:} (or {@code Aw:}, {@code Fwd:})
 * @param rfc tagged RFC
 * @param resend tagged RESEND
 * @param version the series version, 1 when not given
 * @param number the patch's number in the series, 0 for the cover letter or a lone patch
 * @param total the number of patches in the series, 0 for a lone patch
 * @param prefix the subsystem prefix before the first colon of the summary, or empty
 * @param summary the subject without reply marks and tags
 */
public record PatchSubject(boolean patch, boolean reply, boolean rfc, boolean resend, int version, int number,
		int total, String prefix, String summary) {

	private static final Pattern REPLY = Pattern.compile("^\\s*(?i:re|aw|fwd?|sv)\\s*(\\[\\d+\\])?\\s*:\\s*");

	private static final Pattern TAGS = Pattern.compile("^\\s*\\[([^\\]]{0,200})\\]\\s*");

	/** {@code v3}; a fix-up's {@code v2.1} counts as v2. */
	private static final Pattern VERSION = Pattern.compile("(?i)v(\\d{1,4})(?:\\.\\d{1,3})?");

	private static final Pattern NUMBERING = Pattern.compile("(\\d{1,5})/(\\d{1,5})");

	/** Reads a subject; {@code null} reads as an empty one. */
	public static PatchSubject parse(String subject) {
		String rest = (subject != null) ? subject.replaceAll("\\s+", " ").strip() : "";
		boolean reply = false;
		boolean patch = false;
		boolean rfc = false;
		boolean resend = false;
		int version = 1;
		int number = 0;
		int total = 0;
		boolean more = true;
		while (more) {
			more = false;
			Matcher re = REPLY.matcher(rest);
			if (re.find()) {
				reply = true;
				rest = rest.substring(re.end());
				more = true;
			}
			Matcher tags = TAGS.matcher(rest);
			if (tags.find()) {
				for (String tag : tags.group(1).split("[\\s,]+")) {
					String upper = tag.toUpperCase(Locale.ROOT);
					Matcher v = VERSION.matcher(tag);
					Matcher n = NUMBERING.matcher(tag);
					if (upper.equals("PATCH") || upper.startsWith("PATCHV") || upper.equals("PATCHSET")) {
						patch = true;
						Matcher joined = VERSION.matcher(tag.substring(Math.min(5, tag.length())));
						if (upper.startsWith("PATCHV") && joined.matches()) {
							version = Math.max(1, Integer.parseInt(joined.group(1)));
						}
					}
					else if (upper.equals("RFC")) {
						rfc = true;
					}
					else if (upper.equals("RESEND")) {
						resend = true;
					}
					else if (v.matches()) {
						version = Math.max(1, Integer.parseInt(v.group(1)));
					}
					else if (n.matches()) {
						number = Integer.parseInt(n.group(1));
						total = Integer.parseInt(n.group(2));
					}
				}
				rest = rest.substring(tags.end());
				more = true;
			}
		}
		patch = patch || rfc;
		int colon = rest.indexOf(": ");
		String prefix = (patch && colon > 0) ? rest.substring(0, colon) : "";
		return new PatchSubject(patch, reply, rfc, resend, version, number, total, prefix, rest);
	}

	/** The {@code 0/T} mail that introduces a series (not a reply to it). */
	public boolean isCoverLetter() {
		return this.patch && !this.reply && this.number == 0 && this.total > 0;
	}

	/** How the series names this mail: {@code v3 2/5}, {@code v2}. */
	public String position() {
		return "v" + this.version + ((this.total > 0) ? " " + this.number + "/" + this.total : "");
	}

}
