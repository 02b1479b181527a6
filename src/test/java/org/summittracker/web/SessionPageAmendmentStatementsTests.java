package org.summittracker.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What changed since a session's final minutes is read in the session page's round trip:
 * every statement the page prepares counted on the connection (JdbcTemplate and the
 * page's round trip too, which Hibernate's statistics of SessionPageStatementsTests do
 * not see), none more for a page listing thirty changes than for a draft's.
 */
// As MinutesExportTests, so they share one application context (statements counted).
@SummitIntegrationTest(properties = { "summit.demo-data.enabled=true", "summit.benchmark.enabled=true" })
class SessionPageAmendmentStatementsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CacheManager caches;

	@Test
	void aPageListingTheChangesSinceItsFinalMinutesPreparesNoMoreStatementsThanADraft() throws Exception {
		String draft = this.fixture.newSession("statements-draft", 5, 3, 5).url();
		String amended = this.fixture.newSession("statements-amended", 5, 3, 5).url();
		String slug = amended.substring(amended.lastIndexOf('/') + 1);
		this.jdbc.update("update summit_session set minutes_final_at = timestamptz '2024-09-03 00:00Z',"
				+ " version = version + 1 where slug = ?", slug);
		this.jdbc.update("""
				insert into concern_response (concern_id, author_id, body, created_at)
				select c.id, c.raised_by_id, 'Later response ' || n, s.minutes_final_at + n * interval '1 minute'
				from concern c join summit_session s on s.id = c.session_id, generate_series(1, 10) n
				where s.slug = ?""", slug);
		long draftStatements = statements(draft);
		long amendedStatements = statements(amended);
		assertThat(this.mvc.perform(get(amended)).andReturn().getResponse().getContentAsString())
			.contains("Changed since the final minutes", "The latest 20 of 30");
		assertThat(amendedStatements).isEqualTo(draftStatements);
	}

	/**
	 * The fewest statements of three uncached readings of the page (background tasks add
	 * some).
	 */
	private long statements(String url) throws Exception {
		long fewest = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			this.caches.getCache("reads").clear();
			this.caches.getCache("pages").clear();
			long before = statementsSoFar();
			this.mvc.perform(get(url)).andExpect(status().isOk());
			fewest = Math.min(fewest, statementsSoFar() - before);
		}
		return fewest;
	}

	private long statementsSoFar() throws Exception {
		return Long.parseLong(
				this.mvc.perform(get("/benchmark/statements")).andReturn().getResponse().getContentAsString().trim());
	}

}
