package org.summittracker.account.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Accounts;
import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.account.Role;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * Every change to accounts, each one audited: creating, changing roles, enabling and
 * disabling, resetting the password. The rules: usernames and persons have at most one
 * account, at least one enabled administrator always remains, and an administrator
 * neither disables their own account nor removes their own Admin role.
 */
@Service
@Transactional
class AccountAdministration implements Accounts {

	static final String ENTITY = "Account";

	private final AccountRepository accounts;

	private final PersonRepository people;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	AccountAdministration(AccountRepository accounts, PersonRepository people, PasswordEncoder passwords,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.people = people;
		this.passwords = passwords;
		this.events = events;
	}

	@Override
	public int provide(List<AccountSpec> specs, String password) {
		String hash = null;
		int created = 0;
		for (AccountSpec spec : specs) {
			if (this.accounts.existsByUsername(spec.username())
					|| (spec.personId() != null && this.accounts.existsByPersonId(spec.personId()))) {
				continue;
			}
			if (hash == null) {
				hash = this.passwords.encode(password);
			}
			Person person = (spec.personId() != null) ? this.people.getReferenceById(spec.personId()) : null;
			Account account = this.accounts.save(new Account(spec.username(), hash, person, spec.roles()));
			audit(AuditableChange.SYSTEM, account, "ACCOUNT_CREATED",
					"Created account " + spec.username() + " with roles " + Actor.names(spec.roles()));
			created++;
		}
		return created;
	}

	/** One row of the accounts list. */
	record AccountRow(long id, String username, String personHandle, String personName, String roleNames,
			boolean enabled) {
	}

	/** A page of accounts by username; roles are loaded in one batch, not per row. */
	@Transactional(readOnly = true)
	Page<AccountRow> page(Pageable pageable) {
		return this.accounts.findPage(pageable)
			.map((a) -> new AccountRow(a.getId(), a.getUsername(),
					(a.getPerson() != null) ? a.getPerson().getHandle() : null,
					(a.getPerson() != null) ? a.getPerson().getName() : null, a.getRoleNames(), a.isEnabled()));
	}

	@Transactional(readOnly = true)
	boolean anyEnabledAdmin() {
		return this.accounts.countEnabledWith(Role.ADMIN) > 0;
	}

	/**
	 * Creates an account with a password of its own; refuses names and persons that
	 * already have one.
	 */
	Account create(Actor by, String username, Person person, Set<Role> roles, String password) {
		checkCreate(username, person, roles);
		Account account = this.accounts.save(new Account(username, this.passwords.encode(password), person, roles));
		audit(by.username(), account, "ACCOUNT_CREATED", "Created account " + username
				+ ((person != null) ? " for " + person.getHandle() : "") + " with roles " + Actor.names(roles));
		return account;
	}

	/**
	 * Refuses, every problem at once, what {@link #create} would refuse of the username,
	 * the person (either may be missing) and the roles, changing nothing.
	 */
	@Transactional(readOnly = true)
	void checkCreate(String username, Person person, Set<Role> roles) {
		Problems problems = new Problems();
		if (username != null && !username.isBlank() && this.accounts.existsByUsername(username)) {
			problems.add("username", "account.username.taken", username);
		}
		if (person != null && this.accounts.existsByPersonId(person.getId())) {
			problems.add("person", "account.person.taken", person.getHandle());
		}
		problems.check(() -> someRole(roles));
		problems.refuse();
	}

	/** An account has at least one role: without one it could do nothing but read. */
	private static void someRole(Set<Role> roles) {
		if (roles.isEmpty()) {
			throw new RuleViolation("roles", "account.roles.required");
		}
	}

	void changeRoles(Actor by, long id, long version, Set<Role> roles) {
		Account account = current(id, version);
		Set<Role> before = account.getRoles();
		if (before.equals(roles)) {
			return;
		}
		someRole(roles);
		if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN)
				&& Objects.equals(by.accountId(), account.getId())) {
			// Perhaps the last administrator, who could then grant it back to no one:
			// another one does it.
			throw new RuleViolation("roles", "account.roles.own-admin");
		}
		if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && account.isEnabled()) {
			keepAnAdmin("account.denied.last-admin.role", account.getUsername());
		}
		account.changeRoles(roles);
		audit(by.username(), account, "ROLES_CHANGED",
				"Roles of " + account.getUsername() + ": " + Actor.names(before) + " → " + Actor.names(roles));
	}

	void enable(Actor by, long id, long version, boolean enabled) {
		Account account = current(id, version);
		if (account.isEnabled() == enabled) {
			return;
		}
		if (!enabled && Objects.equals(by.accountId(), account.getId())) {
			// Signed out at once, and perhaps the last administrator: another one does
			// it.
			throw new RuleViolation(null, "account.disable.own");
		}
		if (!enabled && account.getRoles().contains(Role.ADMIN)) {
			keepAnAdmin("account.denied.last-admin.disable", account.getUsername());
		}
		account.enable(enabled);
		audit(by.username(), account, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED",
				(enabled ? "Enabled account " : "Disabled account ") + account.getUsername() + ": "
						+ (enabled ? "disabled → enabled" : "enabled → disabled"));
	}

	void resetPassword(Actor by, long id, long version, String password) {
		Account account = current(id, version);
		account.changePasswordHash(this.passwords.encode(password));
		// The summary never holds the password or its hash.
		audit(by.username(), account, "PASSWORD_RESET", "Reset the password of " + account.getUsername());
	}

	/**
	 * The account's owner changed its password (their current one was checked before), on
	 * a form opened at that {@link Account#getPasswordVersion() password version}: a
	 * change of the account's roles or state since does not make it stale, a change of
	 * its password does. Every other session of the account ends at its next request.
	 */
	void changeOwnPassword(Actor owner, long passwordVersion, String password) {
		Account account = this.accounts.findWithRoles(owner.accountId())
			.orElseThrow(() -> new NotFoundException("No account " + owner.accountId()));
		if (account.getPasswordVersion() != passwordVersion) {
			throw new StaleVersionException(ENTITY, account.getId());
		}
		account.changePasswordHash(this.passwords.encode(password));
		// The summary never holds the password or its hash.
		audit(owner.username(), account, "PASSWORD_CHANGED",
				"Changed the password of " + account.getUsername() + " (its owner)");
	}

	/**
	 * Links the account to the person of that handle, or to nobody when the handle is
	 * blank; a person has one account at most.
	 */
	void linkPerson(Actor by, long id, long version, String handle) {
		Account account = current(id, version);
		Person person = person(handle);
		Person before = account.getPerson();
		if (Objects.equals((before != null) ? before.getId() : null, (person != null) ? person.getId() : null)) {
			return;
		}
		if (person != null && this.accounts.existsByPersonId(person.getId())) {
			throw new RuleViolation("person", "account.person.taken", person.getHandle());
		}
		account.linkPerson(person);
		audit(by.username(), account, "ACCOUNT_PERSON_CHANGED",
				"Person of " + account.getUsername() + ": " + handleOf(before) + " → " + handleOf(person));
	}

	/** The person of a handle, {@code null} for a blank one. */
	private Person person(String handle) {
		if (handle == null || handle.isBlank()) {
			return null;
		}
		String given = handle.strip();
		return this.people.findByHandle(given).orElseThrow(() -> new RuleViolation("person", "person.unknown", given));
	}

	private static String handleOf(Person person) {
		return (person != null) ? person.getHandle() : "none";
	}

	private Account current(long id, long version) {
		Account account = this.accounts.findWithRoles(id).orElseThrow(() -> new NotFoundException("No account " + id));
		if (account.getVersion() != version) {
			throw new StaleVersionException(ENTITY, account.getId());
		}
		return account;
	}

	private void keepAnAdmin(String why, String username) {
		if (this.accounts.countEnabledWith(Role.ADMIN) <= 1) {
			throw NotAllowedException.saying(why, username);
		}
	}

	private void audit(String actor, Account account, String action, String summary) {
		this.events.publishEvent(
				new AuditableChange(Objects.requireNonNull(actor), action, ENTITY, account.getId(), null, summary));
	}

}
