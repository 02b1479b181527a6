package org.summittracker.event;

import java.time.LocalDate;

/**
 * What an organizer writes when creating or editing an event.
 *
 * @param slug the slug wanted, or {@code null}/blank to derive one from the name
 * @param name one line
 * @param startsOn the first day
 * @param endsOn the last day, on or after the first
 * @param location where, or blank
 * @param description Markdown, or blank
 * @param status upcoming, held or archived ({@code null}: upcoming)
 */
public record EventDraft(String slug, String name, LocalDate startsOn, LocalDate endsOn, String location,
		String description, Event.Status status) {

}
