package org.summittracker.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.summittracker.event.Event;
import org.summittracker.people.Person;
import org.summittracker.people.Subsystem;

/**
 * One discussion at an event, deciding one proposal.
 */
@Entity
@Table(name = "summit_session")
public class Session {

	public enum Status {

		PLANNED, HELD, CANCELLED, MINUTES_DRAFT, MINUTES_FINAL

	}

	/** At most this long, like the columns. */
	public static final int SLUG_MAX = 120;

	public static final int TITLE_MAX = 200;

	public static final int ROOM_MAX = 120;

	public static final int PROPOSAL_MAX = 5_000;

	public static final int SUMMARY_MAX = 20_000;

	/** The longest a session lasts, in minutes (a day). */
	public static final int DURATION_MAX = 1_440;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Event event;

	private String slug;

	private String title;

	private Instant scheduledAt;

	private LocalDate day;

	private Integer durationMinutes;

	private String room;

	private int scheduleOrder;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String proposal;

	private String summary;

	@ManyToOne(fetch = FetchType.LAZY)
	private Person lead;

	private Instant minutesFinalAt;

	@ManyToMany
	@JoinTable(name = "session_subsystem", joinColumns = @JoinColumn(name = "session_id"),
			inverseJoinColumns = @JoinColumn(name = "subsystem_id"))
	private Set<Subsystem> affectedSubsystems = new LinkedHashSet<>();

	@Version
	private long version;

	protected Session() {
	}

	public Session(Event event, String slug, String title, int scheduleOrder, String proposal, Person lead) {
		this.event = event;
		this.slug = slug;
		this.title = title;
		this.scheduleOrder = scheduleOrder;
		this.proposal = proposal;
		this.lead = lead;
		this.status = Status.PLANNED;
	}

	/** Changes what organizers edit; the slug through {@link #reslug}. */
	void revise(String title, String proposal, String summary, Person lead, Status status, String room,
			Integer durationMinutes) {
		this.title = title;
		this.proposal = proposal;
		this.summary = summary;
		this.lead = lead;
		this.status = status;
		this.room = room;
		this.durationMinutes = durationMinutes;
	}

	void reslug(String slug) {
		this.slug = slug;
	}

	/** Puts the session on a day (none: not yet placed) at a time of that day (UTC). */
	void place(LocalDate day, LocalTime startTime) {
		this.day = day;
		this.scheduledAt = (day != null && startTime != null) ? day.atTime(startTime).toInstant(ZoneOffset.UTC) : null;
	}

	void order(int scheduleOrder) {
		this.scheduleOrder = scheduleOrder;
	}

	public void markHeld() {
		this.status = Status.HELD;
	}

	/**
	 * Marks the minutes final. Later changes still appear in them, listed as amendments
	 * after this instant.
	 */
	public void publishMinutes(Instant at) {
		if (this.minutesFinalAt == null) {
			this.minutesFinalAt = at;
			this.status = Status.MINUTES_FINAL;
		}
	}

	public void describe(String summary) {
		this.summary = summary;
	}

	public void affects(Subsystem subsystem) {
		this.affectedSubsystems.add(subsystem);
	}

	public Long getId() {
		return this.id;
	}

	public Event getEvent() {
		return this.event;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public Instant getScheduledAt() {
		return this.scheduledAt;
	}

	public int getScheduleOrder() {
		return this.scheduleOrder;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getProposal() {
		return this.proposal;
	}

	public String getSummary() {
		return this.summary;
	}

	public LocalDate getDay() {
		return this.day;
	}

	/** The start time on its day (UTC), or {@code null}. */
	public LocalTime getStartTime() {
		return (this.scheduledAt != null) ? LocalTime.ofInstant(this.scheduledAt, ZoneOffset.UTC) : null;
	}

	public Integer getDurationMinutes() {
		return this.durationMinutes;
	}

	public String getRoom() {
		return this.room;
	}

	public long getVersion() {
		return this.version;
	}

	public Person getLead() {
		return this.lead;
	}

	public Instant getMinutesFinalAt() {
		return this.minutesFinalAt;
	}

	public Set<Subsystem> getAffectedSubsystems() {
		return this.affectedSubsystems;
	}

}
