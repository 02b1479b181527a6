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
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.Session;
import org.summittracker.shared.Problems;

/**
 * An action item a session leaves for one person.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

	/** At most this long, like the column. */
	public static final int TITLE_MAX = 200;

	/** Why it was dropped. */
	public static final int REASON_MAX = 2_000;

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

	/** The discussion note it was assigned from, if any. */
	@ManyToOne(fetch = FetchType.LAZY)
	private DiscussionNote fromNote;

	@Version
	private long version;

	protected FollowUp() {
	}

	void assignedFrom(DiscussionNote note) {
		this.fromNote = note;
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

	/**
	 * Changes what the follow-up asks of whom, and by when; its history keeps the
	 * previous values.
	 */
	void revise(String title, Person owner, LocalDate dueOn, Concern concern, Resolution resolution, Instant at) {
		this.title = title;
		this.owner = owner;
		this.dueOn = dueOn;
		this.concern = concern;
		this.resolution = resolution;
		this.updatedAt = at;
	}

	/**
	 * Moves the follow-up to {@code to}. Dropping needs a reason; reopening a dropped
	 * follow-up clears it (its history keeps it).
	 */
	void move(FollowUpStatus to, String reason, Instant at) {
		Problems problems = new Problems();
		checkMove(to, reason, problems);
		problems.refuse();
		this.status = to;
		this.dropReason = (to == FollowUpStatus.DROPPED) ? reason.strip() : null;
		this.updatedAt = at;
	}

	/** What moving to {@code to} with {@code reason} breaks, in {@code problems}. */
	void checkMove(FollowUpStatus to, String reason, Problems problems) {
		if (!this.status.mayMoveTo(to)) {
			problems.add("status", "followup.status.move", this.status.words(), to.words());
		}
		if (to == FollowUpStatus.DROPPED && (reason == null || reason.isBlank())) {
			problems.add("reason", "followup.reason.required");
		}
	}

	public Session getSession() {
		return this.session;
	}

	public Person getOwner() {
		return this.owner;
	}

	public LocalDate getDueOn() {
		return this.dueOn;
	}

	public String getDropReason() {
		return this.dropReason;
	}

	public Concern getConcern() {
		return this.concern;
	}

	public Resolution getResolution() {
		return this.resolution;
	}

	public long getVersion() {
		return this.version;
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
