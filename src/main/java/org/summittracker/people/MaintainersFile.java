package org.summittracker.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel's MAINTAINERS file: after the “Maintainers List” heading, one entry
 * per paragraph, a name line followed by tagged lines ({@code M:} maintainer, {@code R:}
 * reviewer, {@code L:} list, {@code S:} status, ...). Tolerates what real copies contain:
 * spaces instead of tabs, mail-only maintainers, quoted names, accented names, unknown
 * tags and free-form statuses; and slips of hand-edited copies: an address missing its
 * closing {@code >}, an M: or R: line with nothing after it.
 */
final class MaintainersFile {

	private static final Pattern TAGGED = Pattern.compile("^([A-Z]):\\s*(.*)$");

	private static final Pattern CONTACT = Pattern.compile("^\\s*(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)(?:>.*|\\s*)$");

	private static final Pattern BARE_EMAIL = Pattern.compile("^\\s*([^\\s@<>]+@[^\\s@<>]+)\\s*$");

	private MaintainersFile() {
	}

	/**
	 * A person named on an M: or R: line; {@code name} is the address itself when the
	 * line gives only that.
	 */
	public record Contact(String name, String email) {
	}

	/**
	 * One subsystem's paragraph; {@code files} and {@code excludes} are its F: and X:
	 * patterns.
	 */
	public record Entry(String name, Subsystem.Status status, String statusText, List<Contact> maintainers,
			List<Contact> reviewers, List<String> lists, List<String> files, List<String> excludes) {

		/**
		 * The first mailing list, without remarks such as “(moderated for
		 * non-subscribers)”.
		 */
		public String mailingList() {
			return this.lists.isEmpty() ? null : this.lists.get(0).split("\\s+")[0];
		}

	}

	public static List<Entry> parse(Reader source) throws IOException {
		BufferedReader reader = new BufferedReader(source);
		List<Entry> entries = new ArrayList<>();
		boolean inList = false;
		Builder current = null;
		String line;
		while ((line = reader.readLine()) != null) {
			if (!inList) {
				inList = line.startsWith("Maintainers List");
				continue;
			}
			if (line.isBlank() || line.trim().startsWith("-----")) {
				current = finish(current, entries);
				continue;
			}
			Matcher tagged = TAGGED.matcher(line);
			if (current != null && tagged.matches()) {
				current.add(tagged.group(1), tagged.group(2).trim());
			}
			else if (!tagged.matches()) {
				current = finish(current, entries);
				current = new Builder(line.trim());
			}
		}
		finish(current, entries);
		return entries;
	}

	private static Builder finish(Builder builder, List<Entry> entries) {
		if (builder != null) {
			entries.add(builder.build());
		}
		return null;
	}

	static Contact contact(String text) {
		Matcher withName = CONTACT.matcher(text);
		if (withName.matches()) {
			String name = withName.group(1).trim();
			if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
				name = name.substring(1, name.length() - 1).trim();
			}
			String email = withName.group(2).trim();
			return new Contact(name.isEmpty() ? email : name, email);
		}
		Matcher bare = BARE_EMAIL.matcher(text);
		if (bare.matches()) {
			return new Contact(bare.group(1), bare.group(1));
		}
		return new Contact(text.trim(), null);
	}

	static Subsystem.Status status(String text) {
		String s = text.toLowerCase(Locale.ROOT);
		if (s.startsWith("supported")) {
			return Subsystem.Status.SUPPORTED;
		}
		if (s.startsWith("maintained")) {
			return Subsystem.Status.MAINTAINED;
		}
		if (s.startsWith("odd fixes")) {
			return Subsystem.Status.ODD_FIXES;
		}
		if (s.startsWith("orphan")) {
			return Subsystem.Status.ORPHAN;
		}
		if (s.startsWith("obsolete")) {
			return Subsystem.Status.OBSOLETE;
		}
		return Subsystem.Status.UNKNOWN;
	}

	private static final class Builder {

		private final String name;

		private String status = "";

		private final List<Contact> maintainers = new ArrayList<>();

		private final List<Contact> reviewers = new ArrayList<>();

		private final List<String> lists = new ArrayList<>();

		private final List<String> files = new ArrayList<>();

		private final List<String> excludes = new ArrayList<>();

		Builder(String name) {
			this.name = name;
		}

		void add(String tag, String value) {
			switch (tag) {
				// An M: or R: line naming nobody (a slip in a hand-edited copy) adds
				// nobody.
				case "M" -> addContact(this.maintainers, value);
				case "R" -> addContact(this.reviewers, value);
				case "L" -> this.lists.add(value);
				case "S" -> this.status = value;
				case "F" -> this.files.add(value.strip());
				case "X" -> this.excludes.add(value.strip());
				default -> {
					// Trees, web pages and keywords are not part of the domain.
				}
			}
		}

		private static void addContact(List<Contact> contacts, String value) {
			if (!value.isBlank()) {
				contacts.add(contact(value));
			}
		}

		Entry build() {
			return new Entry(this.name, status(this.status), this.status, List.copyOf(this.maintainers),
					List.copyOf(this.reviewers), List.copyOf(this.lists), List.copyOf(this.files),
					List.copyOf(this.excludes));
		}

	}

}
