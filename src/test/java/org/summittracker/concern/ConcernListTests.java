package org.summittracker.concern;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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

/**
 * {@code /concerns}: every filter, unknown filter values answered with 400, and a bounded
 * number of statements however many concerns there are.
 */
// Shares the authorization matrix's database, so the demo-only contexts stay as they are.
@SummitIntegrationTest
class ConcernListTests {

	static final int MAX_STATEMENTS = 10;

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

	@Test
	void filtersByEventSessionCategoryStatusSubsystemRaiserAndBlocking() throws Exception {
		this.fixture.session("list-a", 0, 6, 3);
		this.fixture.session("list-b", 0, 3, 3);
		this.mvc.perform(get("/concerns").param("event", "list-a"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("6 concerns")))
			.andExpect(content().string(not(containsString("list-b-session"))));
		this.mvc
			.perform(get("/concerns").param("event", "list-a")
				.param("session", "list-a-session")
				.param("category", "other")
				.param("status", "open"))
			.andExpect(content().string(containsString("6 concerns")));
		// Every third concern blocks: 0 and 3 of six.
		this.mvc.perform(get("/concerns").param("event", "list-a").param("blocking", "yes"))
			.andExpect(content().string(containsString("2 concerns")));
		this.mvc.perform(get("/concerns").param("event", "list-a").param("blocking", "no"))
			.andExpect(content().string(containsString("4 concerns")));
		this.mvc.perform(get("/concerns").param("subsystem", "list-a-session-s1"))
			.andExpect(content().string(containsString("1 concern<")))
			.andExpect(content().string(containsString("Subsystem 1 of list-a-session")));
		this.mvc.perform(get("/concerns").param("raiser", "list-b-session-p1"))
			.andExpect(content().string(containsString("1 concern<")));
		this.mvc.perform(get("/concerns").param("event", "list-a").param("status", "resolved"))
			.andExpect(content().string(containsString("No concern matches these filters.")));
		this.mvc.perform(get("/concerns").param("event", "list-a").param("sort", "title")).andExpect(status().isOk());
	}

	@Test
	void aListFilteredByFormerNamesAnswers301ToTheSameListUnderTheNewOnes() throws Exception {
		this.fixture.session("list-renamed", 0, 2, 1);
		this.jdbc.update("update event set slug = 'list-renamed-2027' where slug = 'list-renamed'");
		this.jdbc.update("insert into event_former_slug (event_id, slug, renamed_at)"
				+ " select id, 'list-renamed', now() from event where slug = 'list-renamed-2027'");
		this.jdbc.update("update summit_session set slug = 'renamed-session' where slug = 'list-renamed-session'");
		this.jdbc.update("insert into session_former_slug (session_id, event_id, slug, renamed_at)"
				+ " select id, event_id, 'list-renamed-session', now() from summit_session"
				+ " where slug = 'renamed-session'");
		this.jdbc.update("update person set handle = 'renamed-raiser' where handle = 'list-renamed-session-p0'");
		this.jdbc.update("insert into person_former_handle (person_id, handle, replaced_at)"
				+ " select id, 'list-renamed-session-p0', now() from person where handle = 'renamed-raiser'");
		String moved = "/concerns?event=list-renamed-2027&session=renamed-session&raiser=renamed-raiser&sort=title";
		this.mvc
			.perform(get("/concerns?event=list-renamed&session=list-renamed-session&raiser=list-renamed-session-p0"
					+ "&sort=title"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl(moved));
		this.mvc.perform(get(moved)).andExpect(status().isOk());
		// A name something has now, and one nothing ever had, are left alone.
		this.mvc.perform(get("/concerns?event=list-renamed-2027")).andExpect(status().isOk());
		this.mvc.perform(get("/concerns?event=list-never-was")).andExpect(status().isBadRequest());
	}

	@Test
	void unknownFilterValuesAre400WithAClearMessage() throws Exception {
		expect400(get("/concerns").param("event", "no-such-event"), "There is no event");
		expect400(get("/concerns").param("session", "no-such-session"), "There is no session");
		expect400(get("/concerns").param("category", "nope"), "There is no category");
		expect400(get("/concerns").param("status", "BOGUS"), "There is no status");
		expect400(get("/concerns").param("subsystem", "nope"), "There is no subsystem");
		expect400(get("/concerns").param("raiser", "nobody-at-all"), "Nobody has the handle");
		expect400(get("/concerns").param("blocking", "maybe"), "Blocking is yes or no");
		expect400(get("/concerns").param("sort", "sideways"), "cannot be sorted by");
		expect400(get("/concerns").param("page", "x"), "Pages are numbered");
		expect400(get("/concerns").param("raiser", "a\u0000b"), "control characters");
	}

	@Test
	void pagesHold25AndKeepTheFiltersInTheirLinks() throws Exception {
		this.fixture.session("list-pages", 0, 30, 2);
		this.mvc.perform(get("/concerns").param("event", "list-pages"))
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andExpect(content().string(containsString("/concerns?event=list-pages&amp;page=2")));
		this.mvc.perform(get("/concerns").param("event", "list-pages").param("page", "2"))
			.andExpect(content().string(containsString("Page 2 of 2")));
	}

	/**
	 * Past {@link CountedPage#AHEAD} matches after the page's first, the heading says
	 * "more than" and the pager "or more", with Next; a page past that bound shows its
	 * rows with a pager counted from it, and the last pages are exact again.
	 */
	@Test
	void aListLongerThanItsCountSaysMoreThanAndEveryPageWorks() throws Exception {
		this.fixture.session("list-bound", 0, 1, 1);
		// 1,049 more, each a minute older than the last: row n + 1 is "Bounded row n".
		this.jdbc
			.update("""
					insert into concern (session_id, key, title, category_id, raised_by_id, body, proposal_id, created_at,
						updated_at)
					select c.session_id, 'bound-' || g, 'Bounded row ' || g, c.category_id, c.raised_by_id, '', c.proposal_id,
						c.created_at - g * interval '1 minute', c.created_at - g * interval '1 minute'
					from concern c join summit_session s on s.id = c.session_id cross join generate_series(1, 1049) g
					where s.slug = 'list-bound-session'""");
		this.mvc.perform(get("/concerns").param("event", "list-bound"))
			.andExpect(content().string(containsString(">More than 1,000 concerns<")))
			.andExpect(content().string(containsString(">Page 1 of 40 or more<")))
			.andExpect(content().string(containsString("/concerns?event=list-bound&amp;page=2\" rel=\"next\"")));
		this.mvc.perform(get("/concerns").param("event", "list-bound").param("page", "2"))
			.andExpect(content().string(containsString(">More than 1,025 concerns<")))
			.andExpect(content().string(containsString(">Page 2 of 41 or more<")));
		// Rows 1,001 to 1,025 of 1,050, counted exactly from there.
		this.mvc.perform(get("/concerns").param("event", "list-bound").param("page", "41"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">1,050 concerns<")))
			.andExpect(content().string(containsString(">Page 41 of 42<")))
			.andExpect(content().string(containsString(">Bounded row 1000<")))
			.andExpect(content().string(containsString(">Bounded row 1024<")))
			.andExpect(content().string(not(containsString(">Bounded row 999<"))))
			.andExpect(content().string(not(containsString(">Bounded row 1025<"))))
			.andExpect(content().string(containsString("page=42\" rel=\"next\"")));
		this.mvc.perform(get("/concerns").param("event", "list-bound").param("page", "42"))
			.andExpect(content().string(containsString(">Page 42 of 42<")))
			.andExpect(content().string(containsString(">Bounded row 1049<")))
			.andExpect(content().string(not(containsString("rel=\"next\""))));
		// Under the bound, as exact as ever.
		this.mvc.perform(get("/concerns").param("event", "list-bound").param("status", "resolved"))
			.andExpect(content().string(containsString(">0 concerns<")));
	}

	@Test
	void theStatementCountIsBoundedAndTheSameWithTenTimesTheConcerns() throws Exception {
		this.fixture.session("list-small", 0, 6, 3);
		long small = statementsFor(get("/concerns").param("event", "list-small")
			.param("subsystem", "list-small-session-s0")
			.param("raiser", "list-small-session-p0")
			.param("session", "list-small-session")
			.param("blocking", "yes"));
		long all = statementsFor(get("/concerns"));
		this.fixture.session("list-large", 0, 60, 3);
		long large = statementsFor(get("/concerns").param("event", "list-large")
			.param("subsystem", "list-large-session-s0")
			.param("raiser", "list-large-session-p0")
			.param("session", "list-large-session")
			.param("blocking", "yes"));
		assertThat(small).isLessThanOrEqualTo(MAX_STATEMENTS);
		assertThat(large).isEqualTo(small);
		assertThat(all).isLessThanOrEqualTo(MAX_STATEMENTS);
		assertThat(statementsFor(get("/concerns"))).isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	private void expect400(MockHttpServletRequestBuilder request, String message) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(message)));
	}

	private long statementsFor(MockHttpServletRequestBuilder request) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		// What the list's reads cost, not what was kept of them.
		this.caches.getCache("reads").clear();
		statistics.clear();
		this.mvc.perform(request).andExpect(status().isOk());
		return statistics.getPrepareStatementCount();
	}

}
