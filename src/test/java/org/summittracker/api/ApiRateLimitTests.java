package org.summittracker.api;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rate limits per token and per address, counted in the database (so every instance
 * counts the same requests), with {@code RateLimit} headers and 429 with
 * {@code Retry-After}.
 */
@SummitIntegrationTest(properties = { "summit.api.rate.per-token=3", "summit.api.rate.per-address=5" })
class ApiRateLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aTokenOverItsLimitGets429UntilTheWindowEnds() throws Exception {
		String token = this.fixture.token(this.fixture.personWithAccount("limited", Role.MAINTAINER), false);
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + token).with((r) -> {
				r.setRemoteAddr("192.0.2.1");
				return r;
			}))
				.andExpect(status().isOk())
				.andExpect(header().string("RateLimit-Policy", containsString("\"token\";q=3;w=60")))
				.andExpect(header().string("RateLimit", matchesPattern("\"token\";r=" + (2 - i) + ";t=\\d+")));
		}
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + token).with((r) -> {
			r.setRemoteAddr("192.0.2.2");
			return r;
		}))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("\\d+")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429));
		// The counters are rows, which any instance reads.
		assertThat(this.jdbc.queryForObject("select sum(hits) from api_rate_window where bucket like 'token:%'",
				Integer.class))
			.isGreaterThanOrEqualTo(4);
	}

	@Test
	void anAddressOverItsLimitGets429EvenWithoutAToken() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/api/v1/events").with((r) -> {
				r.setRemoteAddr("198.51.100.7");
				return r;
			})).andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer st_guess").with((r) -> {
			r.setRemoteAddr("198.51.100.7");
			return r;
		})).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
	}

}
