package org.summittracker.account.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.summittracker.shared.ProblemWriter;
import org.summittracker.account.ApiToken;
import org.summittracker.audit.AuditableChange;

/**
 * Authenticates {@code Authorization: Bearer} requests to the API as the token's account
 * (reloaded, so roles and a disabled account apply at once), with the authorities
 * {@code SCOPE_read} and, for a write token, {@code SCOPE_write}. A request naming a
 * token that is unknown, revoked or whose account is disabled is refused with 401 at
 * once; a request without one goes on anonymous (and is refused where a token is needed).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String READ = "SCOPE_read";

	static final String WRITE = "SCOPE_write";

	private static final String BEARER = "Bearer ";

	private final AccessTokens tokens;

	private final SignedInAccounts accounts;

	private final ProblemWriter problems;

	BearerTokenFilter(AccessTokens tokens, SignedInAccounts accounts, ProblemWriter problems) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			refuse(request, response, "The Authorization header must be “Bearer ” and a personal access token.");
			return;
		}
		Optional<ApiToken> token = this.tokens.use(header.substring(BEARER.length()).strip(), request.getRemoteAddr());
		Optional<AccountPrincipal> principal = token.flatMap((found) -> this.accounts.find(found.accountId()))
			.map(SignedInAccounts.SignedIn::principal);
		if (principal.isEmpty()) {
			refuse(request, response, "The token is unknown or revoked, or its account is disabled.");
			return;
		}
		List<GrantedAuthority> authorities = new ArrayList<>(principal.get().getAuthorities());
		authorities.add(new SimpleGrantedAuthority(READ));
		if (token.get().mayWrite()) {
			authorities.add(new SimpleGrantedAuthority(WRITE));
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, authorities));
		SecurityContextHolder.setContext(context);
		request.setAttribute(ApiToken.ATTRIBUTE, token.get());
		request.setAttribute(AuditableChange.THROUGH_ATTRIBUTE, "API token “" + token.get().name() + "”");
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"summit-tracker\", error=\"invalid_token\"");
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token", detail);
	}

}
