package org.summittracker.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.HttpBrowser;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in person's pages do not write their session's row at every request: its last
 * access is written when it is a minute old or more, and whatever else changes (a new
 * session id at sign-in, its end at sign-out) is written at once. Over real HTTP, through
 * Spring Session's filter as a browser goes through it.
 */
// As OwnPasswordCsrfTests, so the two share one application context.
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionLastAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theLastAccessIsWrittenOnceAMinuteAndTheSessionLivesOn() {
		String base = "http://127.0.0.1:" + this.port;
		String handle = this.fixture.personWithAccount("last-access", Role.MAINTAINER);
		HttpBrowser browser = new HttpBrowser().signIn(base, handle, Fixture.PASSWORD);
		Map<String, Object> signedIn = row(handle);

		// Pages read within the minute leave the row as it was.
		assertThat(browser.get(base + "/").body()).contains("Signed in as");
		assertThat(browser.get(base + "/me").status()).isEqualTo(200);
		assertThat(row(handle)).isEqualTo(signedIn);

		// Its last access two minutes ago: the next page writes it, and the expiry with
		// it.
		this.jdbc.update("update spring_session set last_access_time = last_access_time - 120000, "
				+ "expiry_time = expiry_time - 120000 where principal_name = ?", handle);
		long before = System.currentTimeMillis();
		assertThat(browser.get(base + "/").body()).contains("Signed in as");
		Map<String, Object> written = row(handle);
		assertThat((Long) written.get("last_access_time")).isGreaterThanOrEqualTo(before - 1000);
		assertThat((Long) written.get("expiry_time") - (Long) written.get("last_access_time"))
			.isEqualTo(((Integer) written.get("max_inactive_interval")) * 1000L);
		assertThat(written.get("session_id")).isEqualTo(signedIn.get("session_id"));

		// Signing out ends the session at once.
		browser.open(base + "/");
		assertThat(browser.post(base + "/logout", Map.of()).status()).isEqualTo(302);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
				Integer.class, handle))
			.isZero();
	}

	@Test
	void aNewSignInOfTheSameBrowserGetsANewSessionIdWrittenAtOnce() {
		String base = "http://127.0.0.1:" + this.port;
		String handle = this.fixture.personWithAccount("last-access-again", Role.MAINTAINER);
		HttpBrowser browser = new HttpBrowser();
		browser.open(base + "/login");
		String anonymous = browser.cookie("SESSION");
		browser.signIn(base, handle, Fixture.PASSWORD);
		String signedIn = browser.cookie("SESSION");
		assertThat(signedIn).isNotNull().isNotEqualTo(anonymous);
		// The id the browser now holds is the one stored, so the next page finds the
		// sign-in.
		assertThat(browser.get(base + "/me").status()).isEqualTo(200);
		assertThat(browser.get(base + "/").body()).contains("Signed in as");
	}

	private Map<String, Object> row(String handle) {
		return this.jdbc.queryForMap("select session_id, last_access_time, expiry_time, max_inactive_interval, "
				+ "principal_name from spring_session where principal_name = ?", handle);
	}

}
