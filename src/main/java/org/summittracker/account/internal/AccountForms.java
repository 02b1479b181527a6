package org.summittracker.account.internal;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.summittracker.account.Role;
import org.summittracker.people.Person;

/**
 * What the account pages' forms submit; roles bind by name, so an unknown one is a type
 * mismatch shown next to the roles.
 */
final class AccountForms {

	private AccountForms() {
	}

	record NewAccount(
			@NotBlank(message = "{account.username.required}") @Size(max = Account.USERNAME_MAX,
					message = "{text.at-most}") @Pattern(regexp = "^$|" + Person.HANDLE,
							message = "{account.username.format}") String username,
			@NotBlank(message = "{account.person.required}") @Size(max = Person.HANDLE_MAX,
					message = "{text.at-most}") @Pattern(regexp = "^$|" + Person.HANDLE,
							message = "{person.handle.format}") String person,
			List<Role> roles, @NewPassword String password) {

		static NewAccount empty() {
			return new NewAccount("", "", List.of(Role.MAINTAINER), "");
		}

	}

	record RolesChange(List<Role> roles, @NotNull Long version) {
	}

	/**
	 * The enable/disable button: the state it asks for, on the version the page was
	 * opened at. Either missing or unreadable is a form that came from no page.
	 */
	record StateChange(Boolean enabled, Long version) {

		/** The button of the account as it is: the other state, on its version. */
		static StateChange of(Account account) {
			return new StateChange(!account.isEnabled(), account.getVersion());
		}

	}

	record PasswordReset(@NewPassword String password, @NotNull Long version) {
	}

	/**
	 * A person's own change of password: the one they have, and the new one twice, on the
	 * form of the account's password version (not of the whole account's: a change of its
	 * roles since does not make the form stale).
	 */
	record PasswordChange(
			@NotBlank(message = "{account.password.current.required}") @Size(max = Account.PASSWORD_MAX,
					message = "{text.at-most}") String currentPassword,
			@NewPassword String password,
			@Size(max = Account.PASSWORD_MAX, message = "{text.at-most}") String passwordAgain, @NotNull Long version) {

		static PasswordChange empty(long version) {
			return new PasswordChange("", "", "", version);
		}

	}

	/** The person an account belongs to, by handle; blank for none. */
	record PersonLink(@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @Pattern(
			regexp = "^$|" + Person.HANDLE, message = "{person.handle.format}") String person, @NotNull Long version) {
	}

}
