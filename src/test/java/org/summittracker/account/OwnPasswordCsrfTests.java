package org.summittracker.account;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.support.Fixture;
import org.summittracker.support.HttpBrowser;
import org.summittracker.support.HttpBrowser.Answer;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change of one's own password renews the session's CSRF token, as signing in does: a
 * page opened before the change cannot post after it. Over real HTTP, as a browser does
 * it (MockMvc's {@code csrf()} puts a token store of its own in place of the
 * application's, so a MockMvc test would not see the application's renewal).
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OwnPasswordCsrfTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theTokenOfAPageFromBeforeTheChangeIsRefusedAndTheNewPagesTokenWorks() {
		String base = "http://127.0.0.1:" + this.port;
		String handle = this.fixture.personWithAccount("token-renewed", Role.MAINTAINER);
		HttpBrowser browser = new HttpBrowser().signIn(base, handle, Fixture.PASSWORD);
		String before = token(browser.open(base + "/account/password"));

		Answer changed = browser.post(base + "/account/password",
				form(before, Fixture.PASSWORD, "token-renewing-1", passwordVersion(handle)));
		assertThat(changed.status()).as(changed.body()).isEqualTo(302);
		assertThat(changed.location()).endsWith("/account/password");

		// Still signed in, but the token of the page from before the change opens
		// nothing.
		Answer old = browser.post(base + "/account/password",
				form(before, "token-renewing-1", "token-renewing-2", passwordVersion(handle)));
		assertThat(old.status()).isEqualTo(403);
		assertThat(browser.get(base + "/").body()).contains("Signed in as");

		String after = token(browser.open(base + "/account/password"));
		Answer again = browser.post(base + "/account/password",
				form(after, "token-renewing-1", "token-renewing-2", passwordVersion(handle)));
		assertThat(again.status()).as(again.body()).isEqualTo(302);
		new HttpBrowser().signIn(base, handle, "token-renewing-2");
	}

	private static Map<String, String> form(String token, String current, String password, long version) {
		return Map.of("_csrf", token, "currentPassword", current, "password", password, "passwordAgain", password,
				"version", Long.toString(version));
	}

	private static String token(Answer page) {
		assertThat(page.status()).isEqualTo(200);
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

	private long passwordVersion(String username) {
		return this.jdbc.queryForObject("select password_version from account where username = ?", Long.class,
				username);
	}

}
