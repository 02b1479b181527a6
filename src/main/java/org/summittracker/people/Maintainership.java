package org.summittracker.people;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A person's role in a subsystem: maintainer (M:) or reviewer (R:).
 */
@Entity
public class Maintainership {

	public enum Role {

		MAINTAINER, REVIEWER

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person person;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Subsystem subsystem;

	@Enumerated(EnumType.STRING)
	private Role role;

	protected Maintainership() {
	}

	public Maintainership(Person person, Subsystem subsystem, Role role) {
		this.person = person;
		this.subsystem = subsystem;
		this.role = role;
	}

	public Long getId() {
		return this.id;
	}

	public Person getPerson() {
		return this.person;
	}

	public Subsystem getSubsystem() {
		return this.subsystem;
	}

	public Role getRole() {
		return this.role;
	}

}
