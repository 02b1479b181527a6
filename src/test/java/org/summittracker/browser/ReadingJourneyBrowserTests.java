package org.summittracker.browser;

import java.io.IOException;
import java.io.StringReader;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader with no account follows links only: home → event → the Rust session → a
 * concern → who raised it → a subsystem they maintain, and back to the session from
 * there.
 */
@BrowserTest
class ReadingJourneyBrowserTests {

	static final String EVENT = "Kernel Maintainers Summit 2021";

	static final String SESSION = "Using Rust for kernel development";

	@Test
	void readerFollowsLinksFromHomeToASubsystemWaitingOnTheRustSession(Reader reader) {
		HomePage home = reader.opensHome();
		assertThat(home.heading()).isEqualTo("Summit Tracker");
		assertThat(home.recentEvents()).anySatisfy((event) -> assertThat(event).contains(EVENT, "2021-09-20"));

		EventPage event = home.opensEvent(EVENT);
		assertThat(event.path()).isEqualTo("/events/maintainers-summit-2021");
		assertThat(event.heading()).isEqualTo(EVENT);
		assertThat(event.sessions()).singleElement()
			.satisfies((session) -> assertThat(session).contains(SESSION, "NOT READY",
					"2 of 5 affected subsystems acked", "6 open concerns", "10 positions recorded"));
		// The timetable for a calendar: the Rust session is not placed on a day at a
		// start
		// time yet, so the calendar carries no event.
		EventPage.CalendarFile calendar = event.addsToCalendar();
		assertThat(calendar.status()).isEqualTo(200);
		assertThat(calendar.contentType()).startsWith("text/calendar");
		assertThat(parsed(calendar.text()).getProperty("X-WR-CALNAME"))
			.hasValueSatisfying((name) -> assertThat(name.getValue()).isEqualTo("Timetable of " + EVENT));
		assertThat(parsed(calendar.text()).getComponents("VEVENT")).isEmpty();
		assertThat(event.path()).as("the event page stays open").isEqualTo("/events/maintainers-summit-2021");

		SessionPage session = event.opensSession(SESSION);
		assertThat(session.path())
			.isEqualTo("/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development");
		assertThat(session.heading()).isEqualTo(SESSION);
		assertThat(session.proposal()).startsWith("Merge Rust support into the mainline kernel");
		assertThat(session.readiness()).contains("NOT READY");
		assertThat(session.missing()).contains(
				"Bluetooth subsystem: no maintainer has acked (hedberg: no record; vondentz: no record; "
						+ "holtmann: no record)",
				"Networking drivers (wireless): no maintainer has acked (kvalo: no record)");

		ConcernPage concern = session.opensConcern("toolchain-stability");
		assertThat(concern.path()).isEqualTo(
				"/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development/concerns/toolchain-stability");
		assertThat(concern.heading())
			.isEqualTo("toolchain-stability Requires the newest Rust compiler and unstable features");
		assertThat(concern.status()).contains("Open", "Raised by Al Viro");
		assertThat(concern.facts()).containsEntry("Category", "Toolchain stability");

		PersonPage viro = concern.opensRaiser();
		assertThat(viro.path()).isEqualTo("/people/viro");
		assertThat(viro.heading()).isEqualTo("Al Viro");
		assertThat(viro.maintains()).singleElement().asString().contains("Filesystems (VFS)", "Maintainer");
		assertThat(viro.positions()).singleElement().asString().contains(SESSION, "Concerned");

		SubsystemPage vfs = viro.opensSubsystem("Filesystems (VFS)");
		assertThat(vfs.path()).isEqualTo("/subsystems/vfs");
		assertThat(vfs.heading()).isEqualTo("Filesystems (VFS)");
		assertThat(vfs.maintainers()).singleElement().asString().contains("Al Viro", "Maintainer");
		assertThat(vfs.sessionsAffectingIt()).singleElement()
			.asString()
			.contains(SESSION, "Waiting on this subsystem's maintainers.", "NOT READY");

		assertThat(vfs.opensSession(SESSION).heading()).isEqualTo(SESSION);
	}

	private static Calendar parsed(String text) {
		try {
			return new CalendarBuilder().build(new StringReader(text));
		}
		catch (IOException | ParserException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
