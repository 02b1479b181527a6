package org.summittracker.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text minutes' word wrap and flattening, written without regular expressions, give
 * what the regular expressions they replace gave ({@code \R} lines, trimmed, words
 * between {@code \s+}), on hand-picked and random text with every kind of line break,
 * white space, control character and long word.
 */
class TextWrapTests {

	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** The wrap as it was written with regular expressions. */
	private static List<String> byPatterns(String text, String firstIndent, String restIndent, int width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : LINE_BREAK.split(text)) {
			StringBuilder line = new StringBuilder(lines.isEmpty() ? firstIndent : restIndent);
			int start = line.length();
			for (String word : SPACES.split(paragraph.trim())) {
				if (word.isEmpty()) {
					continue;
				}
				if (line.length() > start && line.length() + 1 + word.length() > width) {
					lines.add(line.toString());
					line = new StringBuilder(restIndent);
					start = line.length();
				}
				if (line.length() > start) {
					line.append(' ');
				}
				line.append(word);
			}
			lines.add(line.toString());
		}
		return lines;
	}

	@Test
	void wrapsAsThePatternsDid() {
		List<String> texts = List.of("", " ", "\n", "\r\n", "\n\n", "a", "a\n", "\na", "a\n\nb", "a\r\n\r\nb\r\n",
				"a\n\rb", "a\u2028b\u2029c\u0085d", "a\u000Bb\fc", "  lead and trail  ", "\ttabbed\twords\t",
				"\u0001control\u0001 chars \u0002", "x".repeat(100) + " short " + "y".repeat(80),
				"Zoë Müller 😀 raised a concern about the memory model, and Jérôme replied at length on the list.",
				" \n \n ", "a \r\n \r\n");
		for (String text : texts) {
			assertThat(TextMinutes.lines(text, "* ", "  ", 20)).as("%s", text.codePoints().boxed().toList())
				.isEqualTo(byPatterns(text, "* ", "  ", 20));
			assertThat(TextMinutes.plain(text)).as("%s", text.codePoints().boxed().toList())
				.isEqualTo(SPACES.matcher(text).replaceAll(" ").trim());
		}
	}

	@Test
	void wrapsRandomTextAsThePatternsDid() {
		String alphabet = "aé😀 \t\n\r\u000B\f\u0085\u2028\u2029\u0001\u0000xyz";
		Random random = new Random(18);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(60);
			for (int i = 0; i < length; i++) {
				int pick = random.nextInt(alphabet.length() + 3);
				if (pick >= alphabet.length()) {
					text.append("w".repeat(random.nextInt(30)));
				}
				else {
					text.append(alphabet.charAt(pick));
				}
			}
			int width = 1 + random.nextInt(40);
			String first = " ".repeat(random.nextInt(4));
			String rest = " ".repeat(random.nextInt(6));
			assertThat(TextMinutes.lines(text.toString(), first, rest, width)).as("%s", text)
				.isEqualTo(byPatterns(text.toString(), first, rest, width));
			assertThat(TextMinutes.plain(text.toString())).isEqualTo(SPACES.matcher(text).replaceAll(" ").trim());
		}
	}

}
