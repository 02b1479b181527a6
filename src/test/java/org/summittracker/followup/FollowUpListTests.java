package org.summittracker.followup;

import java.time.LocalDate;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.shared.CountedPage;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SummitIntegrationTest
class FollowUpListTests {

	static final int MAX_STATEMENTS = 6;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	FollowUpQueries queries;

	@Test
	void filtersByOwnerStatusEventAndOverdueInTheUrl() throws Exception {
		this.fixture.session("fu-list-a", 0, 0, 3);
		this.fixture.session("fu-list-b", 0, 0, 3);
		this.jdbc.update("update follow_up set status = 'DONE' where title = 'Follow-up 0' and session_id ="
				+ " (select id from summit_session where slug = 'fu-list-a-session')");
		this.jdbc.update("update follow_up set due_on = date '2099-01-01' where title = 'Follow-up 3' and session_id ="
				+ " (select id from summit_session where slug = 'fu-list-a-session')");
		this.mvc.perform(get("/follow-ups").param("owner", "fu-list-a-session-p0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 follow-ups")))
			.andExpect(content().string(containsString("Done")));
		this.mvc.perform(get("/follow-ups").param("owner", "fu-list-a-session-p0").param("status", "open"))
			.andExpect(content().string(containsString("1 follow-up<")));
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-b"))
			.andExpect(content().string(containsString("6 follow-ups")))
			.andExpect(content().string(not(containsString("/events/fu-list-a/sessions"))));
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-a").param("overdue", "yes"))
			.andExpect(content().string(containsString("4 follow-ups")))
			.andExpect(content().string(containsString("Overdue by ")))
			.andExpect(content().string(containsString(" days")));
		// A person who owns nothing yet is a valid filter with an empty list.
		this.jdbc.update("insert into person (handle, name) values ('owns-nothing', 'Owns Nothing')");
		this.mvc.perform(get("/follow-ups").param("owner", "owns-nothing"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No follow-ups match.")));
	}

	/**
	 * A session's follow-ups, by its event's and its own slug as /concerns takes them:
	 * where the session page sends a reader when it shows only the first ones.
	 */
	@Test
	void filtersBySessionInItsEventAsTheConcernsListDoes() throws Exception {
		this.fixture.session("fu-list-s", 0, 0, 2);
		this.fixture.moreSessionsIn("fu-list-s", 1);
		this.fixture.session("fu-list-t", 0, 0, 1);
		long inSession = this.jdbc.queryForObject("select count(*) from follow_up f join summit_session s"
				+ " on s.id = f.session_id where s.slug = 'fu-list-s-session'", Long.class);
		long inEvent = this.jdbc.queryForObject(
				"select count(*) from follow_up f join summit_session s"
						+ " on s.id = f.session_id join event e on e.id = s.event_id where e.slug = 'fu-list-s'",
				Long.class);
		assertThat(inSession).isPositive().isLessThan(inEvent);
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-s").param("session", "fu-list-s-session"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(inSession + " follow-ups")))
			.andExpect(content().string(containsString("value=\"fu-list-s-session\"")))
			.andExpect(content().string(not(containsString("/events/fu-list-t/"))));
		this.mvc.perform(get("/follow-ups").param("session", "fu-list-s-session").param("status", "done"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No follow-ups match.")));
		// past the last page, the link to it keeps the filter
		this.mvc.perform(
				get("/follow-ups").param("event", "fu-list-s").param("session", "fu-list-s-session").param("page", "2"))
			.andExpect(status().isNotFound())
			.andExpect(content()
				.string(containsString("href=\"/follow-ups?event=fu-list-s&amp;session=fu-list-s-session\"")));
		// a session of another event, or none: a bad request that says why
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-s").param("session", "fu-list-t-session"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no session “fu-list-t-session”")));
		this.mvc.perform(get("/follow-ups").param("session", "no-such-session"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no session")));
	}

	@Test
	void aListFilteredByFormerNamesAnswers301ToTheSameListUnderTheNewOnes() throws Exception {
		this.fixture.session("fu-list-renamed", 0, 0, 1);
		this.jdbc.update("update event set slug = 'fu-list-renamed-2027' where slug = 'fu-list-renamed'");
		this.jdbc.update("insert into event_former_slug (event_id, slug, renamed_at)"
				+ " select id, 'fu-list-renamed', now() from event where slug = 'fu-list-renamed-2027'");
		this.jdbc
			.update("update summit_session set slug = 'fu-renamed-session' where slug = 'fu-list-renamed-session'");
		this.jdbc.update("insert into session_former_slug (session_id, event_id, slug, renamed_at)"
				+ " select id, event_id, 'fu-list-renamed-session', now() from summit_session"
				+ " where slug = 'fu-renamed-session'");
		this.jdbc.update("update person set handle = 'fu-renamed-owner' where handle = 'fu-list-renamed-session-p0'");
		this.jdbc.update("insert into person_former_handle (person_id, handle, replaced_at)"
				+ " select id, 'fu-list-renamed-session-p0', now() from person where handle = 'fu-renamed-owner'");
		String moved = "/follow-ups?owner=fu-renamed-owner&event=fu-list-renamed-2027&session=fu-renamed-session";
		this.mvc
			.perform(get("/follow-ups?owner=fu-list-renamed-session-p0&event=fu-list-renamed"
					+ "&session=fu-list-renamed-session"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl(moved));
		this.mvc.perform(get(moved))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Follow-up 0")));
	}

	@Test
	void unknownFilterValuesAreABadRequestThatSaysWhy() throws Exception {
		this.mvc.perform(get("/follow-ups").param("status", "finished"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a status")));
		this.mvc.perform(get("/follow-ups").param("owner", "no-such-person"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Nobody has the handle")));
		this.mvc.perform(get("/follow-ups").param("event", "no-such-event"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no event")));
		this.mvc.perform(get("/follow-ups").param("overdue", "maybe")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/follow-ups").param("page", "two")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/follow-ups").param("page", "999999999")).andExpect(status().isNotFound());
	}

	/**
	 * A page past the last is not found, and says how many pages there are: the total is
	 * counted when no row is listed too (it was 0, "0 in all").
	 */
	@Test
	void aPagePastTheLastSaysHowManyThereAreAndLinksToTheLastKeepingTheFilters() throws Exception {
		this.fixture.session("fu-list-past", 0, 0, 2);
		this.fixture.moreSessionsIn("fu-list-past", 5);
		for (boolean exact : new boolean[] { true, false }) {
			assertThat(this.queries
				.page(new FollowUpFilter(null, null, "fu-list-past", null, false), LocalDate.now(),
						PageRequest.of(9998, 25), exact)
				.getTotalElements()).as("exact: " + exact).isEqualTo(36);
		}
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-past").param("page", "9999"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page 9999 is past the end: there are 2 pages.")))
			.andExpect(content().string(containsString("href=\"/follow-ups?event=fu-list-past&amp;page=2\"")));
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-past").param("page", "3"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page 3 is past the end: there are 2 pages.")));
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-past").param("page", "2"))
			.andExpect(status().isOk());
		// An empty list has one page: its first says it is empty, its second is past it.
		this.mvc.perform(get("/follow-ups").param("owner", this.fixture.person("fu-list-none")).param("page", "2"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page 2 is past the end: there is 1 page.")));
		this.mvc.perform(get("/follow-ups").param("owner", this.fixture.person("fu-list-none2")))
			.andExpect(status().isOk());
	}

	@Test
	void pagesOfTwentyFiveKeepTheFilters() throws Exception {
		this.fixture.session("fu-list-pages", 0, 0, 2);
		this.fixture.moreSessionsIn("fu-list-pages", 5);
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-pages"))
			.andExpect(content().string(containsString("36 follow-ups")))
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andExpect(content().string(containsString("/follow-ups?event=fu-list-pages&amp;page=2")));
		String second = this.mvc.perform(get("/follow-ups").param("event", "fu-list-pages").param("page", "2"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains("Page 2 of 2");
		assertThat(second.split("<tr>").length - 2).isEqualTo(11);
	}

	/**
	 * Past {@link CountedPage#AHEAD} matches after the page's first, the count says "more
	 * than" and the pager "or more", with Next; a page past that bound shows its rows,
	 * and the last pages are exact again.
	 */
	@Test
	void aListLongerThanItsCountSaysMoreThanAndEveryPageWorks() throws Exception {
		this.fixture.session("fu-list-more", 0, 0, 1);
		String inSession = " from follow_up f join summit_session s on s.id = f.session_id"
				+ " where s.slug = 'fu-list-more-session'";
		this.jdbc.update("update follow_up set due_on = date '2024-09-01' where id in (select f.id" + inSession + ")");
		long made = this.jdbc.queryForObject("select count(*)" + inSession, Long.class);
		// 1,100 more without a due date, so after those, in the order they are added.
		this.jdbc.update("insert into follow_up (session_id, title, owner_id, status, created_at, updated_at)"
				+ " select f.session_id, 'Bounded row ' || g, f.owner_id, 'OPEN', f.created_at, f.updated_at from"
				+ " (select f.*" + inSession + " order by f.id limit 1) f cross join generate_series(1, 1100) g"
				+ " order by g");
		long total = made + 1100;
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-more"))
			.andExpect(content().string(containsString(">More than 1,000 follow-ups<")))
			.andExpect(content().string(containsString(">Page 1 of 40 or more<")))
			.andExpect(content().string(containsString("/follow-ups?event=fu-list-more&amp;page=2\" rel=\"next\"")));
		// Rows 1,001 to 1,025, counted exactly from there.
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-more").param("page", "41"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString(String.format(java.util.Locale.ENGLISH, ">%,d follow-ups<", total))))
			.andExpect(content().string(containsString(">Page 41 of %d<".formatted((total + 24) / 25))))
			.andExpect(content().string(containsString(">Bounded row %d<".formatted(1001 - made))))
			.andExpect(content().string(containsString(">Bounded row %d<".formatted(1025 - made))))
			.andExpect(content().string(not(containsString(">Bounded row %d<".formatted(1000 - made)))))
			.andExpect(content().string(not(containsString(">Bounded row %d<".formatted(1026 - made)))));
		// Under the bound, as exact as ever.
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-more").param("status", "open").param("page", "2"))
			.andExpect(status().isOk());
		long done = this.jdbc.queryForObject("select count(*)" + inSession + " and f.status = 'DONE'", Long.class);
		this.mvc.perform(get("/follow-ups").param("event", "fu-list-more").param("status", "done"))
			.andExpect(content()
				.string(containsString((done == 1) ? ">1 follow-up<" : ">%d follow-ups<".formatted(done))));
	}

	@Test
	void theListReadsInABoundedNumberOfStatements() throws Exception {
		this.fixture.session("fu-list-bound", 0, 3, 3);
		long small = statementsFor("/follow-ups?event=fu-list-bound");
		this.fixture.moreSessionsIn("fu-list-bound", 10);
		long large = statementsFor("/follow-ups?event=fu-list-bound");
		assertThat(large).isEqualTo(small).isLessThanOrEqualTo(MAX_STATEMENTS);
		assertThat(statementsFor("/follow-ups?overdue=yes&status=open")).isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	private long statementsFor(String url) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		this.mvc.perform(get(url)).andExpect(status().isOk());
		return statistics.getPrepareStatementCount();
	}

}
