package org.summittracker.minutes;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The formats minutes come in, by the extension in their URL.
 */
enum MinutesFormatKind {

	MARKDOWN("md", "text/markdown;charset=UTF-8"), TEXT("txt", "text/plain;charset=UTF-8"),
	HTML("html", "text/html;charset=UTF-8"), PDF("pdf", "application/pdf"),
	JSON("json", "application/json;charset=UTF-8");

	private final String extension;

	private final String contentType;

	MinutesFormatKind(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	static Optional<MinutesFormatKind> byExtension(String extension) {
		return Arrays.stream(values()).filter((f) -> f.extension.equals(extension)).findFirst();
	}

	String extension() {
		return this.extension;
	}

	String contentType() {
		return this.contentType;
	}

	/**
	 * The kinds of facts the minutes in this format do not print, so do not read: all but
	 * the JSON leave out what only the data holds
	 * ({@link MinutesQueries.Kind#DATA_ONLY}).
	 */
	Set<MinutesQueries.Kind> unread() {
		return (this == JSON) ? Set.of() : MinutesQueries.Kind.DATA_ONLY;
	}

}
