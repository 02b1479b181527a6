package org.summittracker.account.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in account on every request (one primary-key query): roles changed
 * by an administrator apply at once, and a disabled or removed account is signed out.
 */
class ActorRefreshFilter extends OncePerRequestFilter {

	private final AccountDetailsService accounts;

	ActorRefreshFilter(AccountDetailsService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			Optional<AccountPrincipal> fresh = this.accounts.reload(principal.actor().accountId());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			if (fresh.isPresent()) {
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh.get(), null,
						fresh.get().getAuthorities()));
			}
			else {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				context.setAuthentication(new AnonymousAuthenticationToken("summit-anonymous", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
			}
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
