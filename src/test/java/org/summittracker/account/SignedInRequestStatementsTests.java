package org.summittracker.account;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a signed-in request costs the database before its page reads anything: the change
 * stamp and the session, nothing more. The session is neither written back when only its
 * last access moved (within the minute) nor read again after its save, and the account is
 * kept by its tables, so a role taken away or an account disabled still applies at the
 * very next request.
 */
// As MinutesExportTests, so the two share one application context (statements counted).
@SummitIntegrationTest(properties = { "summit.demo-data.enabled=true", "summit.benchmark.enabled=true" })
class SignedInRequestStatementsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSignedInFormSendsTheStampAndTheSessionReadAndNothingElse() throws Exception {
		String handle = this.fixture.personWithAccount("two-statements", Role.ORGANIZER);
		MockHttpSession session = this.fixture.signIn(this.mvc, handle);
		this.mvc.perform(get("/events/new").session(session)).andExpect(status().isOk());

		// The new event form reads nothing of its own.
		assertThat(statements(session, "/events/new")).isEqualTo(2);

		// The kept account is read again after its roles change: no longer an organizer.
		this.jdbc.update("delete from account_role where role = 'ORGANIZER' and account_id = "
				+ "(select id from account where username = ?)", handle);
		this.mvc.perform(get("/events/new").session(session)).andExpect(status().isForbidden());

		// And after it is disabled: signed out at the next request.
		this.jdbc.update("update account set enabled = false where username = ?", handle);
		this.mvc.perform(get("/me").session(session).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

	/**
	 * The fewest statements of three requests of the address (background tasks add some).
	 */
	private long statements(MockHttpSession session, String url) throws Exception {
		long fewest = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long before = statementsSoFar();
			this.mvc.perform(get(url + "?statements=" + UUID.randomUUID()).session(session)).andExpect(status().isOk());
			fewest = Math.min(fewest, statementsSoFar() - before);
		}
		return fewest;
	}

	private long statementsSoFar() throws Exception {
		return Long.parseLong(
				this.mvc.perform(get("/benchmark/statements")).andReturn().getResponse().getContentAsString().trim());
	}

}
