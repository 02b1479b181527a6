package org.summittracker.material;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule of a material's address: an absolute {@code https} or {@code http} URL with a
 * host, no credentials in it, no white space or control character, at most {@link #MAX}
 * characters. Answers the message code of what is wrong, if anything.
 */
final class MaterialUrl {

	/** At most this long. */
	static final int MAX = 2_000;

	/** White space, control and invisible formatting characters. */
	private static final Pattern UNSEEN = Pattern.compile("[\\s\\p{Cc}\\p{Cf}\\u2028\\u2029]");

	private MaterialUrl() {
	}

	/** The message code of what is wrong with {@code url}, or none. */
	static Optional<String> problem(String url) {
		if (url == null || url.isBlank()) {
			return Optional.of("material.url.required");
		}
		if (url.length() > MAX) {
			return Optional.of("material.url.too-long");
		}
		if (UNSEEN.matcher(url).find()) {
			return Optional.of("material.url.malformed");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("material.url.malformed");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
			return Optional.of("material.url.scheme");
		}
		if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
			return Optional.of("material.url.credentials");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return Optional.of("material.url.malformed");
		}
		return Optional.empty();
	}

}
