package org.summittracker.account.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.summittracker.account.Accounts.AccountSpec;
import org.summittracker.account.Role;
import org.summittracker.system.ExclusiveTasks;

/**
 * Makes sure someone can administer a fresh installation: when no enabled administrator
 * exists, creates one ({@code summit.admin.username}, default {@code admin}) with the
 * password from {@code summit.admin.password} (SUMMIT_ADMIN_PASSWORD) or, when none is
 * configured, a random one written to the log this one time. Runs after the demo data,
 * whose {@code admin} account counts.
 */
@Component
@ConditionalOnWebApplication // not for the backup commands
class FirstAdministrator {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountAdministration accounts;

	private final String username;

	private final String password;

	private final ExclusiveTasks tasks;

	FirstAdministrator(AccountAdministration accounts, ExclusiveTasks tasks,
			@Value("${summit.admin.username:admin}") String username,
			@Value("${summit.admin.password:}") String password) {
		this.accounts = accounts;
		this.tasks = tasks;
		this.username = AccountDetailsService.normalize(username);
		this.password = password;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensure() {
		// Instances starting together create one administrator.
		this.tasks.run("first-administrator", this::ensureNow);
	}

	private void ensureNow() {
		if (this.accounts.anyEnabledAdmin()) {
			return;
		}
		boolean generated = this.password.isBlank();
		String chosen = generated ? randomPassword() : this.password;
		int created = this.accounts
			.provide(List.of(new AccountSpec(this.username, null, EnumSet.of(Role.ADMIN, Role.ORGANIZER))), chosen);
		if (created == 0) {
			logger.warn(
					"No enabled administrator exists and the account '{}' is taken by a non-administrator; "
							+ "set summit.admin.username to a free name to create the first administrator.",
					this.username);
		}
		else if (generated) {
			logger.warn("Created the first administrator '{}' with the generated password {} . It is not shown "
					+ "again and stays valid until reset: sign in and reset it on /admin/accounts, or set "
					+ "SUMMIT_ADMIN_PASSWORD before the first start.", this.username, chosen);
		}
		else {
			logger.info("Created the first administrator '{}' with the password from SUMMIT_ADMIN_PASSWORD.",
					this.username);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
