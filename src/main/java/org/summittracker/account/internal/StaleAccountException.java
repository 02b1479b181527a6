package org.summittracker.account.internal;

/**
 * The form was filled in against an older state of the account; answered with 409 and the
 * current state.
 */
class StaleAccountException extends RuntimeException {

	private final long accountId;

	StaleAccountException(long accountId) {
		super("Account " + accountId + " was changed by someone else");
		this.accountId = accountId;
	}

	long accountId() {
		return this.accountId;
	}

}
