package org.summittracker.session;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers lay out an event's agenda: sessions created and edited inside it, a
 * timetable by day, reordered, moved to another day, cancelled but never gone.
 */
@SummitIntegrationTest
class AgendaTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	MockHttpSession organizer;

	Built built;

	String event;

	@BeforeEach
	void anEvent() throws Exception {
		this.organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
		this.built = this.fixture.newSession("agenda", 1, 1, 1);
		this.event = "/events/" + this.built.eventSlug();
	}

	@Test
	void anOrganizerAddsSessionsThatTheTimetableShowsByDayInOrder() throws Exception {
		this.mvc.perform(get(this.event + "/sessions/new").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New session")));
		create("Memory model", "2024-09-02", "10:00").andExpect(redirectedUrl(this.event + "#session-memory-model"));
		create("Rust for Linux", "2024-09-01", "09:30");
		create("Maintainer burnout", "2024-09-01", "11:00");
		String page = this.mvc.perform(get(this.event)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Sunday 2024-09-01", "Monday 2024-09-02", "09:30\u201310:15 UTC", "Room 1");
		assertThat(page.indexOf("Rust for Linux")).isLessThan(page.indexOf("Maintainer burnout"));
		assertThat(page.indexOf("Maintainer burnout")).isLessThan(page.indexOf("Memory model"));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where action = 'SESSION_CREATED'"
				+ " and session_id = (select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = 'rust-for-linux')", Integer.class, this.built.eventSlug()))
			.isEqualTo(1);
	}

	@Test
	void reorderingSwapsNeighboursOfADayAndTheirStartTimes() throws Exception {
		create("First talk", "2024-09-01", "09:00");
		create("Second talk", "2024-09-01", "10:00");
		this.mvc
			.perform(post(this.event + "/sessions/second-talk/order").session(this.organizer)
				.with(csrf())
				.param("direction", "up"))
			.andExpect(redirectedUrl(this.event + "#session-second-talk"));
		String page = this.mvc.perform(get(this.event)).andReturn().getResponse().getContentAsString();
		assertThat(page.indexOf("Second talk")).isLessThan(page.indexOf("First talk"));
		assertThat(startOf("second-talk")).isEqualTo("09:00:00");
		assertThat(startOf("first-talk")).isEqualTo("10:00:00");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'SESSION_REORDERED' and summary like ?", Integer.class,
				"Moved second-talk before first-talk%"))
			.isEqualTo(1);
	}

	@Test
	void aSessionMovesToAnotherDayOfTheEventOnly() throws Exception {
		create("Movable", "2024-09-01", "09:00");
		this.mvc
			.perform(post(this.event + "/sessions/movable/day").session(this.organizer)
				.with(csrf())
				.param("day", "2024-09-02"))
			.andExpect(redirectedUrl(this.event + "#session-movable"));
		assertThat(this.jdbc.queryForObject(
				"select day::text from summit_session where slug = 'movable'"
						+ " and event_id = (select id from event where slug = ?)",
				String.class, this.built.eventSlug()))
			.isEqualTo("2024-09-02");
		this.mvc
			.perform(post(this.event + "/sessions/movable/day").session(this.organizer)
				.with(csrf())
				.param("day", "2030-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a day of the event, from 2024-09-01 to 2024-09-02.")));
	}

	@Test
	void aSessionMovedToAnotherDayTakesItsPlaceThereByItsStartTime() throws Exception {
		create("Early bird", "2024-09-02", "09:00");
		create("Late riser", "2024-09-02", "11:00");
		create("Untimed chat", "2024-09-02", "");
		create("Moving at ten", "2024-09-01", "10:00");
		create("Moving untimed", "2024-09-01", "");
		for (String slug : new String[] { "moving-at-ten", "moving-untimed" }) {
			this.mvc
				.perform(post(this.event + "/sessions/" + slug + "/day").session(this.organizer)
					.with(csrf())
					.param("day", "2024-09-02"))
				.andExpect(redirectedUrl(this.event + "#session-" + slug));
		}
		assertThat(startOf("moving-at-ten")).isEqualTo("10:00:00");
		assertThat(dayOrder("2024-09-02")).containsExactly("early-bird", "moving-at-ten", "late-riser", "untimed-chat",
				"moving-untimed");
		String page = this.mvc.perform(get(this.event)).andReturn().getResponse().getContentAsString();
		assertThat(page.indexOf("Early bird")).isLessThan(page.indexOf("Moving at ten"));
		assertThat(page.indexOf("Moving at ten")).isLessThan(page.indexOf("Late riser"));
		// A session created or edited to an earlier time takes its place likewise.
		create("Breakfast", "2024-09-02", "08:00");
		edit("late-riser", "Late riser", "late-riser", "PLANNED", version("late-riser"), "2024-09-02", "09:30")
			.andExpect(status().is3xxRedirection());
		assertThat(dayOrder("2024-09-02")).containsExactly("breakfast", "early-bird", "late-riser", "moving-at-ten",
				"untimed-chat", "moving-untimed");
	}

	@Test
	void theTimetablesDayFormWithoutADayOrWithAMalformedOneMovesNothing() throws Exception {
		create("Kept in place", "2024-09-01", "11:00");
		for (String day : new String[] { "", "not-a-day" }) {
			this.mvc
				.perform(post(this.event + "/sessions/kept-in-place/day").session(this.organizer)
					.with(csrf())
					.param("day", day))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content()
					.string(containsString(day.isEmpty() ? "Choose a day of the event, from 2024-09-01 to 2024-09-02."
							: "Give a day between 1990 and 2200 as YYYY-MM-DD, such as 2026-03-31.")));
		}
		assertThat(this.jdbc.queryForObject(
				"select day::text from summit_session where slug = 'kept-in-place'"
						+ " and event_id = (select id from event where slug = ?)",
				String.class, this.built.eventSlug()))
			.isEqualTo("2024-09-01");
		assertThat(startOf("kept-in-place")).isEqualTo("11:00:00");
	}

	@Test
	void aCancelledSessionStaysVisibleAsCancelled() throws Exception {
		create("Cancelled talk", "2024-09-01", "09:00");
		edit("cancelled-talk", "Cancelled talk", "cancelled-talk", "CANCELLED", version("cancelled-talk"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.event))
			.andExpect(content().string(containsString("Cancelled talk")))
			.andExpect(content().string(containsString("Cancelled")));
		this.mvc.perform(get(this.event + "/sessions/cancelled-talk")).andExpect(status().isOk());
	}

	@Test
	void badInputAnswers422AndAStaleForm409() throws Exception {
		this.mvc
			.perform(post(this.event + "/sessions").session(this.organizer)
				.with(csrf())
				.param("title", "")
				.param("day", "2030-01-01")
				.param("startTime", "25:99")
				.param("durationMinutes", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the time as HH:MM")))
			// The time that is no time does not hide the other mistakes.
			.andExpect(content().string(containsString("Give the session a title.")))
			.andExpect(content().string(containsString("Choose a day of the event")))
			.andExpect(content().string(containsString("Give a duration from 1 to 1440 minutes.")));
		this.mvc
			.perform(post(this.event + "/sessions").session(this.organizer)
				.with(csrf())
				.param("title", "")
				.param("day", "2030-01-01")
				.param("durationMinutes", "0")
				.param("lead", "nobody-at-all"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the session a title.")))
			.andExpect(content().string(containsString("Choose a day of the event")))
			.andExpect(content().string(containsString("Give a duration from 1 to 1440 minutes.")))
			.andExpect(content().string(containsString("Nobody has the handle nobody-at-all.")));
		create("Contested", "2024-09-01", "09:00");
		long version = version("contested");
		edit("contested", "Contested, take two", "contested", "PLANNED", version)
			.andExpect(status().is3xxRedirection());
		edit("contested", "My stale title", "contested", "PLANNED", version).andExpect(status().isConflict())
			.andExpect(content().string(containsString("Contested, take two")));
	}

	@Test
	void aChangedSessionSlugAnswers301FromTheOldAddresses() throws Exception {
		create("Old name", "2024-09-01", "09:00");
		edit("old-name", "New name", "new-name", "PLANNED", version("old-name"))
			.andExpect(redirectedUrl(this.event + "/sessions/new-name"));
		this.mvc.perform(get(this.event + "/sessions/old-name/minutes.md"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", this.event + "/sessions/new-name/minutes.md"));
	}

	@Test
	void aTitleTakenManyTimesGetsTheNextFreeSlugInTheSameStatements() throws Exception {
		create("Same title", "2024-09-01", "09:00").andExpect(redirectedUrl(this.event + "#session-same-title"));
		long second = statementsToCreate("Same title", "same-title-2");
		// Keeping its time, so the sessions created below at the same time go after it,
		// moving no other session of the day.
		edit("same-title-2", "Renamed", "renamed", "PLANNED", version("same-title-2"), "2024-09-01", "09:00")
			.andExpect(status().is3xxRedirection());
		for (int i = 0; i < 10; i++) {
			create("Same title", "2024-09-01", "09:00").andExpect(status().is3xxRedirection());
		}
		// same-title-2 was someone's address: it stays theirs, as a former slug.
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from summit_session s join event e on e.id = s.event_id"
								+ " where e.slug = ? and s.slug like 'same-title%'",
						Integer.class, this.built.eventSlug()))
			.isEqualTo(11);
		assertThat(statementsToCreate("Same title", "same-title-13")).isEqualTo(second);
	}

	/** Statements creating a session takes, and that it gets the slug expected. */
	private long statementsToCreate(String title, String slug) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		create(title, "2024-09-01", "09:00").andExpect(redirectedUrl(this.event + "#session-" + slug));
		return statistics.getPrepareStatementCount();
	}

	@Test
	void maintainersMayNotLayOutTheAgenda() throws Exception {
		MockHttpSession maintainer = this.fixture.signedIn(this.mvc, "maintainer", Role.MAINTAINER);
		this.mvc.perform(get(this.event + "/sessions/new").session(maintainer)).andExpect(status().isForbidden());
		this.mvc.perform(post(this.event + "/sessions").session(maintainer).with(csrf()).param("title", "Mine"))
			.andExpect(status().isForbidden());
	}

	private ResultActions create(String title, String day, String time) throws Exception {
		return this.mvc.perform(post(this.event + "/sessions").session(this.organizer)
			.with(csrf())
			.param("title", title)
			.param("day", day)
			.param("startTime", time)
			.param("durationMinutes", "45")
			.param("room", "Room 1")
			.param("proposal", "Decide " + title)
			.param("status", "PLANNED"));
	}

	private ResultActions edit(String slug, String title, String newSlug, String status, long version)
			throws Exception {
		return edit(slug, title, newSlug, status, version, "2024-09-01", "");
	}

	private ResultActions edit(String slug, String title, String newSlug, String status, long version, String day,
			String startTime) throws Exception {
		return this.mvc.perform(post(this.event + "/sessions/" + slug).session(this.organizer)
			.with(csrf())
			.param("title", title)
			.param("slug", newSlug)
			.param("day", day)
			.param("startTime", startTime)
			.param("status", status)
			.param("version", Long.toString(version)));
	}

	/** The slugs of the day's sessions in the timetable's order. */
	private java.util.List<String> dayOrder(String day) {
		return this.jdbc.queryForList(
				"select s.slug from summit_session s join event e on e.id = s.event_id"
						+ " where e.slug = ? and s.day = ?::date order by s.schedule_order",
				String.class, this.built.eventSlug(), day);
	}

	private long version(String slug) {
		return this.jdbc.queryForObject("select s.version from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?", Long.class, this.built.eventSlug(), slug);
	}

	private String startOf(String slug) {
		return this.jdbc.queryForObject(
				"select (s.scheduled_at at time zone 'UTC')::time::text from summit_session s"
						+ " join event e on e.id = s.event_id where e.slug = ? and s.slug = ?",
				String.class, this.built.eventSlug(), slug);
	}

}
