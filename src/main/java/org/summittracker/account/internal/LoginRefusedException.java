package org.summittracker.account.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused without checking the password, because of too many recent failures.
 */
class LoginRefusedException extends AuthenticationException {

	private final LoginThrottle.Refusal refusal;

	LoginRefusedException(LoginThrottle.Refusal refusal) {
		super("Too many failed sign-ins");
		this.refusal = refusal;
	}

	LoginThrottle.Refusal refusal() {
		return this.refusal;
	}

}
