package org.summittracker.people;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
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

	@ManyToOne(fetch = FetchType.LAZY)
	private Person mergedInto;

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

	/** At most this long, like the columns. */
	public static final int NAME_MAX = 200;

	public static final int EMAIL_MAX = 254;

	public static final int AFFILIATION_MAX = 200;

	/**
	 * Changes what organizers edit (the directory module checks the rules first).
	 */
	public void revise(String handle, String name, String email, String affiliation) {
		this.handle = handle;
		this.name = name;
		this.email = email;
		this.affiliation = affiliation;
	}

	/**
	 * This record was a duplicate of {@code kept}: it keeps its row, under a handle of
	 * its own that no one types, and points to the record kept.
	 */
	public void mergeInto(Person kept) {
		this.mergedInto = kept;
		this.handle = "merged-" + this.id;
	}

	/** The record this one was merged into, or {@code null}. */
	public Person getMergedInto() {
		return this.mergedInto;
	}

	public boolean isMerged() {
		return this.mergedInto != null;
	}

	public long getVersion() {
		return this.version;
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
