package org.summittracker.followup;

import java.time.Instant;
import java.time.LocalDate;

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

import org.summittracker.concern.Concern;
import org.summittracker.people.Person;
import org.summittracker.resolution.Resolution;
import org.summittracker.session.Session;

/**
 * An action item a session leaves for one person.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person owner;

	private LocalDate dueOn;

	@Enumerated(EnumType.STRING)
	private FollowUpStatus status;

	private String dropReason;

	@ManyToOne(fetch = FetchType.LAZY)
	private Concern concern;

	@ManyToOne(fetch = FetchType.LAZY)
	private Resolution resolution;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected FollowUp() {
	}

	public FollowUp(Session session, String title, Person owner, LocalDate dueOn, Instant at) {
		this.session = session;
		this.title = title;
		this.owner = owner;
		this.dueOn = dueOn;
		this.status = FollowUpStatus.OPEN;
		this.createdAt = at;
		this.updatedAt = this.createdAt;
	}

	public void addresses(Concern concern) {
		this.concern = concern;
	}

	public void implement(Resolution resolution) {
		this.resolution = resolution;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public FollowUpStatus getStatus() {
		return this.status;
	}

}
