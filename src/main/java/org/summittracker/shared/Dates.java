package org.summittracker.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * Dates as pages show them: ISO days, and instants in UTC, which reads the same to
 * everyone on a mailing list.
 */
@Component("dates")
public class Dates {

	/** The first year a day people give may fall in. */
	public static final int FIRST_YEAR = 1990;

	/** The last year a day people give may fall in. */
	public static final int LAST_YEAR = 2200;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd",
			java.util.Locale.ENGLISH);

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/**
	 * Whether a day someone gave is plausible: between {@link #FIRST_YEAR} and
	 * {@link #LAST_YEAR} (a typo such as 20266-01-01 is not).
	 */
	public static boolean isPlausible(LocalDate day) {
		return day == null || (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR);
	}

	public String instant(Instant instant) {
		return instantText(instant);
	}

	/** {@link #instant(Instant)}, for view models. */
	public static String instantText(Instant instant) {
		return (instant != null) ? INSTANT.format(instant) : "";
	}

	/**
	 * For {@code <time datetime>}: whole seconds, since HTML allows at most three digits
	 * of a fraction.
	 */
	public String iso(Instant instant) {
		return isoText(instant);
	}

	/** {@link #iso(Instant)}, for view models. */
	public static String isoText(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)) : "";
	}

	/** The time of day of an instant, in UTC: "09:30". */
	public String time(Instant instant) {
		return timeText(instant);
	}

	/** {@link #time(Instant)}, for view models. */
	public static String timeText(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/** A day with its weekday, for timetables: "Monday 2021-09-20". */
	public String weekday(LocalDate day) {
		return weekdayText(day);
	}

	/** {@link #weekday(LocalDate)}, for view models. */
	public static String weekdayText(LocalDate day) {
		return (day != null) ? WEEKDAY.format(day) : "";
	}

	public String day(LocalDate day) {
		return (day != null) ? day.toString() : "";
	}

	/** “2021-09-20 to 2021-09-24”, or a single day. */
	public String span(LocalDate from, LocalDate to) {
		return (to == null || to.equals(from)) ? day(from) : day(from) + " to " + day(to);
	}

}
