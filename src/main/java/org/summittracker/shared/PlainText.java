package org.summittracker.shared;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

/**
 * The one input-hygiene rule: text people submit holds no NUL and no other control
 * character but tab, line feed and carriage return (PostgreSQL refuses NUL in text, and
 * the others are never meant, C1 controls such as U+0085 included), no bidirectional
 * embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069: they make text read
 * differently from what it is, "Trojan Source"), no noncharacter and no half of a
 * surrogate pair. {@link InputHygiene} applies it to every string a request binds, so no
 * form, filter or path variable repeats it.
 */
public final class PlainText {

	private static final Pattern CONTROL = Pattern
		.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]|\\p{Cs}");

	private static final Pattern ANY_CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\uFFFE\\uFFFF]");

	/** How much of a refused value a message repeats. */
	private static final int ECHO_MAX = 80;

	private PlainText() {
	}

	public static boolean isClean(String text) {
		return text == null || !CONTROL.matcher(text).find();
	}

	/**
	 * A value fit to repeat in a message: control characters shown as '?', at most 80
	 * characters.
	 */
	public static String printable(Object value) {
		if (value == null) {
			return "";
		}
		String text = ANY_CONTROL.matcher(value.toString()).replaceAll("?");
		return (text.length() > ECHO_MAX) ? text.substring(0, ECHO_MAX) + "…" : text;
	}

	/**
	 * Binds strings that keep the rule; anything else is a type mismatch, answered with
	 * the message {@code typeMismatch.java.lang.String}.
	 */
	static final class Editor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (!isClean(text)) {
				throw new IllegalArgumentException("Text with control characters");
			}
			setValue(text);
		}

	}

}
