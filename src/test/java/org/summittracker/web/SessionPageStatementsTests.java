package org.summittracker.web;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The session page reads everything in a fixed number of statements, however much the
 * session holds.
 */
@SummitIntegrationTest
class SessionPageStatementsTests {

	/**
	 * One more than before proposals: the proposals the session discusses, with the open
	 * blocking concerns carried to them, are one statement.
	 */
	static final int MAX_STATEMENTS = 13;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void boundedForASmallSession() throws Exception {
		String url = this.fixture.session("small", 17, 6, 10);
		assertThat(statementsFor(url)).isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	@Test
	void theBoundHoldsWithTenTimesTheNotesConcernsAndPositions() throws Exception {
		String small = this.fixture.session("tenfold-base", 17, 6, 10);
		String large = this.fixture.session("tenfold", 170, 60, 100);
		long smallCount = statementsFor(small);
		long largeCount = statementsFor(large);
		assertThat(largeCount).isLessThanOrEqualTo(MAX_STATEMENTS).isEqualTo(smallCount);
	}

	@Test
	void theEventPageIsBoundedToo() throws Exception {
		String url = this.fixture.session("event-page", 5, 3, 5);
		String eventUrl = url.substring(0, url.indexOf("/sessions/"));
		long one = statementsFor(eventUrl);
		this.fixture.moreSessionsIn(eventUrl.substring("/events/".length()), 10);
		assertThat(statementsFor(eventUrl)).isEqualTo(one).isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	@Test
	void theTimetableReadsInTheSameStatementsAtTenTimesTheSessions() throws Exception {
		long three = statementsFor(timetable("timetable-small", 2));
		long thirty = statementsFor(timetable("timetable-large", 29));
		assertThat(thirty).isEqualTo(three).isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	/**
	 * An event of 1 + {@code more} sessions over two days; answers its timetable's URL.
	 */
	private String timetable(String name, int more) {
		String url = this.fixture.session(name, 2, 2, 2);
		String eventUrl = url.substring(0, url.indexOf("/sessions/"));
		String slug = eventUrl.substring("/events/".length());
		this.fixture.moreSessionsIn(slug, more);
		spreadOverDays(slug);
		return eventUrl;
	}

	private void spreadOverDays(String eventSlug) {
		this.jdbc.update("update summit_session set day = date '2024-09-01' + (schedule_order % 2),"
				+ " duration_minutes = 30, room = 'Room ' || schedule_order"
				+ " where event_id = (select id from event where slug = ?)", eventSlug);
	}

	private long statementsFor(String url) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		this.mvc.perform(get(url)).andExpect(status().isOk());
		return statistics.getPrepareStatementCount();
	}

}
