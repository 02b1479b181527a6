package org.summittracker.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer records a summit from scratch: creates the event, lays out two sessions
 * (reorders them, moves one to another day), adds participants (one of them new to the
 * application) and finds the affected subsystems by searching; readiness follows at once.
 */
@BrowserTest
class AuthoringJourneyBrowserTests {

	@Test
	void anOrganizerCreatesAnEventItsAgendaParticipantsAndAffectedSubsystems(Reader reader) {
		long n = System.nanoTime() % 1_000_000_000L;
		String name = "Kernel Maintainers Summit " + n;
		String slug = "kernel-maintainers-summit-" + n;

		reader.signsInAs("organizer");
		Page events = reader.visits("/events");
		Page form = events.followsLink("New event");
		assertThat(form.heading()).isEqualTo("New event");
		form.fillsIn("Name", name);
		sets(reader, "startsOn", "2031-12-08");
		sets(reader, "endsOn", "2031-12-10");
		form.fillsIn("Location", "Tokyo");
		form.fillsIn("Description", "Held *alongside* the Open Source Summit.");
		Page event = form.pressesButton("Create the event", Page::new);
		assertThat(event.flash()).isEqualTo("Created the event " + name + ".");
		assertThat(event.path()).isEqualTo("/events/" + slug);
		assertThat(event.text()).contains("Tokyo", "Upcoming");

		event = addSession(event, "Rust for Linux " + n, "2031-12-08", "09:30");
		event = addSession(event, "Memory model " + n, "2031-12-08", "11:00");
		String text = event.text();
		assertThat(text.indexOf("Rust for Linux " + n)).isLessThan(text.indexOf("Memory model " + n));

		event = event.pressesButton("Move Memory model " + n + " up", Page::new);
		text = event.text();
		assertThat(text.indexOf("Memory model " + n)).isLessThan(text.indexOf("Rust for Linux " + n));
		assertThat(text).contains("09:30\u201310:15 UTC");

		String rust = "rust-for-linux-" + n;
		sets(reader, "day-of-" + rust, "2031-12-09");
		WebElement move = reader.find(By.id("day-of-" + rust)).findElement(By.xpath("./ancestor::form//button"));
		event = event.clicks(move, Page::new);
		assertThat(event.flash()).isEqualTo("Moved Rust for Linux " + n + " to 2031-12-09.");
		assertThat(event.text()).contains("Monday 2031-12-08", "Tuesday 2031-12-09");

		Page session = event.followsLink("Rust for Linux " + n);
		Page participants = session.followsLink("Participants");
		participants.fillsIn("Handle", "viro");
		participants.chooses("Role", "Speaker");
		participants = participants.pressesButton("Add to the session", Page::new);
		assertThat(participants.flash()).isEqualTo("Added Al Viro as speaker.");
		participants.fillsIn("Handle", "newcomer-" + n);
		participants.chooses("Role", "Note-taker");
		participants.fillsIn("Name", "Nora Newcomer " + n);
		participants.fillsIn("Email", "nora-" + n + "@example.org");
		participants = participants.pressesButton("Add to the session", Page::new);
		assertThat(participants.section("Taking part")).contains("Al Viro", "Speaker", "Nora Newcomer " + n,
				"Note-taker");

		Page subsystems = participants.followsLink("Back to the session").followsLink("Affected subsystems");
		subsystems.fillsIn("Name or slug contains", "bluetooth");
		subsystems = subsystems.pressesButton("Search subsystems", Page::new);
		WebElement add = reader.find(By.xpath("//main//button[starts-with(normalize-space(), 'Add Bluetooth')]"));
		subsystems = subsystems.clicks(add, Page::new);
		assertThat(subsystems.flash()).startsWith("Added Bluetooth");
		assertThat(subsystems.section("Readiness")).containsIgnoringCase("not ready")
			.contains("Pending", "Bluetooth subsystem: no maintainer has acked");

		Page page = subsystems.followsLink("Back to the session");
		assertThat(page.text()).contains("Bluetooth subsystem: no maintainer has acked", "Nora Newcomer " + n,
				"Al Viro");
	}

	static Page addSession(Page event, String title, String day, String time) {
		Page form = event.followsLink("Add a session");
		form.fillsIn("Title", title);
		sets(form.reader, "day", day);
		sets(form.reader, "startTime", time);
		form.fillsIn("Duration in minutes", "45");
		form.fillsIn("Room or track", "Main hall");
		form.fillsIn("Proposal being decided", "Decide on " + title);
		Page saved = form.pressesButton("Add the session", Page::new);
		assertThat(saved.flash()).isEqualTo("Added the session " + title + ".");
		return saved;
	}

	/** Date and time fields take what a person picks; set as the picker would. */
	static void sets(Reader reader, String id, String value) {
		reader.driver().executeScript("arguments[0].value = arguments[1]", reader.find(By.id(id)), value);
	}

}
