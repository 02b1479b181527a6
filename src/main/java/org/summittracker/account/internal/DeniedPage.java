package org.summittracker.account.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import org.summittracker.account.Actors;
import org.summittracker.account.NotAllowedException;

/**
 * The 403 page, saying why: the reason a feature gave, a missing or stale form token, or
 * the role a page needs.
 */
class DeniedPage implements AccessDeniedHandler {

	static final String CSRF_REASON = "This form's security token was missing or out of date (tokens change when "
			+ "you sign in or out). Nothing was changed. Go back, reload the page and submit the form again.";

	/** What each administration page is for, by the start of its address. */
	static final Map<String, String> ADMIN_REASONS = Map.of("/admin/accounts",
			"Only administrators may manage accounts.", "/admin/audit",
			"Only administrators may read the whole audit trail.", "/admin/imports",
			"Only administrators may import a MAINTAINERS file.", "/admin/backup",
			"Only administrators may download a backup.", "/admin/people/merge",
			"Only administrators may merge two records of one person.");

	static final String ADMIN_REASON = "Only administrators may open the administration pages.";

	private final ViewResolver views;

	private final Actors actors;

	private final MessageSource messages;

	DeniedPage(ViewResolver views, Actors actors, MessageSource messages) {
		this.views = views;
		this.actors = actors;
		this.messages = messages;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		Map<String, Object> model = new HashMap<>();
		model.put("status", HttpServletResponse.SC_FORBIDDEN);
		model.put("reason", reason(request, denied));
		try {
			View view = this.views.resolveViewName("error/403", request.getLocale());
			if (view == null) {
				throw new IllegalStateException("No view error/403");
			}
			view.render(model, request, response);
		}
		catch (IOException | ServletException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

	private String reason(HttpServletRequest request, AccessDeniedException denied) {
		if (denied instanceof CsrfException) {
			return CSRF_REASON;
		}
		if (denied instanceof NotAllowedException notAllowed) {
			// in words, or by its message code
			return this.messages.getMessage(notAllowed, request.getLocale());
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/admin")) {
			return ADMIN_REASONS.entrySet()
				.stream()
				.filter((page) -> path.startsWith(page.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(ADMIN_REASON);
		}
		String roles = this.actors.current().map((actor) -> actor.roleNames()).orElse("none");
		return "Your account's roles (" + roles + ") do not allow this.";
	}

}
