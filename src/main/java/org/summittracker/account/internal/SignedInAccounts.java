package org.summittracker.account.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import org.summittracker.account.Actor;
import org.summittracker.shared.KeptByTables;

/**
 * The account a signed-in request acts as, as the database holds it now: read at every
 * request that asks who is signed in (a browser's session, an API token), so that a
 * changed role applies at the next request and a disabled account is refused there. It is
 * kept by the tables it reads (accounts, their roles, people) while none of them is
 * written, as the pages' reads are, and read again after any write to them.
 */
@Component
class SignedInAccounts {

	private final AccountRepository accounts;

	SignedInAccounts(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/**
	 * The account as it is now, if it still exists and is enabled: values only, never the
	 * entity nor its password hash (what is kept is shared between requests).
	 */
	@KeptByTables
	public Optional<SignedIn> find(long accountId) {
		return this.accounts.findWithRoles(accountId)
			.filter(Account::isEnabled)
			.map((account) -> new SignedIn(account.toActor(), AccountSessions.fingerprint(account.getPasswordHash())));
	}

	/**
	 * A signed-in account as kept.
	 *
	 * @param actor who it is, with its roles
	 * @param passwordFingerprint its password hash's fingerprint
	 */
	record SignedIn(Actor actor, String passwordFingerprint) {

		/** A principal of its own for each request (Spring Security may change it). */
		AccountPrincipal principal() {
			return AccountPrincipal.signedIn(this.actor, this.passwordFingerprint);
		}

	}

}
