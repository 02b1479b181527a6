package org.summittracker.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

/**
 * Five failures for one account within five minutes pause that account's sign-in; fifty
 * from one address pause that address. The application's clock is replaced by one the
 * tests move.
 */
@SummitIntegrationTest
class LoginThrottlingTests {

	static final MovableClock CLOCK = new MovableClock();

	@TestBean
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Test
	void fiveFailuresPauseTheAccountEvenForTheRightPassword() throws Exception {
		String user = this.fixture.personWithAccount("throttled", Role.MAINTAINER);
		for (int i = 0; i < 5; i++) {
			attempt(user, "wrong-" + i, "10.1.0.1").andExpect(redirectedUrl("/login?error"));
		}
		attempt(user, Fixture.PASSWORD, "10.1.0.2").andExpect(redirectedUrl("/login?refused=account&minutes=5"));
		this.mvc.perform(get("/login?refused=account&minutes=5"))
			.andExpect(content().string(containsString(
					"Too many failed sign-ins for this account. Its sign-in is paused; try again in 5 minutes.")));

		this.mvc.perform(get("/login?refused=account&minutes=many")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/login?refused=nobody&minutes=5")).andExpect(status().isBadRequest());

		CLOCK.advance(Duration.ofMinutes(4));
		attempt(user, Fixture.PASSWORD, "10.1.0.2").andExpect(redirectedUrl("/login?refused=account&minutes=1"));
		CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));
		attempt(user, Fixture.PASSWORD, "10.1.0.2").andExpect(redirectedUrl("/"));
	}

	@Test
	void fourFailuresDoNotPauseAndASuccessStartsTheCountAgain() throws Exception {
		String user = this.fixture.personWithAccount("careless", Role.MAINTAINER);
		for (int i = 0; i < 4; i++) {
			attempt(user, "wrong", "10.2.0.1").andExpect(redirectedUrl("/login?error"));
		}
		attempt(user, Fixture.PASSWORD, "10.2.0.1").andExpect(redirectedUrl("/"));
		for (int i = 0; i < 4; i++) {
			attempt(user, "wrong", "10.2.0.1").andExpect(redirectedUrl("/login?error"));
		}
		attempt(user, Fixture.PASSWORD, "10.2.0.1").andExpect(redirectedUrl("/"));
	}

	@Test
	void anUnknownAccountIsPausedJustLikeARealOne() throws Exception {
		for (int i = 0; i < 5; i++) {
			attempt("nobody-by-this-name", "wrong", "10.3.0.1").andExpect(redirectedUrl("/login?error"));
		}
		attempt("nobody-by-this-name", "wrong", "10.3.0.1")
			.andExpect(redirectedUrl("/login?refused=account&minutes=5"));
	}

	@Test
	void fiftyFailuresFromOneAddressPauseThatAddressOnly() throws Exception {
		String user = this.fixture.personWithAccount("behind-proxy", Role.MAINTAINER);
		String proxy = "10.4.0.1";
		for (int i = 0; i < 50; i++) {
			// Four tries per name, so no account reaches its own limit.
			attempt("guess-" + (i / 4), "wrong", proxy).andExpect(redirectedUrl("/login?error"));
		}
		attempt(user, Fixture.PASSWORD, proxy).andExpect(redirectedUrl("/login?refused=address&minutes=5"));
		this.mvc.perform(get("/login?refused=address&minutes=5"))
			.andExpect(
					content().string(containsString("Too many failed sign-ins have come from your network address")));
		attempt(user, Fixture.PASSWORD, "10.4.0.2").andExpect(redirectedUrl("/"));
		CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
		attempt(user, Fixture.PASSWORD, proxy).andExpect(redirectedUrl("/"));
	}

	private ResultActions attempt(String username, String password, String address) throws Exception {
		return this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}));
	}

	/** A clock that stands still until a test moves it. */
	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2024-09-01T10:00:00Z");

		synchronized void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public synchronized Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
