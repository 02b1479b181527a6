package org.summittracker.session;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.summittracker.people.Person;

/**
 * A person taking part in a session in one role.
 */
@Entity
@Table(name = "session_participant")
public class Participant {

	public enum Role {

		LEAD, SPEAKER, PARTICIPANT, NOTE_TAKER;

		private final String labelKey = "participant.role." + name();

		/** The message key of its label, computed once. */
		public String getLabelKey() {
			return this.labelKey;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person person;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Version
	private long version;

	protected Participant() {
	}

	public Participant(Session session, Person person, Role role) {
		this.session = session;
		this.person = person;
		this.role = role;
	}

	public Long getId() {
		return this.id;
	}

	public Long getSessionId() {
		return this.session.getId();
	}

	public String getPersonHandle() {
		return this.person.getHandle();
	}

	public Role getRole() {
		return this.role;
	}

}
