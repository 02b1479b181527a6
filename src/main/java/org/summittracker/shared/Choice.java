package org.summittracker.shared;

import java.util.Arrays;
import java.util.List;

/**
 * One thing a select, a radio group or a checkbox list offers: the value the form sends,
 * and what the page says for it, either as text (a category's name) or as a message code
 * of {@code messages.properties} with its arguments (a status). {@code mark} is shown
 * before it as code (a concern's key), {@code note} after it in brackets, as a message
 * code (its status).
 */
public record Choice(String value, String label, String code, Object[] args, String mark, String note) {

	/** Offers a thing by the name people gave it. */
	public static Choice of(Object value, String label) {
		return new Choice(String.valueOf(value), label, null, null, null, null);
	}

	/** Offers a thing by its key and title, with a word about it (a message code). */
	public static Choice marked(String key, String title, String note) {
		return new Choice(key, title, null, null, key, note);
	}

	/** Offers a thing in words of {@code messages.properties}. */
	public static Choice coded(Object value, String code, Object... args) {
		return new Choice(String.valueOf(value), null, code, args, null, null);
	}

	/**
	 * Offers the constants of an enum by name, each in the words of
	 * {@code prefix + name()}.
	 */
	public static List<Choice> of(Enum<?>[] constants, String prefix) {
		return Arrays.stream(constants).map((constant) -> coded(constant.name(), prefix + constant.name())).toList();
	}

}
