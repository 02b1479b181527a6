package org.summittracker.shared;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

/**
 * The one input-hygiene rule: text people submit holds no NUL and no other control
 * character but tab, line feed and carriage return (PostgreSQL refuses NUL in text, and
 * the others are never meant). {@link InputHygiene} applies it to every string a request
 * binds, so no form, filter or path variable repeats it.
 */
public final class PlainText {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

	private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cntrl}");

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
