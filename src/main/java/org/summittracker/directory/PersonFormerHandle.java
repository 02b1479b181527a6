package org.summittracker.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.summittracker.people.Person;

/**
 * A handle that led to a person before: changed by an organizer, or the handle of a
 * record merged into this one. {@code /people/{handle}} answers 301 to the person's page.
 */
@Entity
class PersonFormerHandle {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person person;

	private String handle;

	private Instant replacedAt;

	protected PersonFormerHandle() {
	}

	PersonFormerHandle(Person person, String handle, Instant at) {
		this.person = person;
		this.handle = handle;
		this.replacedAt = at;
	}

}
