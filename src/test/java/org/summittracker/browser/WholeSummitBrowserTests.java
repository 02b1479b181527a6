package org.summittracker.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.summittracker.browser.AuthoringJourneyBrowserTests.addSession;
import static org.summittracker.browser.AuthoringJourneyBrowserTests.sets;

/**
 * A whole summit recorded through the pages, as an organizer would, starting from an
 * empty database (no demo data: this class has an application and a database of its own):
 * the event, two sessions, their participants (new people, created from the participants
 * form), a subsystem and its maintainer, the affected subsystem; ten notes taken with the
 * keyboard only in the first session, a concern and a follow-up filed from notes, two
 * positions (one changed later from the same form) and a resolution; the minutes marked
 * final and downloaded as text, which says all of it. Then the same notes in the second
 * session with JavaScript off.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class WholeSummitBrowserTests {

	private static final String EVENT = "Kernel Maintainers Summit 2033";

	private static final String[] SPEAKERS = { "hana", "ivo", "jun" };

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOrganizerRecordsAWholeSummitFromAnEmptyDatabase(Reader reader) {
		assertThat(this.jdbc.queryForObject("select count(*) from event", Integer.class)).as("events at the start")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from subsystem", Integer.class))
			.as("subsystems at the start")
			.isZero();
		String organizer = this.fixture.personWithAccount("organizer", Role.ORGANIZER);
		reader.opensHome();
		reader.signsInAs(organizer, Fixture.PASSWORD);

		Page form = reader.visits("/events").followsLink("New event");
		form.fillsIn("Name", EVENT);
		sets(reader, "startsOn", "2033-12-08");
		sets(reader, "endsOn", "2033-12-09");
		form.fillsIn("Location", "Tokyo");
		Page event = form.pressesButton("Create the event", Page::new);
		assertThat(event.flash()).isEqualTo("Created the event " + EVENT + ".");
		event = addSession(event, "Rust for Linux", "2033-12-08", "09:30");
		event = addSession(event, "Memory model", "2033-12-08", "11:00");
		String eventPath = event.path();

		Page participants = event.followsLink("Rust for Linux").followsLink("Participants");
		String[][] people = { { SPEAKERS[0], "Hana Sato", "Speaker" }, { SPEAKERS[1], "Ivo Petrov", "Participant" },
				{ SPEAKERS[2], "Jun Okada", "Participant" } };
		for (String[] person : people) {
			participants.fillsIn("Handle", person[0]);
			participants.chooses("Role", person[2]);
			participants.fillsIn("Name", person[1]);
			participants.fillsIn("Email", person[0] + "@example.org");
			participants = participants.pressesButton("Add to the session", Page::new);
			assertThat(participants.flash()).isEqualTo("Added " + person[1] + " as " + person[2].toLowerCase() + ".");
		}
		String sessionPath = participants.followsLink("Back to the session").path();

		Page subsystem = reader.visits("/subsystems/new");
		subsystem.fillsIn("Name", "Rust");
		subsystem.fillsIn("Maintainers (M:)", SPEAKERS[0]);
		subsystem = subsystem.pressesButton("Add the subsystem", Page::new);
		assertThat(subsystem.heading()).isEqualTo("Rust");

		Page affected = reader.visits(sessionPath).followsLink("Affected subsystems");
		affected.fillsIn("Name or slug contains", "rust");
		affected = affected.pressesButton("Search subsystems", Page::new);
		WebElement add = reader.find(By.xpath("//main//button[starts-with(normalize-space(), 'Add Rust')]"));
		affected = affected.clicks(add, Page::new);
		assertThat(affected.flash()).startsWith("Added Rust");

		Page live = reader.visits(sessionPath).followsLink("Live notes");
		assertThat(live.heading()).isEqualTo("Live notes");
		LiveNotesBrowserTests.takesTheDiscussion(reader.driver(), sessionPath, SPEAKERS, true);
		LiveNotesBrowserTests.filesFromNotes(reader, sessionPath, SPEAKERS);

		Page session = reader.visits(sessionPath);
		session.fillsIn("Whose position (handle; leave empty for your own)", SPEAKERS[0]);
		session.ticks("Supports (Acked-by)");
		session = session.pressesButton("Save the position", Page::new);
		assertThat(session.flash())
			.isEqualTo("The position of " + SPEAKERS[0] + " is saved, as stated in the session.");
		session.fillsIn("Whose position (handle; leave empty for your own)", SPEAKERS[1]);
		session.ticks("No objection");
		session = session.pressesButton("Save the position", Page::new);
		assertThat(session.flash())
			.isEqualTo("The position of " + SPEAKERS[1] + " is saved, as stated in the session.");
		// Later in the session, Ivo changes his mind: recorded from the same form.
		session.fillsIn("Whose position (handle; leave empty for your own)", SPEAKERS[1]);
		session.ticks("Supports (Acked-by)");
		session = session.pressesButton("Save the position", Page::new);
		assertThat(session.flash())
			.isEqualTo("The position of " + SPEAKERS[1] + " is saved, as stated in the session.");

		Page resolution = session.followsLink("Record a resolution");
		resolution.fillsIn("Statement", "Merge Rust support as an experiment, optional in Kconfig.");
		resolution.chooses("Outcome", "Experiment");
		sets(reader, "decidedOn", "2033-12-08");
		session = resolution.pressesButton("Record the resolution", Page::new);
		assertThat(session.flash()).isEqualTo("Resolution 1 recorded.");

		session = reader.visits(sessionPath).pressesButton("Mark minutes final", Page::new);
		assertThat(session.flash()).isEqualTo("The minutes are final. Later changes will be listed as amendments.");
		SessionPage.Download minutes = new SessionPage(reader).downloadsMinutes("txt");
		// Read back as one line: the text minutes wrap at 72 characters.
		String text = minutes.text().replaceAll("\\s+", " ");
		assertThat(text).contains(EVENT + ": Rust for Linux", "Status: Final minutes, published",
				"Acked-by: Hana Sato <hana@example.org>", "Acked-by: Ivo Petrov <ivo@example.org>",
				"Merge Rust support as an experiment, optional in Kconfig.", "Revisit Rust at next year's summit",
				"Owner: Hana Sato <hana@example.org>", "Raised-by: Jun Okada <jun@example.org>");
		for (String[] note : LiveNotesBrowserTests.DISCUSSION) {
			assertThat(text).as("the minutes").contains(note[2]);
		}

		// Hana changes her mind after the minutes were published: the session page says
		// what changed since, so readers know the minutes they downloaded are out of
		// date.
		session = reader.visits(sessionPath);
		assertThat(session.text()).doesNotContain("Changed since the final minutes");
		session.fillsIn("Whose position (handle; leave empty for your own)", SPEAKERS[0]);
		session.ticks("No objection");
		session = session.pressesButton("Save the position", Page::new);
		List<String> amended = session.itemsOf("Changed since the final minutes (published on ");
		assertThat(amended).hasSize(1);
		assertThat(amended.get(0)).contains("recorded Hana Sato’s position: Acked-by → No objection");
		assertThat(Screenshots.showAt(reader.driver(), Screenshots.PHONE)).as("the session page's width on a phone")
			.isLessThanOrEqualTo(Screenshots.PHONE);
		Screenshots.showAt(reader.driver(), Screenshots.DESKTOP);

		String second = reader.visits(eventPath).followsLink("Memory model").path();
		LiveNotesBrowserTests.withoutJavaScript(reader, () -> {
			reader.visits(second).followsLink("Live notes");
			LiveNotesBrowserTests.takesTheDiscussion(reader.driver(), second, SPEAKERS, false);
			LiveNotesBrowserTests.filesFromNotes(reader, second, SPEAKERS);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from discussion_note", Integer.class)).isEqualTo(20);
	}

}
