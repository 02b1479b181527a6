package org.summittracker.event;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A summit or conference, such as the Kernel Maintainers Summit 2021.
 */
@Entity
public class Event {

	/** Where an event stands: coming, over, or put away. */
	public enum Status {

		UPCOMING, HELD, ARCHIVED

	}

	/** At most this long, like the columns. */
	public static final int SLUG_MAX = 120;

	public static final int NAME_MAX = 200;

	public static final int LOCATION_MAX = 200;

	public static final int DESCRIPTION_MAX = 20_000;

	/** Lower-case letters, digits and '-', as the schema's check says. */
	public static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^[a-z0-9][a-z0-9-]*$");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String location;

	private String description;

	@Enumerated(EnumType.STRING)
	private Status status = Status.UPCOMING;

	@Version
	private long version;

	protected Event() {
	}

	public Event(String slug, String name, LocalDate startsOn, LocalDate endsOn, String location, String description) {
		this.slug = slug;
		this.name = name;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.location = location;
		this.description = description;
	}

	/** Changes what the organizers edit; the slug through {@link #reslug}. */
	void revise(String name, LocalDate startsOn, LocalDate endsOn, String location, String description, Status status) {
		this.name = name;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.location = location;
		this.description = description;
		this.status = status;
	}

	void reslug(String slug) {
		this.slug = slug;
	}

	/** The event is over (the demo summit is). */
	public void markHeld() {
		this.status = Status.HELD;
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

	public LocalDate getStartsOn() {
		return this.startsOn;
	}

	public LocalDate getEndsOn() {
		return this.endsOn;
	}

	public String getLocation() {
		return this.location;
	}

	public String getDescription() {
		return this.description;
	}

	public Status getStatus() {
		return this.status;
	}

	public long getVersion() {
		return this.version;
	}

}
