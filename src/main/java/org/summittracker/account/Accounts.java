package org.summittracker.account;

import java.util.List;
import java.util.Set;

/**
 * Creates accounts outside the admin pages: demo data and start-up.
 */
public interface Accounts {

	/**
	 * An account to create: its username, the person it belongs to (or {@code null}) and
	 * its roles.
	 */
	record AccountSpec(String username, Long personId, Set<Role> roles) {
	}

	/**
	 * Creates each account that does not exist yet (by username, or by person), all with
	 * the same password, hashed once; existing accounts are left exactly as they are.
	 * Answers how many were created.
	 */
	int provide(List<AccountSpec> specs, String password);

}
