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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

	@Test
	void theTimetablePastAPageOfSessionsCountsThemInTheSameStatement() throws Exception {
		long three = statementsFor(timetable("timetable-page", 2));
		String eventUrl = timetable("timetable-pages", 0);
		this.jdbc.update(
				"insert into summit_session (event_id, slug, title, schedule_order, proposal)"
						+ " select e.id, 'extra-' || n, 'Extra session ' || n, n + 10, 'Adopt extra ' || n"
						+ " from event e, generate_series(1, ?) n where e.slug = ?",
				EventController.TIMETABLE_PAGE, eventUrl.substring("/events/".length()));
		assertThat(statementsFor(eventUrl)).isEqualTo(three);
		this.mvc.perform(get(eventUrl + "?page=2")).andExpect(content().string(containsString("Page 2 of 2")));
	}

	@Test
	void theEventListPastAPageCountsTheEventsInTheSameStatement() throws Exception {
		this.jdbc.update("insert into event (slug, name, starts_on, ends_on, status) select 'listed-' || n || '-' || ?,"
				+ " 'Listed ' || n, date '1990-01-01' + n, date '1990-01-01' + n, 'HELD' from generate_series(1, ?) n",
				System.nanoTime(), EventController.PAGE_SIZE + 1);
		long events = this.jdbc.queryForObject("select count(*) from event", Long.class);
		if (events % EventController.PAGE_SIZE == 0) {
			this.jdbc.update("insert into event (slug, name, starts_on, ends_on, status) values (?, 'One more',"
					+ " date '1990-01-01', date '1990-01-01', 'HELD')", "listed-one-more-" + System.nanoTime());
			events++;
		}
		long pages = (events + EventController.PAGE_SIZE - 1) / EventController.PAGE_SIZE;
		long lastPage = statementsFor("/events?page=" + pages);
		assertThat(statementsFor("/events")).as("a full page").isEqualTo(lastPage);
		this.mvc.perform(get("/events")).andExpect(content().string(containsString("Page 1 of " + pages)));
	}

	@Test
	void theSubsystemPageCountsItsSessionsInTheSameStatementAsItListsThem() throws Exception {
		String one = subsystemAffectedBy("subsystem-short", 0);
		String many = subsystemAffectedBy("subsystem-long", 24);
		long short_ = statementsFor(one);
		assertThat(statementsFor(many)).isEqualTo(short_);
		assertThat(statementsFor(many + "?page=2")).isEqualTo(short_);
		this.mvc.perform(get(many)).andExpect(content().string(containsString("Page 1 of 2")));
		this.mvc.perform(get(many + "?page=2")).andExpect(content().string(containsString("Page 2 of 2")));
		// Past the last page: nothing listed, still out of how many.
		this.mvc.perform(get(many + "?page=7")).andExpect(content().string(containsString("Page 7 of 2")));
	}

	@Test
	void thePersonPageShowsAPageOfPositionsAndTheFirstConcernsAndFollowUpsAtAnyScale() throws Exception {
		String one = busyPerson("person-one", 1, 1, 1);
		String busy = busyPerson("person-busy", PersonController.POSITIONS_PAGE + 10, PersonController.FIRST + 5,
				PersonController.FIRST + 5);
		assertThat(statementsFor("/people/" + busy)).isEqualTo(statementsFor("/people/" + one));
		// Nor does a person with nothing skip one: the count does not depend on the data.
		assertThat(statementsFor("/people/" + this.fixture.person("person-none")))
			.isEqualTo(statementsFor("/people/" + one));
		String page = this.mvc.perform(get("/people/" + busy))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Page 1 of 2", "The latest 20 of 25: list them all", "href=\"/concerns?raiser=" + busy + "\"",
					"The first 20 of 25, soonest due first")
			// the latest concerns raised, the first follow-ups due (all on the same day:
			// by id)
			.contains("Busy concern 06", "Busy follow-up 20")
			.doesNotContain("Busy concern 05", "Busy follow-up 21");
		assertThat(statementsFor("/people/" + busy + "?page=2")).isEqualTo(statementsFor("/people/" + one));
		this.mvc.perform(get("/people/" + busy + "?page=2")).andExpect(content().string(containsString("Page 2 of 2")));
		this.mvc.perform(get("/people/" + busy + "?page=9")).andExpect(content().string(containsString("Page 9 of 2")));
	}

	/**
	 * A person with positions in {@code positions} sessions of an event of their own,
	 * {@code concerns} concerns raised a day apart and {@code followUps} follow-ups all
	 * due the same day; answers the handle.
	 */
	private String busyPerson(String name, int positions, int concerns, int followUps) {
		String url = this.fixture.session(name, 1, 1, 1);
		String event = url.substring("/events/".length(), url.indexOf("/sessions/"));
		String handle = this.fixture.person(name);
		this.jdbc.update("insert into summit_session (event_id, slug, title, schedule_order, proposal)"
				+ " select e.id, 'busy-' || n, 'Busy ' || n, n + 10, 'Adopt busy ' || n"
				+ " from event e, generate_series(1, ?) n where e.slug = ?", positions, event);
		this.jdbc.update("insert into proposal (key, title, statement) select 'busy-proposal-' || s.id, s.title, ''"
				+ " from summit_session s join event e on e.id = s.event_id where e.slug = ? and s.slug like 'busy-%'",
				event);
		this.jdbc.update("insert into session_proposal (session_id, proposal_id, seq)"
				+ " select s.id, p.id, 1 from summit_session s join event e on e.id = s.event_id"
				+ " join proposal p on p.key = 'busy-proposal-' || s.id where e.slug = ?", event);
		this.jdbc.update("insert into position (session_id, person_id, stance, entry_method, entered_by_id,"
				+ " proposal_id) select sp.session_id, pe.id, 'SUPPORTS', 'BY_MAINTAINER', pe.id, sp.proposal_id"
				+ " from session_proposal sp join summit_session s on s.id = sp.session_id"
				+ " join event e on e.id = s.event_id, person pe where e.slug = ? and pe.handle = ?", event, handle);
		String first = "(select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = 'busy-1')";
		this.jdbc.update("insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id,"
				+ " created_at) select sp.session_id, 'busy-' || n, 'Busy concern ' || lpad(n::text, 2, '0'),"
				+ " (select min(id) from concern_category), pe.id, sp.proposal_id,"
				+ " timestamptz '2020-01-01 00:00Z' + n * interval '1 day'"
				+ " from session_proposal sp, person pe, generate_series(1, ?) n" + " where sp.session_id = " + first
				+ " and pe.handle = ?", concerns, event, handle);
		this.jdbc.update(
				"insert into follow_up (session_id, title, owner_id, due_on)" + " select " + first
						+ ", 'Busy follow-up ' || lpad(n::text, 2, '0'), pe.id, date '2027-03-01'"
						+ " from person pe, generate_series(1, ?) n where pe.handle = ? order by n",
				event, followUps, handle);
		return handle;
	}

	/**
	 * A subsystem affected by the sessions of an event of 1 + {@code more} sessions;
	 * answers its page's URL.
	 */
	private String subsystemAffectedBy(String name, int more) {
		String url = this.fixture.session(name, 1, 1, 1);
		String slug = url.substring("/events/".length(), url.indexOf("/sessions/"));
		if (more > 0) {
			this.fixture.moreSessionsIn(slug, more);
		}
		long subsystem = this.jdbc.queryForObject("select min(ss.subsystem_id) from session_subsystem ss"
				+ " join summit_session s on s.id = ss.session_id join event e on e.id = s.event_id where e.slug = ?",
				Long.class, slug);
		this.jdbc.update(
				"insert into session_subsystem (session_id, subsystem_id) select s.id, ? from summit_session s"
						+ " join event e on e.id = s.event_id where e.slug = ? on conflict do nothing",
				subsystem, slug);
		return "/subsystems/"
				+ this.jdbc.queryForObject("select slug from subsystem where id = ?", String.class, subsystem);
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
