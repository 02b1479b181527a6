package org.summittracker.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs and handles made of what people typed: "Kernel Maintainers Summit 2026" →
 * "kernel-maintainers-summit-2026". Accents fall away, everything else that is not a
 * letter or digit becomes one '-'.
 */
public final class Slugs {

	/** Lower-case letters, digits and '-', starting with a letter or digit. */
	public static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

	private Slugs() {
	}

	/**
	 * The slug of {@code text}, at most {@code max} characters, or {@code fallback} when
	 * nothing of it is left; never {@code new} (the address of the forms).
	 */
	public static String of(String text, String fallback, int max) {
		String slug = Normalizer.normalize((text != null) ? text : "", Normalizer.Form.NFKD)
			// The accents NFKD took apart from their letters: "í" is "i" then U+0301.
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (slug.length() > max) {
			slug = slug.substring(0, max).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? fallback : slug.equals("new") ? "new-" + fallback : slug;
	}

	/**
	 * {@code base}, or else the first of {@code base-2}, {@code base-3}... that is not
	 * {@code taken} (read at once: one query, however many are taken).
	 */
	public static String firstFree(String base, java.util.Collection<String> taken) {
		String slug = base;
		for (int i = 2; taken.contains(slug); i++) {
			slug = base + "-" + i;
		}
		return slug;
	}

	/**
	 * Whether {@code slug} is one, at most {@code max} characters and not {@code new}.
	 */
	public static boolean isValid(String slug, int max) {
		return slug != null && slug.length() <= max && SLUG.matcher(slug).matches() && !slug.equals("new");
	}

}
