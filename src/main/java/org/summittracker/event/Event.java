package org.summittracker.event;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A summit or conference, such as the Kernel Maintainers Summit 2021.
 */
@Entity
public class Event {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String location;

	private String description;

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

}
