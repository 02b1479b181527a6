package org.summittracker.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Spring Security's session-held CSRF token, kept in the session as its plain value (a
 * string) rather than as a serialized token object, so that reading it back deserializes
 * nothing of Spring Security. Same names and same token values as
 * {@link HttpSessionCsrfTokenRepository}; a token stored the old way (before an upgrade)
 * is not read, so a form from before the upgrade is refused as out of date.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

	static final String ATTRIBUTE = SessionCsrfTokens.class.getName() + ".token";

	private static final String HEADER = "X-CSRF-TOKEN";

	private static final String PARAMETER = "_csrf";

	private final HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();

	SessionCsrfTokens() {
		this.tokens.setHeaderName(HEADER);
		this.tokens.setParameterName(PARAMETER);
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.tokens.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(ATTRIBUTE, token.getToken());
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ATTRIBUTE) instanceof String token) {
			return new DefaultCsrfToken(HEADER, PARAMETER, token);
		}
		return null;
	}

}
