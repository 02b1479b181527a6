package org.summittracker.people;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * Someone who takes part in summits: a maintainer, a speaker, a note-taker.
 */
@Entity
public class Person {

	/** At most this long, like the column. */
	public static final int HANDLE_MAX = 64;

	/** Lower-case letters, digits, '.', '_' and '-', as the schema's check says. */
	public static final String HANDLE = "^[a-z0-9][a-z0-9._-]*$";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String handle;

	private String name;

	private String email;

	private String affiliation;

	@Version
	private long version;

	protected Person() {
	}

	public Person(String handle, String name, String email, String affiliation) {
		this.handle = handle;
		this.name = name;
		this.email = email;
		this.affiliation = affiliation;
	}

	public Long getId() {
		return this.id;
	}

	public String getHandle() {
		return this.handle;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
		return this.email;
	}

	public String getAffiliation() {
		return this.affiliation;
	}

}
