package org.summittracker.event;

import java.time.LocalDate;

/**
 * An event as its pages show it: values read from the entity, so that a page rendered
 * from them can be kept by them.
 */
public record EventView(Long id, String slug, String name, LocalDate startsOn, LocalDate endsOn, String location,
		String description, Event.Status status) {

	public static EventView of(Event event) {
		return new EventView(event.getId(), event.getSlug(), event.getName(), event.getStartsOn(), event.getEndsOn(),
				event.getLocation(), event.getDescription(), event.getStatus());
	}

}
