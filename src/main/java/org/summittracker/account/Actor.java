package org.summittracker.account;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is making a request: a signed-in account, the person it belongs to (if any) and its
 * roles. Feature modules decide what an actor may do with the rules below; anonymous
 * readers have no actor at all.
 *
 * @param accountId the account's id
 * @param username the name the account signs in with
 * @param personId the person the account belongs to, or {@code null} (an operator's
 * account)
 * @param personHandle that person's handle, or {@code null}
 * @param roles the account's roles
 */
public record Actor(Long accountId, String username, Long personId, String personHandle,
		Set<Role> roles) implements Serializable {

	public Actor {
		EnumSet<Role> copy = EnumSet.noneOf(Role.class);
		copy.addAll(roles);
		roles = Collections.unmodifiableSet(copy);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isMaintainer() {
		return has(Role.MAINTAINER);
	}

	public boolean isOrganizer() {
		return has(Role.ORGANIZER);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	/** Whether this account belongs to the given person. */
	public boolean isPerson(Long personId) {
		return this.personId != null && this.personId.equals(personId);
	}

	/**
	 * Whether this actor may record or change something that belongs to the given person:
	 * organizers act for anyone, a maintainer only for themself.
	 */
	public boolean mayActFor(Long personId) {
		return isOrganizer() || (isMaintainer() && isPerson(personId));
	}

	/**
	 * Refuses with a 403 page that gives the reason message {@code why} (a code in
	 * {@code messages.properties}, with {@code args}) unless {@code allowed}.
	 */
	public void require(boolean allowed, String why, Object... args) {
		if (!allowed) {
			throw NotAllowedException.saying(why, args);
		}
	}

	/**
	 * The roles in words, for pages and the audit trail: “Maintainer, Organizer” or
	 * “none”.
	 */
	public String roleNames() {
		return names(this.roles);
	}

	public static String names(Set<Role> roles) {
		return roles.isEmpty() ? "none" : roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
	}

}
