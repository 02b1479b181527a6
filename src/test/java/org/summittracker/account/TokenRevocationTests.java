package org.summittracker.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Revoking an API token stops every script using it at once, so its owner sees which
 * token first and confirms; the notice afterwards names it.
 */
@SummitIntegrationTest
class TokenRevocationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void revokingATokenIsReviewedFirstAndTheNoticeNamesIt() throws Exception {
		String handle = this.fixture.personWithAccount("revoker", Role.MAINTAINER);
		MockHttpSession session = this.fixture.signIn(this.mvc, handle);
		this.fixture.token(handle, false);
		long id = this.jdbc.queryForObject("select id from api_token where account_id = ?", Long.class,
				this.fixture.accountId(handle));
		String name = this.jdbc.queryForObject("select name from api_token where id = ?", String.class, id);

		this.mvc.perform(post("/account/tokens/{id}/revocation", id).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Revoke the token \u201c" + name + "\u201d?"),
					containsString("Scripts using it stop at once"),
					containsString("name=\"confirmed\" value=\"true\""))));
		assertThat(live(id)).as("a review revokes nothing").isTrue();

		MvcResult revoked = this.mvc.perform(
				post("/account/tokens/{id}/revocation", id).session(session).with(csrf()).param("confirmed", "true"))
			.andExpect(redirectedUrl("/account/tokens"))
			.andReturn();
		assertThat(live(id)).isFalse();
		this.mvc.perform(get("/account/tokens").session(session).flashAttrs(revoked.getFlashMap()))
			.andExpect(content().string(containsString("The token \u201c" + name + "\u201d is revoked")));

		// Revoked already, or someone else's: not even a review.
		this.mvc.perform(post("/account/tokens/{id}/revocation", id).session(session).with(csrf()))
			.andExpect(status().isNotFound());
		String other = this.fixture.personWithAccount("not-revoker", Role.MAINTAINER);
		this.fixture.token(other, false);
		long theirs = this.jdbc.queryForObject("select id from api_token where account_id = ?", Long.class,
				this.fixture.accountId(other));
		this.mvc.perform(post("/account/tokens/{id}/revocation", theirs).session(session).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(
				post("/account/tokens/{id}/revocation", id).session(session).with(csrf()).param("confirmed", "maybe"))
			.andExpect(status().isBadRequest());
		assertThat(live(theirs)).isTrue();
	}

	private boolean live(long tokenId) {
		return this.jdbc.queryForObject("select revoked_at is null from api_token where id = ?", Boolean.class,
				tokenId);
	}

}
