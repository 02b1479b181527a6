package org.summittracker.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.position.BuyInQueries;
import org.summittracker.position.Readiness;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event page at summit scale: a page of the timetable at a time, each session saying
 * whether it is ready and the first sentences of what is missing.
 */
@SummitIntegrationTest
class EventPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BuyInQueries buyIn;

	@Test
	void aTimetableOfMoreSessionsThanAPageShowsAPageAtATimeWithThePager() throws Exception {
		Built built = this.fixture.newSession("timetable-paged", 1, 1, 1);
		this.jdbc.update(
				"insert into summit_session (event_id, slug, title, schedule_order, proposal)"
						+ " select e.id, 'paged-' || n, 'Paged session ' || n, n + 10, 'Adopt paged ' || n"
						+ " from event e, generate_series(1, ?) n where e.slug = ?",
				EventPage.TIMETABLE_PAGE + 1, built.eventSlug());
		Document first = page("/events/" + built.eventSlug());
		assertThat(first.select(".sessions > li")).hasSize(EventPage.TIMETABLE_PAGE);
		assertThat(first.text()).contains("Page 1 of 2");
		assertThat(first.select(".sessions > li h4").first().text()).isEqualTo("Session " + built.slug());
		Document second = page("/events/" + built.eventSlug() + "?page=2");
		assertThat(second.select(".sessions > li h4").eachText()).containsExactly(
				"Paged session " + EventPage.TIMETABLE_PAGE, "Paged session " + (EventPage.TIMETABLE_PAGE + 1));
		assertThat(second.text()).contains("Page 2 of 2");
	}

	@Test
	void eachSessionNamesTheFirstSentencesOfWhatIsMissingAndLinksTheRest() throws Exception {
		Built built = this.fixture.newSession("timetable-missing", 2, 6, 12);
		Long sessionId = this.jdbc.queryForObject(
				"select s.id from summit_session s join event e on e.id = s.event_id where e.slug = ?", Long.class,
				built.eventSlug());
		Readiness readiness = this.buyIn.forSessions(List.of(sessionId)).get(sessionId).readiness();
		List<String> missing = readiness.missing();
		assertThat(missing).hasSizeGreaterThan(EventPage.TIMETABLE_MISSING + 1);

		Element card = page("/events/" + built.eventSlug()).selectFirst(".sessions > li");
		List<String> shown = card.select("ul.missing > li").eachText();
		assertThat(shown).hasSize(EventPage.TIMETABLE_MISSING + 1)
			.startsWith(missing.subList(0, EventPage.TIMETABLE_MISSING).toArray(String[]::new))
			.last()
			.isEqualTo("and " + (missing.size() - EventPage.TIMETABLE_MISSING) + " more on the session page");
		assertThat(card.select("ul.missing > li:last-child a").attr("href")).isEqualTo(built.url());
		assertThat(card.select(".verdict").text()).isEqualTo("Not ready");
	}

	@Test
	void sessionsOnNoDayAreNotPlacedYetUntilTheyWereHeldOrTheEventIsOver() throws Exception {
		Built built = this.fixture.newSession("timetable-unplaced", 1, 1, 1);
		String url = "/events/" + built.eventSlug();
		this.jdbc.update("update summit_session set day = null, status = 'PLANNED' where event_id ="
				+ " (select id from event where slug = ?)", built.eventSlug());
		this.jdbc.update("update event set status = 'UPCOMING' where slug = ?", built.eventSlug());
		assertThat(page(url).select(".timetable-day h3").eachText()).containsExactly("Not placed on a day yet");
		// held: its day and time were not recorded, it will not be placed now
		this.jdbc.update(
				"update summit_session set status = 'HELD' where event_id = (select id from event where slug = ?)",
				built.eventSlug());
		assertThat(page(url).select(".timetable-day h3").eachText()).containsExactly("Day and time not recorded");
		// an event that is over: not placed, whatever its sessions say
		this.jdbc.update(
				"update summit_session set status = 'PLANNED' where event_id = (select id from event where slug = ?)",
				built.eventSlug());
		this.jdbc.update("update event set status = 'HELD' where slug = ?", built.eventSlug());
		assertThat(page(url).select(".timetable-day h3").eachText()).containsExactly("Day and time not recorded");
		assertThat(page(url).text()).doesNotContain("Not placed on a day yet");
	}

	private Document page(String url) throws Exception {
		return Jsoup.parse(
				this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

}
