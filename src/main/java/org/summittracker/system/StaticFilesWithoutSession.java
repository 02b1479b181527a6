package org.summittracker.system;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stylesheets, scripts and icons need no session: their requests reach the application
 * without the session cookie, so serving them never reads (or touches) the sessions kept
 * in the database, and pages still look right while the database is down.
 */
class StaticFilesWithoutSession extends OncePerRequestFilter {

	private final String sessionCookie;

	StaticFilesWithoutSession(String sessionCookie) {
		this.sessionCookie = sessionCookie;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isStaticFile(request);
	}

	/** Whether the request is for a stylesheet, a script or an icon. */
	static boolean isStaticFile(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public Cookie[] getCookies() {
				Cookie[] cookies = super.getCookies();
				return (cookies != null) ? Arrays.stream(cookies)
					.filter((cookie) -> !cookie.getName().equals(StaticFilesWithoutSession.this.sessionCookie))
					.toArray(Cookie[]::new) : null;
			}

		}, response);
	}

}
