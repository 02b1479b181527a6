package org.summittracker.account.internal;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts for signing in (each request after that finds its account through
 * {@link SignedInAccounts}).
 */
@Service
@Transactional(readOnly = true)
class AccountDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	static String normalize(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		return this.accounts.findForSignIn(normalize(username))
			.map(AccountPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
