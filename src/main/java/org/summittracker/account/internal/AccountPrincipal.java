package org.summittracker.account.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.summittracker.account.Actor;

/**
 * The signed-in account as Spring Security holds it; carries the {@link Actor}.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	private final Actor actor;

	private final boolean enabled;

	private final String passwordFingerprint;

	private String passwordHash;

	AccountPrincipal(Actor actor, String passwordHash, boolean enabled) {
		this(actor, passwordHash, AccountSessions.fingerprint(passwordHash), enabled);
	}

	private AccountPrincipal(Actor actor, String passwordHash, String passwordFingerprint, boolean enabled) {
		this.actor = actor;
		this.passwordHash = passwordHash;
		this.passwordFingerprint = passwordFingerprint;
		this.enabled = enabled;
	}

	static AccountPrincipal of(Account account) {
		return new AccountPrincipal(account.toActor(), account.getPasswordHash(), account.isEnabled());
	}

	/**
	 * An enabled account signed in before this request: known by its password's
	 * fingerprint, its hash not needed again.
	 */
	static AccountPrincipal signedIn(Actor actor, String passwordFingerprint) {
		return new AccountPrincipal(actor, null, passwordFingerprint, true);
	}

	public Actor actor() {
		return this.actor;
	}

	/**
	 * Changes whenever the password does (kept after the hash itself is erased), so that
	 * a session signed in with an old password ends.
	 */
	String passwordFingerprint() {
		return this.passwordFingerprint;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = this.actor.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.actor.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && this.actor.accountId().equals(that.actor.accountId());
	}

	@Override
	public int hashCode() {
		return this.actor.accountId().hashCode();
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + this.actor.username() + "]";
	}

}
