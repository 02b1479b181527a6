package org.summittracker.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile values of {@code src/test/resources/hostile/corpus.txt}: one a line, with
 * {@code \0}, {@code \n}, {@code \r}, {@code \t}, {@code \\} and
 * backslash-u-four-hex-digit escapes, {@code @empty} for the empty string and
 * {@code @repeat N text} for text N times.
 */
final class HostileCorpus {

	/** One value, and how a report names it (escaped and cut short). */
	record Hostile(String line, String value) {

		@Override
		public String toString() {
			return (this.line.length() > 40) ? this.line.substring(0, 40) + "…" : this.line;
		}

		/** Whether the value is markup a page must never repeat as it is. */
		boolean isMarkup() {
			return this.value.contains("<") && this.value.contains(">");
		}

	}

	static final List<Hostile> ALL = load();

	/**
	 * Every third value, for what is attacked in bulk (path variables, which no form
	 * binds: a value is a name that exists or a 404).
	 */
	static final List<Hostile> SAMPLE = java.util.stream.IntStream.range(0, ALL.size())
		.filter((i) -> i % 3 == 0)
		.mapToObj(ALL::get)
		.toList();

	private HostileCorpus() {
	}

	private static List<Hostile> load() {
		try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/corpus.txt")) {
			List<Hostile> values = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					values.add(new Hostile(line, value(line)));
				}
			}
			return List.copyOf(values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String value(String line) {
		if (line.equals("@empty")) {
			return "";
		}
		if (line.startsWith("@repeat ")) {
			String[] parts = line.split(" ", 3);
			return unescape(parts[2]).repeat(Integer.parseInt(parts[1]));
		}
		return unescape(line);
	}

	private static String unescape(String text) {
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				value.append(c);
				continue;
			}
			char next = text.charAt(++i);
			switch (next) {
				case '0' -> value.append('\0');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> {
					value.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> value.append(next);
			}
		}
		return value.toString();
	}

}
