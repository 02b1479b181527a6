package org.summittracker.event;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.summittracker.shared.OneLine;

/**
 * What the event form submits; the rules are {@link EventAuthoring}'s, the limits the
 * domain's.
 */
record EventForm(@Size(max = Event.SLUG_MAX, message = "{text.at-most}") @OneLine String slug,
		@Size(max = Event.NAME_MAX, message = "{text.at-most}") @OneLine String name, LocalDate startsOn,
		LocalDate endsOn, @Size(max = Event.LOCATION_MAX, message = "{text.at-most}") @OneLine String location,
		@Size(max = Event.DESCRIPTION_MAX, message = "{text.at-most}") String description, Event.Status status,
		Long version) {

	static EventForm empty() {
		return new EventForm("", "", null, null, "", "", Event.Status.UPCOMING, null);
	}

	static EventForm of(Event event) {
		return new EventForm(event.getSlug(), event.getName(), event.getStartsOn(), event.getEndsOn(),
				event.getLocation(), event.getDescription(), event.getStatus(), event.getVersion());
	}

	EventDraft draft() {
		return new EventDraft(this.slug, this.name, this.startsOn, this.endsOn, this.location, this.description,
				this.status);
	}

}
