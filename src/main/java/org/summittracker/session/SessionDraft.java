package org.summittracker.session;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What an organizer writes when creating or editing a session.
 *
 * @param slug blank: made from the title
 * @param title one line
 * @param day the day of the event it is held on, or none yet
 * @param startTime its start on that day (UTC), or none
 * @param durationMinutes how long, or none
 * @param room room or track, or blank
 * @param lead the handle of who leads it, or blank
 * @param proposal what is being decided, or blank
 * @param summary Markdown, or blank
 * @param status planned, held, cancelled or minutes draft ({@code null}: planned);
 * minutes are made final with their own button
 */
public record SessionDraft(String slug, String title, LocalDate day, LocalTime startTime, Integer durationMinutes,
		String room, String lead, String proposal, String summary, Session.Status status) {

}
