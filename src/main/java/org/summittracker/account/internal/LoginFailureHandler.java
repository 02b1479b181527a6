package org.summittracker.account.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login page with one of two messages: a refusal because of too many
 * failures, or “wrong username or password” for every other failure (unknown account,
 * wrong password, disabled account alike). A failure of the application itself goes on to
 * the error pages.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof InternalAuthenticationServiceException) {
			// Not the person's fault (say, the database is down): the error pages answer.
			throw exception;
		}
		String target = "/login?error";
		if (exception instanceof LoginRefusedException refused) {
			target = "/login?refused=" + refused.refusal().scope().name().toLowerCase(Locale.ROOT) + "&minutes="
					+ refused.refusal().minutes();
		}
		response.sendRedirect(request.getContextPath() + target);
	}

}
