package org.summittracker.people;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A part of the code base with its own maintainers and mailing list, as in the kernel's
 * MAINTAINERS file.
 */
@Entity
public class Subsystem {

	/** The S: field of a MAINTAINERS entry. */
	public enum Status {

		SUPPORTED, MAINTAINED, ODD_FIXES, ORPHAN, OBSOLETE, UNKNOWN

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String mailingList;

	@Version
	private long version;

	protected Subsystem() {
	}

	public Subsystem(String slug, String name, Status status, String mailingList) {
		this.slug = slug;
		this.name = name;
		this.status = status;
		this.mailingList = mailingList;
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getMailingList() {
		return this.mailingList;
	}

}
