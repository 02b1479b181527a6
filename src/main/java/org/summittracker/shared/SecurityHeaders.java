package org.summittracker.shared;

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

}
