package org.summittracker.minutes;

import java.util.Arrays;
import java.util.Optional;

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
	 * What the minutes in this format read: all but the JSON leave out what they do not
	 * print ({@link MinutesQueries.Reads#PRINTED}).
	 */
	MinutesQueries.Reads reads() {
		return (this == JSON) ? MinutesQueries.Reads.ALL : MinutesQueries.Reads.PRINTED;
	}

}
