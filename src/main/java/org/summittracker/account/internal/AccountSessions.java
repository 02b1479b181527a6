package org.summittracker.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Keeps a sign-in in the HTTP session as one short string, the account's id and a
 * fingerprint of its password hash ({@code "42:1f0c…"}), never the security context
 * itself: a signed-in request reads that string and builds its {@link Authentication}
 * from the account as the database holds it now (one primary-key query, only when the
 * request asks who is signed in, kept while the accounts' tables are not written:
 * {@link SignedInAccounts}). So nothing of Spring Security is deserialized per request, a
 * changed role applies at the next request, and a disabled, removed or re-passworded
 * account is signed out there (its session is invalidated).
 * <p>
 * Sessions stored before this (the whole context under {@code SPRING_SECURITY_CONTEXT})
 * have no such string and count as signed out; the old attribute is never read.
 */
final class AccountSessions implements SecurityContextRepository {

	static final String ATTRIBUTE = AccountSessions.class.getName() + ".account";

	/** The username, for Spring Session's principal-name index (a plain string). */
	static final String PRINCIPAL_NAME = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;

	/** Where sessions stored before 2026-12-04 hold the whole security context. */
	static final String LEGACY_ATTRIBUTE = "SPRING_SECURITY_CONTEXT";

	private final SignedInAccounts accounts;

	AccountSessions(SignedInAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return new Deferred(() -> load(request));
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = context.getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof AccountPrincipal principal) {
			String value = value(principal);
			HttpSession session = request.getSession(true);
			if (!value.equals(session.getAttribute(ATTRIBUTE))) {
				session.setAttribute(ATTRIBUTE, value);
				session.setAttribute(PRINCIPAL_NAME, principal.getUsername());
				// Removing does not read it: a context stored before the upgrade goes.
				session.removeAttribute(LEGACY_ATTRIBUTE);
			}
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ATTRIBUTE) != null) {
			session.removeAttribute(ATTRIBUTE);
			session.removeAttribute(PRINCIPAL_NAME);
		}
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(ATTRIBUTE) != null;
	}

	private Optional<SecurityContext> load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String value)) {
			return Optional.empty();
		}
		Optional<AccountPrincipal> principal = parse(value).flatMap(this.accounts::find)
			.filter((fresh) -> value.endsWith(":" + fresh.passwordFingerprint()))
			.map(SignedInAccounts.SignedIn::principal);
		if (principal.isEmpty()) {
			session.invalidate();
			return Optional.empty();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
				principal.get().getAuthorities()));
		return Optional.of(context);
	}

	/**
	 * After the signed-in account changed its own password: this session stays signed in
	 * (it holds the new password's fingerprint, while every other session of the account
	 * still holds the old one and ends at its next request), under a new id, so that an
	 * id learnt before the change opens nothing.
	 */
	static void renew(AccountPrincipal principal, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		request.changeSessionId();
		request.getSession().setAttribute(ATTRIBUTE, value(principal));
	}

	private static String value(AccountPrincipal principal) {
		return principal.actor().accountId() + ":" + principal.passwordFingerprint();
	}

	private static Optional<Long> parse(String value) {
		int colon = value.indexOf(':');
		try {
			return (colon > 0) ? Optional.of(Long.parseLong(value, 0, colon, 10)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A short, one-way fingerprint of a password hash: changes whenever the password
	 * does, and tells nothing about it.
	 */
	static String fingerprint(String passwordHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Loads the context once, when first asked for. */
	private static final class Deferred implements DeferredSecurityContext {

		private final Supplier<Optional<SecurityContext>> loader;

		private SecurityContext context;

		private boolean generated;

		Deferred(Supplier<Optional<SecurityContext>> loader) {
			this.loader = loader;
		}

		@Override
		public SecurityContext get() {
			if (this.context == null) {
				Optional<SecurityContext> loaded = this.loader.get();
				this.generated = loaded.isEmpty();
				this.context = loaded.orElseGet(SecurityContextHolder::createEmptyContext);
			}
			return this.context;
		}

		@Override
		public boolean isGenerated() {
			get();
			return this.generated;
		}

	}

}
