package org.summittracker.api;

import java.util.Locale;

import org.summittracker.shared.RuleViolation;

/**
 * Enum values in JSON bodies, read as the pages read them in forms and URLs: any case,
 * {@code -} for {@code _} ({@code in-progress}), and as the API writes some of them, a
 * space for {@code _} ({@code supports with conditions}); an unknown one is the field's
 * problem.
 */
final class ApiEnums {

	private ApiEnums() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String code) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.strip().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		throw new RuleViolation(field, code);
	}

	/** The value as the API writes it: lower case, {@code -} for {@code _}. */
	static String slug(Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(Locale.ROOT).replace('_', '-') : null;
	}

}
