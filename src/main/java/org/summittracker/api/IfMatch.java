package org.summittracker.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking through {@code If-Match}: the entity tag of a versioned resource is
 * its {@code version} field in quotes ({@code "3"}). The {@code ETag} header of a GET is
 * another tag (of the database's change stamp, for {@code If-None-Match}): sent as
 * {@code If-Match}, it is refused saying so.
 */
final class IfMatch {

	static final String HEADER = "If-Match";

	private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

	private IfMatch() {
	}

	/** The strong entity tag of a version. */
	static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} header names; {@code null} for {@code *} (whatever
	 * is current).
	 * @throws ApiProblem.VersionRequired when there is no header
	 * @throws ApiProblem.BadParameter when it names no version
	 */
	static Long required(String header) {
		if (header == null || header.isBlank()) {
			throw new ApiProblem.VersionRequired(
					"This change needs an If-Match header with the version it was made against, such as If-Match: \"3\".");
		}
		return parse(header);
	}

	/** As {@link #required}, but {@code null} when there is no header. */
	static Long optional(String header) {
		return (header == null || header.isBlank()) ? null : parse(header);
	}

	private static Long parse(String header) {
		String value = header.strip();
		if (value.equals("*")) {
			return null;
		}
		Matcher version = VERSION.matcher(value);
		if (!version.matches()) {
			throw new ApiProblem.BadParameter(HEADER, "If-Match must be the version field in quotes, such as \"3\""
					+ " (the ETag of a GET is for If-None-Match).");
		}
		return Long.parseLong(version.group(1));
	}

}
