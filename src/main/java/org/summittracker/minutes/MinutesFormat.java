package org.summittracker.minutes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.summittracker.minutes.SessionMinutes.Attendee;
import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.EventHeader;

/**
 * Wording shared by every minutes format, so that they all say the same thing the same
 * way.
 */
final class MinutesFormat {

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private MinutesFormat() {
	}

	static String instant(Instant instant) {
		return (instant != null) ? INSTANT.format(instant) : "";
	}

	static String day(LocalDate day) {
		return (day != null) ? day.toString() : "";
	}

	static String dates(EventHeader event) {
		return event.endsOn() == null || event.endsOn().equals(event.startsOn()) ? day(event.startsOn())
				: day(event.startsOn()) + " to " + day(event.endsOn());
	}

	/**
	 * When the session took place ("Held: ..."), is to take place ("Scheduled: ...", a
	 * session still planned), or that it was cancelled (and when it was to be held); none
	 * for a session never placed on a day.
	 */
	static Optional<String> schedule(SessionMinutes minutes) {
		Instant at = minutes.session().scheduledAt();
		String status = minutes.session().status();
		if ("cancelled".equals(status)) {
			return Optional.of((at != null) ? "Cancelled (it was scheduled for " + instant(at) + ")" : "Cancelled");
		}
		if (at == null) {
			return Optional.empty();
		}
		return Optional.of(("planned".equals(status) ? "Scheduled: " : "Held: ") + instant(at));
	}

	static String status(SessionMinutes minutes) {
		if (!minutes.isFinal()) {
			return "Draft minutes";
		}
		String published = "Final minutes, published " + instant(minutes.session().minutesFinalAt());
		return minutes.amendments().isAmended() ? published + "; amended after publication on "
				+ day(minutes.amendments().publishedAt().atZone(ZoneOffset.UTC).toLocalDate()) : published;
	}

	/** Attendees grouped by role, in the order lead, speaker, participant, note taker. */
	static List<String> attendeesByRole(SessionMinutes minutes) {
		boolean leadListed = minutes.attendees().stream().anyMatch((a) -> a.role().equals("lead"));
		Stream<String> lead = (!leadListed && minutes.session().lead() != null)
				? Stream.of("Lead: " + minutes.session().lead().name()) : Stream.empty();
		return Stream.concat(lead, List.of("lead", "speaker", "participant", "note taker").stream().map((role) -> {
			List<String> names = minutes.attendees()
				.stream()
				.filter((a) -> a.role().equals(role))
				.map(Attendee::person)
				.map(SessionMinutes.PersonRef::name)
				.toList();
			return names.isEmpty() ? null : capitalize(plural(role, names.size())) + ": " + String.join(", ", names);
		}).filter(Objects::nonNull)).toList();
	}

	/**
	 * What qualifies a position: its conditions or rationale, and the concerns it cites
	 * (their keys alone when it gives no words).
	 */
	static String qualifier(BuyInEntry entry) {
		if (!entry.hasPosition()) {
			return entry.maintains().isEmpty() ? "" : String.join(", ", entry.maintains());
		}
		String words = (entry.conditions() != null) ? "conditions: " + entry.conditions()
				: (entry.rationale() != null) ? entry.rationale() : "";
		if (entry.citedConcerns().isEmpty()) {
			return words;
		}
		String cited = String.join(", ", entry.citedConcerns());
		return words.isEmpty() ? cited : words + " (cites " + cited + ")";
	}

	/**
	 * How the position was entered, in words, as the pages say it
	 * ({@link org.summittracker.position.EntryMethod#words(String, boolean, String)}): by
	 * mail and imported by whom, by the maintainer themself, or stated in session and
	 * entered by whom, and whether its person confirmed it since.
	 */
	static String entered(BuyInEntry entry) {
		if (!entry.hasPosition()) {
			return "";
		}
		String by = entry.enteredBy().name();
		if (entry.mail() != null || "by mail".equals(entry.entry())) {
			return "by mail"
					+ ((entry.mail() != null && entry.mail().version() != null) ? " on v" + entry.mail().version() : "")
					+ ", imported by " + by;
		}
		if (!"stated in session".equals(entry.entry())) {
			return "by " + by + " themself";
		}
		return "stated in session, entered by " + by + "; "
				+ ((entry.confirmedAt() != null) ? "confirmed by " + entry.person().handle() : "not yet confirmed");
	}

	/** Where, when and by whom a carried concern was raised. */
	static String raised(SessionMinutes.CarriedConcernEntry concern) {
		return "Raised by " + concern.raisedBy().name() + " on " + instant(concern.raisedAt()) + ", in "
				+ concern.raisedIn();
	}

	/** What happened to a carried concern in this session. */
	static String inThisSession(SessionMinutes.CarriedConcernEntry concern) {
		return concern.inThisSession().isEmpty() ? "carried forward, no change" : join(concern.inThisSession());
	}

	static String capitalize(String text) {
		return (text == null || text.isEmpty()) ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String plural(String role, int count) {
		return (count == 1 || role.equals("lead")) ? role : role + "s";
	}

	static String join(List<String> parts) {
		return parts.stream().filter((p) -> p != null && !p.isBlank()).collect(Collectors.joining("; "));
	}

}
