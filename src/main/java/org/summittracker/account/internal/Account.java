package org.summittracker.account.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import org.summittracker.account.Actor;
import org.summittracker.account.Role;
import org.summittracker.people.Person;

/**
 * A login: a username, a password hash (never the password), the person it belongs to and
 * its roles.
 */
@Entity
public class Account {

	/** At most this long, like the column. */
	static final int USERNAME_MAX = 64;

	static final int PASSWORD_MIN = 8;

	static final int PASSWORD_MAX = 128;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "person_id")
	private Person person;

	private boolean enabled = true;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	@BatchSize(size = 100)
	private Set<Role> roles = new HashSet<>();

	/**
	 * How many times the password was set since the account was created: what the owner's
	 * password form is stale against ({@link #version} moves with every change of the
	 * account, its roles and state too).
	 */
	private long passwordVersion;

	@Version
	private long version;

	protected Account() {
	}

	public Account(String username, String passwordHash, Person person, Set<Role> roles) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.person = person;
		this.roles.addAll(roles);
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Person getPerson() {
		return this.person;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Set<Role> getRoles() {
		EnumSet<Role> copy = EnumSet.noneOf(Role.class);
		copy.addAll(this.roles);
		return copy;
	}

	public long getVersion() {
		return this.version;
	}

	public long getPasswordVersion() {
		return this.passwordVersion;
	}

	public String getRoleNames() {
		return Actor.names(getRoles());
	}

	void changeRoles(Set<Role> roles) {
		this.roles.clear();
		this.roles.addAll(roles);
	}

	void enable(boolean enabled) {
		this.enabled = enabled;
	}

	void linkPerson(Person person) {
		this.person = person;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordVersion++;
	}

	Actor toActor() {
		return new Actor(this.id, this.username, (this.person != null) ? this.person.getId() : null,
				(this.person != null) ? this.person.getHandle() : null, getRoles());
	}

}
