package org.summittracker.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One buy-in trailer line, as the kernel's submitting-patches document defines it:
 * {@code Acked-by: Name <address> # note}.
 *
 * @param kind which trailer
 * @param name the name before the address (may be empty)
 * @param address the address, lower case, or {@code null} when the line names none (a
 * bare {@code NACK})
 * @param note what follows {@code #}, or {@code null}
 */
public record Trailer(Kind kind, String name, String address, String note) {

	/**
	 * The trailers that say something about buy-in; others (Signed-off-by, ...) do not.
	 */
	public enum Kind {

		ACKED("Acked-by"), REVIEWED("Reviewed-by"), TESTED("Tested-by"), NACKED("Nacked-by");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * A buy-in trailer line; {@code Acked-for-MFD-by:} (an ack for one part, as some
	 * maintainers give it) is an Acked-by with that part as its note, {@code NAKed-by:} a
	 * Nacked-by.
	 */
	static final Pattern LINE = Pattern.compile(
			"^\\s*(Acked|Reviewed|Tested|Nacked|NAKed)(?:-for-([\\w.+/-]{1,40}?))?-by\\s*:\\s*(.*)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ANGLED = Pattern
		.compile("^(.*?)\\s*<\\s*([^<>\\s]+@[^<>\\s]+?)\\s*>\\s*(?:[#\\[(]\\s*(.*?)[\\])]?)?\\s*$");

	private static final Pattern BARE = Pattern.compile("^([^<>\\s]+@[^<>\\s]+?)\\s*(?:#\\s*(.*))?$");

	/** Reads one line, or {@code null} when it is no buy-in trailer. */
	static Trailer parse(String line) {
		Matcher m = LINE.matcher(line);
		if (!m.matches()) {
			return null;
		}
		String word = m.group(1).toUpperCase(Locale.ROOT);
		Kind kind = Kind.valueOf(word.equals("NAKED") ? "NACKED" : word);
		String part = (m.group(2) != null) ? "for " + m.group(2) : null;
		String value = m.group(3).strip();
		Matcher angled = ANGLED.matcher(value);
		if (angled.matches()) {
			String name = angled.group(1).strip().replaceAll("^\"|\"$", "").strip();
			return new Trailer(kind, name, angled.group(2).toLowerCase(Locale.ROOT),
					note(part, blankToNull(angled.group(3))));
		}
		Matcher bare = BARE.matcher(value);
		if (bare.matches()) {
			return new Trailer(kind, "", bare.group(1).toLowerCase(Locale.ROOT),
					note(part, blankToNull(bare.group(2))));
		}
		// A trailer without an address ("Acked-by: Greg") still is the sender's word.
		return value.isEmpty() ? null : new Trailer(kind, value, null, null);
	}

	private static String note(String part, String note) {
		return (part == null) ? note : (note == null) ? part : part + "; " + note;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** The line as a maintainer writes it again in a mail. */
	public String line() {
		String who = (this.address != null)
				? (this.name.isEmpty() ? this.address : this.name + " <" + this.address + ">") : this.name;
		return this.kind.label() + ": " + who + ((this.note != null) ? " # " + this.note : "");
	}

	/** The same trailer for someone else's address (a bare NACK is the sender's). */
	Trailer from(String senderName, String senderAddress) {
		return new Trailer(this.kind, senderName, senderAddress, this.note);
	}

}
