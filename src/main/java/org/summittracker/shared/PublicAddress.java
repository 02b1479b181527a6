package org.summittracker.shared;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people reach the application at ({@code summit.base-url}), for the few
 * links that must be absolute (a calendar feed's). It is configured, never taken from a
 * request's {@code Host} header, which whoever sends the request chooses.
 */
@Component
public class PublicAddress {

	private final String baseUrl;

	PublicAddress(@Value("${summit.base-url:http://localhost:8080}") String baseUrl) {
		URI uri = URI.create(baseUrl.strip());
		if (!uri.isAbsolute() || uri.getHost() == null
				|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new IllegalArgumentException(
					"summit.base-url must be an http or https address such as https://summit.example.org, not "
							+ baseUrl);
		}
		this.baseUrl = uri.toString().replaceFirst("/+$", "");
	}

	/** Such as {@code https://summit.example.org}, with no trailing slash. */
	public String baseUrl() {
		return this.baseUrl;
	}

}
