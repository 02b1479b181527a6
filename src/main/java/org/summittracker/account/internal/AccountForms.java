package org.summittracker.account.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.summittracker.account.Role;

/**
 * What the account pages' forms submit. Roles arrive as words and are read here, so that
 * an unknown role is an inline error rather than a failed conversion.
 */
final class AccountForms {

	static final String HANDLE = "^[a-z0-9][a-z0-9._-]*$";

	// Printable characters only: no NUL or other control characters.
	static final String PRINTABLE = "^[^\\p{Cntrl}]*$";

	private AccountForms() {
	}

	record NewAccount(
			@NotBlank(message = "Choose a username.") @Size(max = 64, message = "At most 64 characters.") @Pattern(
					regexp = HANDLE,
					message = "Lower-case letters, digits, '.', '_' and '-' only, starting with a letter or digit.") String username,
			@NotBlank(message = "Give the handle of the person this account belongs to.") @Size(max = 64,
					message = "At most 64 characters.") @Pattern(
							regexp = HANDLE, message = "That is not a person's handle.") String person,
			List<String> roles,
			@NotBlank(message = "Choose a password.") @Size(min = 8, max = 128,
					message = "Between 8 and 128 characters.") @Pattern(regexp = PRINTABLE,
							message = "Printable characters only.") String password) {

		static NewAccount empty() {
			return new NewAccount("", "", List.of(Role.MAINTAINER.name()), "");
		}

	}

	record RolesChange(List<String> roles, @NotNull long version) {
	}

	record PasswordReset(@NotBlank(message = "Choose a password.") @Size(min = 8, max = 128,
			message = "Between 8 and 128 characters.") @Pattern(regexp = PRINTABLE,
					message = "Printable characters only.") String password,
			@NotNull long version) {
	}

	/** The roles named, or {@code null} when one of them is not a role. */
	static Set<Role> roles(List<String> names) {
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : (names != null) ? names : List.<String>of()) {
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return roles;
	}

}
