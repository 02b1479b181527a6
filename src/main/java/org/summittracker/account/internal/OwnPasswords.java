package org.summittracker.account.internal;

import java.util.Objects;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import org.summittracker.account.Actor;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * A person changes their own password, giving the one they have: a wrong one counts as a
 * failed sign-in of the {@link LoginThrottle} (so a stolen session cannot try passwords
 * faster than the sign-in form), and while the throttle refuses the account or the
 * address, no password is checked at all. Not one transaction: a failure is counted even
 * though the change is refused.
 */
@Service
class OwnPasswords {

	private final AccountRepository accounts;

	private final AccountAdministration administration;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	OwnPasswords(AccountRepository accounts, AccountAdministration administration, PasswordEncoder passwords,
			LoginThrottle throttle) {
		this.accounts = accounts;
		this.administration = administration;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/**
	 * Refuses, every problem at once, what {@link #change} would refuse of the passwords
	 * (a current password given is checked, and counted when wrong; a new one equal to it
	 * is no change), changing nothing else.
	 */
	void check(Actor owner, String address, String current, String password, String again) {
		Problems problems = new Problems();
		boolean confirmed = false;
		if (current != null && !current.isEmpty()) {
			confirmed = Boolean.TRUE.equals(problems.of(() -> confirm(owner, address, current)));
		}
		if (confirmed && current.equals(password)) {
			// Said only once the current password is known right: it tells nothing new.
			problems.add("password", "account.password.same");
		}
		if (password != null && !password.isEmpty() && !password.equals(again)) {
			problems.add("passwordAgain", "account.password.again.different");
		}
		problems.refuse();
	}

	/**
	 * Changes the owner's password, when the current one is right and the new one,
	 * another one, given twice alike, on the form of the account's password version.
	 * @throws RuleViolation when a password is wrong, or refused by the throttle
	 * @throws StaleVersionException when the password changed since the form was opened
	 */
	void change(Actor owner, String address, long passwordVersion, String current, String password, String again) {
		check(owner, address, current, password, again);
		this.administration.changeOwnPassword(owner, passwordVersion, password);
	}

	/** Answers true when {@code current} is the owner's password; refuses otherwise. */
	private boolean confirm(Actor owner, String address, String current) {
		String username = AccountDetailsService.normalize(owner.username());
		Optional<LoginThrottle.Refusal> refusal = this.throttle.refusal(username, address);
		if (refusal.isPresent()) {
			throw new RuleViolation("currentPassword", "account.password.current.refused", refusal.get().minutes());
		}
		String hash = this.accounts.findById(Objects.requireNonNull(owner.accountId()))
			.map(Account::getPasswordHash)
			.orElse(null);
		if (hash != null && this.passwords.matches(current, hash)) {
			this.throttle.succeeded(username);
			return true;
		}
		this.throttle.failed(username, address);
		throw new RuleViolation("currentPassword", "account.password.current.wrong");
	}

}
