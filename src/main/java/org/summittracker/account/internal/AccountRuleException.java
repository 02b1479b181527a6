package org.summittracker.account.internal;

/**
 * A submitted account breaks a rule; shown next to the form field it concerns.
 */
class AccountRuleException extends RuntimeException {

	private final String field;

	AccountRuleException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
