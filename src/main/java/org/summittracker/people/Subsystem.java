package org.summittracker.people;

import java.time.Instant;

import jakarta.persistence.Column;
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

	/**
	 * When a MAINTAINERS import first named it; {@code null}: none did (made by hand, as
	 * far as is known). Written by the import's own statement, never with the entity.
	 */
	@Column(insertable = false, updatable = false)
	private Instant importedAt;

	protected Subsystem() {
	}

	public Subsystem(String slug, String name, Status status, String mailingList) {
		this.slug = slug;
		this.name = name;
		this.status = status;
		this.mailingList = mailingList;
	}

	/** At most this long, like the columns. */
	public static final int SLUG_MAX = 120;

	public static final int NAME_MAX = 200;

	public static final int MAILING_LIST_MAX = 254;

	/**
	 * Changes what organizers edit (the directory module checks the rules first).
	 */
	public void revise(String slug, String name, Status status, String mailingList) {
		this.slug = slug;
		this.name = name;
		this.status = status;
		this.mailingList = mailingList;
	}

	/** Whether a MAINTAINERS import named it before (added it, or matched it). */
	public boolean wasImported() {
		return this.importedAt != null;
	}

	public long getVersion() {
		return this.version;
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
