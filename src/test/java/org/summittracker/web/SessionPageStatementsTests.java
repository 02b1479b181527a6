package org.summittracker.web;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.concern.ConcernViews.SessionPageConcern;
import org.summittracker.followup.FollowUpView;
import org.summittracker.position.PositionForm;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.resolution.ResolutionView;
import org.summittracker.session.SessionViews.NoteView;
import org.summittracker.session.SessionViews.ParticipantView;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
	CacheManager caches;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConcernRepository concerns;

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
	void theTimetableAsACalendarReadsInTheSameStatementsAtTenTimesTheSessions() throws Exception {
		String small = timetable("timetable-ics-small", 2);
		String large = timetable("timetable-ics-large", 29);
		placeAt("09:00", small, large);
		long three = statementsFor(small + "/timetable.ics");
		long thirty = statementsFor(large + "/timetable.ics");
		assertThat(thirty).isEqualTo(three).isLessThanOrEqualTo(5);
		assertThat(this.mvc.perform(get(large + "/timetable.ics"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.split("BEGIN:VEVENT", -1)).as("every session of the large event").hasSize(31);
	}

	@Test
	void theTimetablePastAPageOfSessionsCountsThemInTheSameStatement() throws Exception {
		long three = statementsFor(timetable("timetable-page", 2));
		String eventUrl = timetable("timetable-pages", 0);
		this.jdbc.update(
				"insert into summit_session (event_id, slug, title, schedule_order, proposal)"
						+ " select e.id, 'extra-' || n, 'Extra session ' || n, n + 10, 'Adopt extra ' || n"
						+ " from event e, generate_series(1, ?) n where e.slug = ?",
				EventPage.TIMETABLE_PAGE, eventUrl.substring("/events/".length()));
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
		// Past the last page: not found, saying how many there are, in no more
		// statements than a page.
		assertThat(statementsPastTheEnd(many + "?page=7")).isLessThanOrEqualTo(short_);
		assertThat(pastTheEnd(many + "?page=7&maintainers=1")).contains(
				"Page 7 of the sessions affecting this subsystem is past the end: there are 2 pages.",
				"href=\"" + many + "?page=2&amp;maintainers=1\"");
	}

	@Test
	void theSubsystemPageShowsItsMaintainersAPageAtATimeKeepingTheSessionsPage() throws Exception {
		String few = subsystemAffectedBy("crowded-few", 24);
		String crowded = subsystemAffectedBy("crowded-many", 24);
		String slug = crowded.substring("/subsystems/".length());
		this.jdbc.update(
				"insert into person (handle, name) select 'many-maintainers-' || n, 'Crowded ' || lpad(n::text, 3, '0')"
						+ " from generate_series(1, ?) n",
				SubsystemController.MAINTAINERS_PAGE + 10);
		this.jdbc.update("insert into maintainership (person_id, subsystem_id, role) select p.id, s.id, 'MAINTAINER'"
				+ " from person p, subsystem s where p.handle like 'many-maintainers-%' and s.slug = ?", slug);
		assertThat(statementsFor(crowded)).isEqualTo(statementsFor(few));
		assertThat(statementsFor(crowded + "?maintainers=2")).isEqualTo(statementsFor(few));
		assertThat(body(crowded))
			.contains("Crowded 001", "Crowded 050", "Pages of the maintainers and reviewers",
					"href=\"" + crowded + "?maintainers=2#maintainers\"", "href=\"" + crowded + "?page=2\"")
			.doesNotContain("Crowded 051");
		// Each pager keeps the other section where the reader left it.
		assertThat(body(crowded + "?maintainers=2"))
			.contains("Crowded 051", "Crowded 060", "Page 2 of 2", "href=\"" + crowded + "#maintainers\"",
					"href=\"" + crowded + "?maintainers=2&amp;page=2\"")
			.doesNotContain("Crowded 050");
		assertThat(body(crowded + "?page=2&maintainers=2")).contains("Crowded 051",
				"href=\"" + crowded + "?page=2#maintainers\"", "href=\"" + crowded + "?maintainers=2&amp;page=1\"");
		assertThat(pastTheEnd(crowded + "?page=2&maintainers=9"))
			.contains("Page 9 of this subsystem&#39;s maintainers and reviewers is past the end: there are 2 pages.",
					"href=\"" + crowded + "?page=2&amp;maintainers=2#maintainers\"")
			.doesNotContain("Crowded 001", "Crowded 051");
		assertThat(statementsPastTheEnd(crowded + "?maintainers=9")).isLessThanOrEqualTo(statementsFor(few));
	}

	@Test
	void thePersonPageShowsTheSubsystemsMaintainedAPageAtATime() throws Exception {
		String one = busyPerson("maintains-one", 1, 1, 1);
		String busy = busyPerson("maintains-many", PersonController.POSITIONS_PAGE + 10, 1, 1);
		this.jdbc.update(
				"insert into subsystem (slug, name) select 'many-maintained-' || n, 'Maintained ' || lpad(n::text, 3, '0')"
						+ " from generate_series(1, ?) n",
				PersonController.MAINTAINS_PAGE + 10);
		this.jdbc.update("insert into maintainership (person_id, subsystem_id, role) select p.id, s.id, 'REVIEWER'"
				+ " from person p, subsystem s where p.handle = ? and s.slug like 'many-maintained-%'", busy);
		String url = "/people/" + busy;
		assertThat(statementsFor(url)).isEqualTo(statementsFor("/people/" + one));
		assertThat(statementsFor(url + "?maintains=2")).isEqualTo(statementsFor("/people/" + one));
		assertThat(body(url))
			.contains("Maintained 001", "Maintained 050", "Pages of the subsystems maintained",
					"href=\"" + url + "?maintains=2#maintains\"", "href=\"" + url + "?page=2\"")
			.doesNotContain("Maintained 051");
		assertThat(body(url + "?maintains=2&page=2"))
			.contains("Maintained 051", "Maintained 060", "href=\"" + url + "?page=2#maintains\"",
					"href=\"" + url + "?maintains=2&amp;page=1\"")
			.doesNotContain("Maintained 050");
	}

	private String body(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
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
		assertThat(pastTheEnd("/people/" + busy + "?page=9")).contains(
				"Page 9 of this person&#39;s positions is past the end: there are 2 pages.",
				"href=\"/people/" + busy + "?page=2\"");
		assertThat(statementsPastTheEnd("/people/" + busy + "?page=9"))
			.isLessThanOrEqualTo(statementsFor("/people/" + one));
		assertThat(statementsPastTheEnd("/people/" + busy + "?maintains=9"))
			.isLessThanOrEqualTo(statementsFor("/people/" + one));
	}

	@Test
	void eachSectionOfTheSessionPageShowsItsFirstRowsWithTheirTotalAndLinksToThemAll() throws Exception {
		String url = this.fixture.session("bounded", 1, 1, 1);
		long few = statementsFor(url);
		String positionUrl = url + "/positions/" + url.substring(url.lastIndexOf('/') + 1) + "-p0";
		long fewOnThePositionPage = statementsFor(positionUrl);
		String event = url.substring("/events/".length(), url.indexOf("/sessions/"));
		String slug = url.substring(url.lastIndexOf('/') + 1);
		long session = this.jdbc.queryForObject("select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?", Long.class, event, slug);
		String people = slug + "-b%";
		String first = "(select min(id) from person where handle like ?)";
		String proposal = "(select proposal_id from session_proposal where session_id = ?)";
		this.jdbc.update("insert into person (handle, name) select ? || '-b' || n, 'Bounded ' || lpad(n::text, 3, '0')"
				+ " from generate_series(1, 110) n", slug);
		this.jdbc.update("insert into session_participant (session_id, person_id, role)"
				+ " select ?, id, 'PARTICIPANT' from person where handle like ?", session, people);
		this.jdbc.update(
				"insert into discussion_note (session_id, seq, speaker_id, kind, body) select ?, n + 1, " + first
						+ ", 'REMARK', 'Bounded note ' || lpad(n::text, 3, '0') from generate_series(1, 55) n",
				session, people);
		this.jdbc.update("insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id,"
				+ " blocking, blocking_reason, created_at) select ?, 'bounded-' || n, 'Bounded concern ' || lpad(n::text, 3, '0'),"
				+ " (select min(id) from concern_category), " + first + ", " + proposal + ", true, 'Blocks',"
				+ " timestamptz '2000-01-01 00:00Z' + n * interval '1 minute' from generate_series(1, 105) n", session,
				people, session);
		this.jdbc.update(
				"insert into resolution (session_id, seq, statement, outcome) select ?, n + 2,"
						+ " 'Bounded resolution ' || lpad(n::text, 3, '0'), 'AGREED' from generate_series(1, 55) n",
				session);
		this.jdbc.update("insert into follow_up (session_id, title, owner_id, due_on) select ?,"
				+ " 'Bounded follow-up ' || lpad(n::text, 3, '0'), " + first + ", date '2030-01-01' + n"
				+ " from generate_series(1, 55) n", session, people);
		this.jdbc.update("insert into position (session_id, person_id, stance, entry_method, entered_by_id,"
				+ " proposal_id) select ?, id, 'SUPPORTS', 'BY_MAINTAINER', id, " + proposal
				+ " from person where handle like ?", session, session, people);

		String page = page(url);
		assertThat(statementsFor(url)).isEqualTo(few);
		String concerns = "/concerns?event=" + event + "&amp;session=" + slug;
		assertThat(page).contains("The first 100 of 111", "href=\"" + url + "/buy-in\"", "The first 100 of 106",
				"href=\"" + concerns + "\"", "The first 20 of 106",
				"href=\"" + concerns + "&amp;status=open&amp;blocking=yes\"",
				"The first 50 of 56: the live notes have them all", "href=\"" + url + "/notes\"",
				"The first 50 of 57: the minutes have them all", "The first 50 of 61: list them all",
				"href=\"" + url + "/minutes.html\"",
				"href=\"/follow-ups?event=" + event + "&amp;session=" + slug + "\"");
		// the buy-in's first 100 rows (the subsystems' maintainer first), 49 + 1 notes,
		// 48 + 2 resolutions, 44 follow-ups after the 6 due sooner, 99 + 1 participants
		assertThat(count(page, "<tr id=\"position-")).isEqualTo(SessionBuyIn.SHOWN);
		assertThat(count(page, "Bounded note ")).isEqualTo(NoteView.SHOWN - 1);
		assertThat(count(page, "Bounded resolution ")).isEqualTo(ResolutionView.SHOWN - 2);
		assertThat(count(page, "Bounded follow-up ")).isEqualTo(FollowUpView.SHOWN - 6);
		assertThat(count(page, "class=\"badge role\"")).isEqualTo(ParticipantView.SHOWN);
		// the concerns table and the blocking ones above it (raised before the
		// fixture's)
		assertThat(count(page, ">Bounded concern "))
			.isEqualTo(SessionPageConcern.SHOWN + SessionPageConcern.BLOCKING_SHOWN);

		// where they all are: the buy-in a page at a time, the concern list, the live
		// notes, the minutes
		assertThat(count(page(url + "/buy-in"), "<tr id=\"position-")).isEqualTo(100);
		assertThat(page(url + "/buy-in?page=2")).contains("Page 2 of 2").contains("Bounded 110");
		assertThat(count(page(url + "/buy-in?page=2"), "<tr id=\"position-")).isEqualTo(11);
		assertThat(page(concerns.replace("&amp;", "&"))).contains("Page 1 of 5");
		assertThat(page(concerns.replace("&amp;", "&") + "&status=open&blocking=yes")).contains("Page 1 of 5");
		assertThat(count(page(url + "/notes"), "Bounded note ")).isEqualTo(55);
		String minutes = page(url + "/minutes.html");
		assertThat(count(minutes, "Bounded resolution ")).isEqualTo(55);
		assertThat(count(minutes, "Bounded follow-up ")).isEqualTo(55);
		assertThat(page("/follow-ups?event=" + event + "&session=" + slug)).contains("61 follow-ups");

		// the position form: the first 100 concerns as checkboxes, any other by key
		String maintainer = this.fixture.person("bounded-maintainer");
		MockHttpSession signedIn = this.fixture.signIn(this.mvc, maintainer, Role.MAINTAINER);
		String form = this.mvc.perform(get(url).session(signedIn))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(count(form, "type=\"checkbox\" id=\"cite-")).isEqualTo(PositionForm.OFFERED);
		assertThat(form).contains("Other concerns cited (their keys)");
		String own = "select count(*) from position p join person pe on pe.id = p.person_id where pe.handle = ?";
		this.mvc
			.perform(post(url + "/positions").session(signedIn)
				.with(csrf())
				.param("stance", "CONCERNED")
				.param("otherConcerns", "bounded-105, no-such-concern"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This session has no concern no-such-concern.")))
			// next to the keys typed, not on the checkboxes
			.andExpect(content().string(containsString("id=\"cite-other-error\"")))
			.andExpect(content().string(not(containsString("id=\"cite-error\""))));
		assertThat(this.jdbc.queryForObject(own, Long.class, maintainer)).isZero();
		this.mvc
			.perform(post(url + "/positions").session(signedIn)
				.with(csrf())
				.param("stance", "CONCERNED")
				.param("otherConcerns", "bounded-105"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("select c.key from position_concern pc join concern c on c.id = pc.concern_id"
				+ " join position p on p.id = pc.position_id join person pe on pe.id = p.person_id where pe.handle = ?",
				String.class, maintainer))
			.containsExactly("bounded-105");
		// the single-position page's form offers the same, read for the first 100 only
		assertThat(statementsFor(positionUrl)).isEqualTo(fewOnThePositionPage);
		Page<ConcernSummary> offered = this.concerns.findFirstSummaries(session, PositionForm.OFFERED);
		assertThat(offered.getContent()).hasSize(PositionForm.OFFERED);
		assertThat(offered.getTotalElements()).isEqualTo(106);
		assertThat(offered.getContent().get(0).key()).isEqualTo("bounded-1");
		String ownPage = this.mvc.perform(get(url + "/positions/" + maintainer).session(signedIn))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(count(ownPage, "type=\"checkbox\" id=\"cite-")).isEqualTo(PositionForm.OFFERED);
		assertThat(ownPage).contains("Other concerns cited (their keys)", "value=\"bounded-105\"")
			.doesNotContain("id=\"cite-bounded-105\"");

		// a later session of the same proposal: the open concerns carried into it
		this.jdbc.update(
				"insert into summit_session (event_id, slug, title, schedule_order, proposal)"
						+ " select event_id, 'bounded-later', 'Later', 9, 'Later' from summit_session where id = ?",
				session);
		this.jdbc.update("insert into session_proposal (session_id, proposal_id, seq) select s.id, " + proposal
				+ ", 1 from summit_session s where s.slug = 'bounded-later'", session);
		String later = "/events/" + event + "/sessions/bounded-later";
		assertThat(page(later)).contains("The first 100 of 106: the minutes have them all",
				"href=\"" + later + "/minutes.html\"");
		assertThat(count(page(later + "/minutes.html"), "Bounded concern ")).isEqualTo(105);
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
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

	/** Gives each session of these events a start time on its day. */
	private void placeAt(String time, String... eventUrls) {
		for (String eventUrl : eventUrls) {
			this.jdbc.update(
					"update summit_session set scheduled_at = day + time '" + time + "' at time zone 'UTC'"
							+ " where event_id = (select id from event where slug = ?)",
					eventUrl.substring("/events/".length()));
		}
	}

	private void spreadOverDays(String eventSlug) {
		this.jdbc.update("update summit_session set day = date '2024-09-01' + (schedule_order % 2),"
				+ " duration_minutes = 30, room = 'Room ' || schedule_order"
				+ " where event_id = (select id from event where slug = ?)", eventSlug);
	}

	private long statementsFor(String url) throws Exception {
		return statements(url, 200);
	}

	/** The statements of a page asked past the end of a list: not found. */
	private long statementsPastTheEnd(String url) throws Exception {
		return statements(url, 404);
	}

	private long statements(String url, int status) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		// What the page's reads cost, not what was kept of them (nor the page kept
		// whole).
		this.caches.getCache("reads").clear();
		this.caches.getCache("pages").clear();
		statistics.clear();
		this.mvc.perform(get(url)).andExpect(status().is(status));
		return statistics.getPrepareStatementCount();
	}

	private String pastTheEnd(String url) throws Exception {
		return this.mvc.perform(get(url))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
