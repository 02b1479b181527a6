package org.summittracker.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries, whoever makes it: the application's pages
 * (Spring Security) and the servlet container's own error pages.
 */
public final class SecurityHeaders {

	/**
	 * No inline scripts or styles anywhere: everything comes from the application's own
	 * static files.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	private SecurityHeaders() {
	}

	/**
	 * Adds the headers an answer does not have yet, for answers made outside Spring
	 * Security's filters (requests its firewall or the servlet container refuse).
	 */
	public static void addTo(HttpServletResponse response) {
		add(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
		add(response, "X-Content-Type-Options", "nosniff");
		add(response, "X-Frame-Options", "DENY");
		add(response, "Referrer-Policy", REFERRER_POLICY);
		add(response, "Cache-Control", "no-store");
	}

	private static void add(HttpServletResponse response, String name, String value) {
		if (response.getHeader(name) == null) {
			response.setHeader(name, value);
		}
	}

}
