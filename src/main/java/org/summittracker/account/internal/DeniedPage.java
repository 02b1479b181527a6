package org.summittracker.account.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.account.NotAllowedException;

/**
 * The 403 page, saying why: the reason a feature gave, a missing or stale form token, or
 * the role a page needs.
 */
class DeniedPage implements AccessDeniedHandler {

	/** Why a form is refused without its token: the message code of the reason. */
	static final String CSRF_REASON = "denied.csrf";

	/**
	 * What each administration page is for, by the start of its address: the message code
	 * of the reason.
	 */
	static final Map<String, String> ADMIN_REASONS = Map.of("/admin/accounts", "denied.admin.accounts", "/admin/audit",
			"denied.admin.audit", "/admin/imports", "denied.admin.imports", "/admin/backup", "denied.admin.backup",
			"/admin/people/merge", "denied.admin.merge");

	static final String ADMIN_REASON = "denied.admin";

	static final String ROLES_REASON = "denied.roles";

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
			return this.messages.getMessage(CSRF_REASON, null, request.getLocale());
		}
		if (denied instanceof NotAllowedException notAllowed) {
			return this.messages.getMessage(notAllowed, request.getLocale());
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/admin")) {
			String why = ADMIN_REASONS.entrySet()
				.stream()
				.filter((page) -> path.startsWith(page.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(ADMIN_REASON);
			return this.messages.getMessage(why, null, request.getLocale());
		}
		String roles = this.actors.current().map((actor) -> actor.roleNames()).orElse(Actor.names(Set.of()));
		return this.messages.getMessage(ROLES_REASON, new Object[] { roles }, request.getLocale());
	}

}
