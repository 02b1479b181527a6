package org.summittracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /me}: what waits on a maintainer (open proposals affecting a subsystem they
 * maintain without their position, their follow-ups still owed, the concerns they raised
 * still open), each section paged on its own, in the same statements however much waits;
 * linked from every page's header.
 */
@SummitIntegrationTest
class WaitingOnMePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CacheManager caches;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	WaitingOnMe waitingOnMe;

	@Autowired
	Clock clock;

	@Test
	void openProposalsAffectingMySubsystemsWithoutMyPositionMyFollowUpsAndMyOpenConcerns() throws Exception {
		Fixture.Built built = this.fixture.newSession("me-page", 0, 3, 0);
		String me = built.person(0);
		MockHttpSession session = this.fixture.signIn(this.mvc, me, Role.MAINTAINER);
		String page = page("/me", session);
		assertThat(page).contains("<h1>Waiting on me</h1>", "Proposals waiting on my position",
				"1 open proposal affects a subsystem you maintain and has no position of yours.",
				"href=\"/proposals/" + built.slug() + "\"", "href=\"" + built.url() + "#buy-in\"",
				"affects Subsystem 0 of " + built.slug() + ", Subsystem 1 of " + built.slug(),
				"6 follow-ups still owed", "Follow-up 5", "3 concerns you raised are still open.", "concern-2",
				"href=\"/people/" + me + "\"", "href=\"/concerns?raiser=" + me + "\"");

		// A position takes the proposal off; withdrawn, it waits again.
		this.jdbc.update("insert into position (proposal_id, session_id, person_id, stance, entry_method,"
				+ " entered_by_id) select sp.proposal_id, s.id, p.id, 'SUPPORTS', 'BY_MAINTAINER', p.id"
				+ " from summit_session s join session_proposal sp on sp.session_id = s.id, person p"
				+ " where s.slug = ? and p.handle = ?", built.slug(), me);
		assertThat(page("/me", session)).contains("No open proposal affecting a subsystem you maintain");
		this.jdbc.update("update position set withdrawn_at = now() where person_id = (select id from person"
				+ " where handle = ?)", me);
		assertThat(page("/me", session)).contains("1 open proposal affects");

		// A proposal no longer open waits on nobody.
		this.jdbc.update("update proposal set status = 'ACCEPTED' where key = ?", built.slug());
		assertThat(page("/me", session)).contains("No open proposal affecting a subsystem you maintain");
		this.jdbc.update("update proposal set status = 'OPEN' where key = ?", built.slug());

		// A proposal that names no subsystem is read against its sessions' (as its
		// readiness is).
		this.jdbc.update("delete from proposal_subsystem where proposal_id = (select id from proposal where key = ?)",
				built.slug());
		assertThat(page("/me", session)).contains("1 open proposal affects", "affects Subsystem 0 of " + built.slug());

		// Reviewers cannot ack: nothing waits on a reviewer's buy-in.
		this.jdbc.update("update maintainership set role = 'REVIEWER' where person_id = (select id from person"
				+ " where handle = ?)", me);
		assertThat(page("/me", session)).contains("No open proposal affecting a subsystem you maintain");

		// Done follow-ups and resolved concerns are no longer owed.
		this.jdbc.update("update follow_up set status = 'DONE' where title = 'Follow-up 5' and owner_id ="
				+ " (select id from person where handle = ?)", me);
		this.jdbc.update("update concern set status = 'RESOLVED' where key = 'concern-2' and raised_by_id ="
				+ " (select id from person where handle = ?)", me);
		assertThat(page("/me", session)).contains("5 follow-ups still owed", "2 concerns you raised are still open.")
			.doesNotContain("Follow-up 5", "concern-2");
	}

	@Test
	void positionsAnOrganizerEnteredForMeWaitOnMyConfirmation() throws Exception {
		// Person 0 entered every position of the session, as stated in it: person 1's
		// waits on person 1.
		Fixture.Built built = this.fixture.newSession("me-confirm", 0, 0, 2);
		String me = built.person(1);
		MockHttpSession session = this.fixture.signIn(this.mvc, me, Role.MAINTAINER);
		String page = page("/me", session);
		assertThat(page).contains("Positions entered for me, to confirm",
				"1 position was entered for you by an organizer as stated in a session",
				"href=\"" + built.url() + "/positions/" + me + "?proposal=" + built.slug() + "\"",
				"entered by Person 0 of " + built.slug());
		assertThat(page("/", session)).contains("Positions entered for me, to confirm", "1 position was entered");

		this.jdbc.update("update position set confirmed_at = now() where person_id = (select id from person"
				+ " where handle = ?)", me);
		assertThat(page("/me", session)).contains("No position entered for you waits on your confirmation.");
	}

	@Test
	void eachSectionIsPagedOnItsOwnKeepingTheOthersWhereTheyAre() throws Exception {
		String me = this.fixture.person("me-paged");
		for (int i = 0; i < 5; i++) {
			Fixture.Built built = this.fixture.newSession("me-paged-" + i, 0, 6, 0);
			handOver(built.person(0), me);
		}
		MockHttpSession session = this.fixture.signIn(this.mvc, me, Role.MAINTAINER);
		String first = page("/me", session);
		assertThat(first)
			.contains("30 follow-ups still owed", "30 concerns you raised are still open.", "5 open proposals affect",
					"href=\"/me?followUps=2#my-follow-ups\"", "href=\"/me?concerns=2#my-concerns\"")
			.doesNotContain("proposals=2");
		String second = page("/me?followUps=2&concerns=2", session);
		assertThat(second).contains("href=\"/me?concerns=2#my-follow-ups\"", "href=\"/me?followUps=2#my-concerns\"");
		assertThat(count(second, "/follow-ups/")).as("follow-ups of the second page").isGreaterThanOrEqualTo(5);
		// Past the last page (a link that outlived what it listed): a 404 that says how
		// many pages there are, and leads back to the last one.
		assertThat(this.mvc.perform(get("/me?followUps=99&concerns=2").session(session))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Page 99 of your follow-ups is past the end: there are 2 pages.",
					"href=\"/me?followUps=2&amp;concerns=2#my-follow-ups\"");
	}

	@Test
	void thePageReadsInTheSameStatementsWhateverWaits() throws Exception {
		String small = this.fixture.person("me-small");
		handOver(this.fixture.newSession("me-small", 0, 3, 0).person(0), small);
		String large = this.fixture.person("me-large");
		for (int i = 0; i < 5; i++) {
			handOver(this.fixture.newSession("me-large-" + i, 0, 30, 0).person(0), large);
		}
		MockHttpSession smallSession = this.fixture.signIn(this.mvc, small, Role.MAINTAINER);
		MockHttpSession largeSession = this.fixture.signIn(this.mvc, large, Role.MAINTAINER);
		long few = statements(smallSession, "/me");
		assertThat(statements(largeSession, "/me")).isEqualTo(few).isLessThanOrEqualTo(12);
		assertThat(statements(largeSession, "/me?followUps=2&concerns=2")).isEqualTo(few);
	}

	@Test
	void organizersSeeTheSessionsTheyStillHaveToTend() throws Exception {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		// An event to come, the latest of all, with a session not placed on a day.
		Fixture.Built toCome = this.fixture.newSession("tend-come", 0, 0, 0);
		LocalDate latest = this.jdbc.queryForObject("select greatest(max(ends_on), ?::date) + 30 from event",
				LocalDate.class, today);
		this.jdbc.update("update event set starts_on = ?, ends_on = ?, status = 'UPCOMING' where slug = ?", latest,
				latest, toCome.eventSlug());
		// Two events that are over, the latest of those: one session still planned, one
		// held with its minutes not final; a third whose minutes are final waits on
		// nobody.
		LocalDate over = this.jdbc.queryForObject("select max(ends_on) from event where ends_on < ?", LocalDate.class,
				today);
		Fixture.Built planned = this.fixture.newSession("tend-planned", 0, 0, 0);
		Fixture.Built held = this.fixture.newSession("tend-held", 0, 0, 0);
		Fixture.Built done = this.fixture.newSession("tend-done", 0, 0, 0);
		for (Fixture.Built built : List.of(planned, held, done)) {
			this.jdbc.update("update event set starts_on = ?, ends_on = ? where slug = ?", over, over,
					built.eventSlug());
		}
		this.jdbc.update("update summit_session set status = 'HELD' where slug = ?", held.slug());
		this.jdbc.update("update summit_session set status = 'MINUTES_FINAL', minutes_final_at = now() where slug = ?",
				done.slug());

		List<WaitingOnMe.SessionToTend> all = this.waitingOnMe.sessionsToTend(today, PageRequest.of(0, 100_000))
			.getContent();
		List<String> mine = all.stream()
			.filter((t) -> List.of(toCome.slug(), planned.slug(), held.slug(), done.slug()).contains(t.sessionSlug()))
			.map((t) -> t.sessionSlug() + ":" + t.need())
			.toList();
		assertThat(mine).containsExactly(toCome.slug() + ":place", held.slug() + ":minutes", planned.slug() + ":held");
		assertThat(all.get(0).sessionSlug()).isEqualTo(toCome.slug());

		String handle = this.fixture.person("tend-organizer");
		MockHttpSession organizer = this.fixture.signIn(this.mvc, handle, Role.ORGANIZER);
		String first = page("/me", organizer);
		assertThat(first).contains("Sessions waiting on the organizers",
				all.size() + (all.size() == 1 ? " session waits" : " sessions wait") + " on the organizers",
				"href=\"" + toCome.url() + "/edit\">Place it on a day</a>");
		int index = all.indexOf(all.stream().filter((t) -> t.sessionSlug().equals(held.slug())).findFirst().get());
		String page = page("/me?sessions=" + (index / WaitingOnMe.PAGE + 1), organizer);
		assertThat(page)
			.contains("href=\"" + held.url() + "\">Mark the minutes final on the session page</a>",
					"href=\"" + planned.url() + "/edit\">Mark it held or cancelled</a>")
			.doesNotContain(done.url() + "\"");
		assertThat(page("/", organizer)).contains("Sessions waiting on the organizers", toCome.url() + "/edit");

		// An archived event waits on nobody; nor does anything wait on a maintainer who
		// does not organize.
		this.jdbc.update("update event set status = 'ARCHIVED' where slug = ?", planned.eventSlug());
		assertThat(this.waitingOnMe.sessionsToTend(today, PageRequest.of(0, 100_000)).getContent())
			.noneMatch((t) -> t.sessionSlug().equals(planned.slug()));
		MockHttpSession maintainer = this.fixture.signIn(this.mvc, toCome.person(0), Role.MAINTAINER);
		assertThat(page("/me", maintainer)).doesNotContain("Sessions waiting on the organizers");
		assertThat(page("/", maintainer)).doesNotContain("Sessions waiting on the organizers");
	}

	@Test
	void anonymousReadersAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/me").accept("text/html"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void everyPageLinksWhatWaitsOnMeAndMyPersonPageFromItsHeader() throws Exception {
		Fixture.Built built = this.fixture.newSession("me-header", 0, 0, 0);
		MockHttpSession session = this.fixture.signIn(this.mvc, built.person(0), Role.MAINTAINER);
		assertThat(page("/events", session)).contains("<a href=\"/me\">Waiting on me</a>",
				"<a href=\"/people/" + built.person(0) + "\"");
		assertThat(page("/", session)).contains("href=\"/me\"", "Proposals waiting on my position");
	}

	@Test
	void thePersonPageLinksEachFollowUpOwned() throws Exception {
		Fixture.Built built = this.fixture.newSession("me-person", 0, 0, 0);
		long id = this.fixture.followUpId(built.slug(), "Follow-up 0");
		assertThat(page("/people/" + built.person(0), null))
			.contains("<a href=\"/follow-ups/" + id + "\">Follow-up 0</a>");
	}

	@Test
	void thePersonPageListsTheSessionsTakenPartInWithTheirMinutesPaged() throws Exception {
		String me = this.fixture.person("me-sessions");
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			Fixture.Built built = this.fixture.newSession("me-sessions-" + i, 0, 0, 0);
			this.jdbc.update("update session_participant set person_id = (select id from person where handle = ?)"
					+ " where person_id = (select id from person where handle = ?)", me, built.person(0));
			urls.add(built.url());
		}
		String page = page("/people/" + me, null);
		assertThat(page).contains("Sessions taken part in", "Lead", "href=\"" + urls.get(0) + "/minutes.txt\"",
				"href=\"/people/" + me + "?sessions=2#sessions\"");
		assertThat(page("/people/" + me + "?sessions=2", null)).contains("href=\"/people/" + me + "#sessions\"");
		assertThat(page("/people/" + this.fixture.person("me-nowhere"), null)).contains("No sessions recorded.");
	}

	@Test
	void aPageWithAFeedLinksItWhereReadersSeeIt() throws Exception {
		Fixture.Built built = this.fixture.newSession("me-feed", 0, 0, 0);
		String subsystem = built.slug() + "-s0";
		String footer = page("/subsystems/" + subsystem, null).replaceAll("(?s).*<footer", "");
		assertThat(footer).contains("Follow these changes in a feed reader:",
				"href=\"/subsystems/" + subsystem + "/feed.atom\"", "href=\"/feed.atom\"");
	}

	/** Gives {@code to} the follow-ups, concerns and maintainerships of {@code from}. */
	private void handOver(String from, String to) {
		for (String table : new String[] { "follow_up set owner_id", "concern set raised_by_id",
				"maintainership set person_id" }) {
			String column = table.substring(table.lastIndexOf(' ') + 1);
			this.jdbc.update("update " + table + " = (select id from person where handle = ?) where " + column
					+ " = (select id from person where handle = ?)", to, from);
		}
	}

	/**
	 * The statements a request of {@code /me} at that page of every section prepares (not
	 * what was kept of them).
	 */
	private long statements(MockHttpSession session, String url) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		this.caches.getCache("reads").clear();
		statistics.clear();
		assertThat(page(url, session)).contains("Waiting on me");
		return statistics.getPrepareStatementCount();
	}

	private String page(String url, MockHttpSession session) throws Exception {
		return this.mvc.perform((session != null) ? get(url).session(session) : get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
