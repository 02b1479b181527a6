package org.summittracker.api;

import java.sql.Timestamp;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal access tokens: made on the account page (a form with CSRF, as every form),
 * shown once, stored as a hash, used as {@code Authorization: Bearer}, last use recorded,
 * revoked; the API's 401 and 403 as problem details.
 */
@SummitIntegrationTest
class ApiTokensTests {

	private static final Pattern SECRET = Pattern.compile("id=\"issued-secret\">(st_[A-Za-z0-9_-]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aTokenMadeOnTheAccountPageIsShownOnceStoredAsAHashAndReads() throws Exception {
		String handle = this.fixture.personWithAccount("tokens", Role.MAINTAINER);
		MockHttpSession session = this.fixture.signIn(this.mvc, handle);
		this.mvc.perform(get("/account/tokens").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have no tokens.")));

		String page = this.mvc.perform(
				post("/account/tokens").session(session).with(csrf()).param("name", "mail-bot").param("scope", "read"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher shown = SECRET.matcher(page);
		assertThat(shown.find()).as("the new token on the page").isTrue();
		String secret = shown.group(1);
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where token_hash = ? or name = ?",
				Integer.class, secret, secret))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select token_hash from api_token where name = 'mail-bot'" + " and account_id = ?", String.class,
				this.fixture.accountId(handle)))
			.hasSize(64)
			.isNotEqualTo(secret);

		this.mvc.perform(get("/api/v1/people/{handle}", handle).header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handle").value(handle));

		String after = this.mvc.perform(get("/account/tokens").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).contains("mail-bot").doesNotContain(secret).doesNotContain(">never<");
	}

	@Test
	void aTokensLastUseIsWrittenToTheMinuteAndFromEachNewAddress() throws Exception {
		Fixture.ApiCaller caller = this.fixture.apiCaller("last-use", false, Role.MAINTAINER);
		String sql = "select u.last_used_at, u.last_address from api_token_use u join api_token t on t.id = u.token_id "
				+ "join account a on a.id = t.account_id where a.username = ?";
		this.mvc.perform(Fixture.bearer(caller.token(), get("/api/v1/me"))).andExpect(status().isOk());
		Map<String, Object> first = this.jdbc.queryForMap(sql, caller.handle());

		// Again within the minute, from the same address: nothing written.
		this.mvc.perform(Fixture.bearer(caller.token(), get("/api/v1/me"))).andExpect(status().isOk());
		assertThat(this.jdbc.queryForMap(sql, caller.handle())).isEqualTo(first);

		// From another address, or a minute later: written.
		this.mvc.perform(Fixture.bearer(caller.token(), get("/api/v1/me")).with((request) -> {
			request.setRemoteAddr("192.0.2.7");
			return request;
		})).andExpect(status().isOk());
		assertThat(this.jdbc.queryForMap(sql, caller.handle())).containsEntry("last_address", "192.0.2.7");
		this.jdbc.update("update api_token_use set last_used_at = last_used_at - interval '2 minutes', "
				+ "last_address = '127.0.0.1' where token_id = (select t.id from api_token t join account a "
				+ "on a.id = t.account_id where a.username = ?)", caller.handle());
		Timestamp twoMinutesAgo = (Timestamp) this.jdbc.queryForMap(sql, caller.handle()).get("last_used_at");
		this.mvc.perform(Fixture.bearer(caller.token(), get("/api/v1/me"))).andExpect(status().isOk());
		assertThat((Timestamp) this.jdbc.queryForMap(sql, caller.handle()).get("last_used_at")).isAfter(twoMinutesAgo);
	}

	@Test
	void theTokenFormKeepsCsrfAndNeedsASignIn() throws Exception {
		MockHttpSession session = this.fixture.signedIn(this.mvc, "tokens-csrf", Role.MAINTAINER);
		this.mvc
			.perform(post("/account/tokens").session(session)
				.param("name", "forged")
				.param("scope", "write")
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/account/tokens").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/login")));
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where name = 'forged'", Integer.class))
			.isZero();
	}

	@Test
	void aNamelessTokenIsRefusedNextToItsField() throws Exception {
		MockHttpSession session = this.fixture.signedIn(this.mvc, "tokens-bad", Role.MAINTAINER);
		this.mvc
			.perform(post("/account/tokens").session(session).with(csrf()).param("name", " ").param("scope", "read"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the token a name.")));
		this.mvc
			.perform(post("/account/tokens").session(session).with(csrf()).param("name", "x").param("scope", "admin"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose read, or read and write.")));
	}

	@Test
	void anUnknownScopeDoesNotHideANameAlreadyTaken() throws Exception {
		String handle = this.fixture.personWithAccount("tokens-twice", Role.MAINTAINER);
		MockHttpSession session = this.fixture.signIn(this.mvc, handle);
		this.mvc.perform(
				post("/account/tokens").session(session).with(csrf()).param("name", "ci-bot").param("scope", "read"))
			.andExpect(status().isOk());
		this.mvc.perform(
				post("/account/tokens").session(session).with(csrf()).param("name", "CI-bot").param("scope", "admin"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose read, or read and write.")))
			.andExpect(content().string(containsString("You already have a live token named CI-bot.")));
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where account_id = ?", Integer.class,
				this.fixture.accountId(handle)))
			.isOne();
	}

	@Test
	void withoutATokenTheApiAnswers401AsAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/events"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(containsString("personal access token")));
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer st_nonsense"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Basic dXNlcjpwYXNz"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aSignedInBrowserSessionDoesNotOpenTheApi() throws Exception {
		MockHttpSession session = this.fixture.signedIn(this.mvc, "tokens-cookie", Role.ORGANIZER);
		this.mvc.perform(get("/api/v1/events").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void aRevokedTokenAndADisabledAccountAreRefused() throws Exception {
		String handle = this.fixture.personWithAccount("tokens-revoked", Role.MAINTAINER);
		String secret = this.fixture.token(handle, false);
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		long id = this.jdbc.queryForObject("select t.id from api_token t where t.account_id = ?", Long.class,
				this.fixture.accountId(handle));
		MockHttpSession session = this.fixture.signIn(this.mvc, handle);
		this.mvc.perform(
				post("/account/tokens/{id}/revocation", id).session(session).with(csrf()).param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where id = ? and revoked_at is not null",
				Integer.class, id))
			.isOne();

		String other = this.fixture.personWithAccount("tokens-disabled", Role.MAINTAINER);
		String live = this.fixture.token(other, true);
		this.fixture.disable(other);
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + live))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void nobodyRevokesAnotherPersonsToken() throws Exception {
		String owner = this.fixture.personWithAccount("tokens-owner", Role.MAINTAINER);
		String secret = this.fixture.token(owner, false);
		long id = this.jdbc.queryForObject("select id from api_token where account_id = ?", Long.class,
				this.fixture.accountId(owner));
		MockHttpSession other = this.fixture.signedIn(this.mvc, "tokens-other", Role.ORGANIZER);
		this.mvc.perform(post("/account/tokens/{id}/revocation", id).session(other).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
	}

	@Test
	void aReadTokenMayNotWriteAndSaysWhy() throws Exception {
		String handle = this.fixture.personWithAccount("tokens-read", Role.MAINTAINER, Role.ORGANIZER);
		String secret = this.fixture.token(handle, false);
		String session = this.fixture.session("tokens-read-" + handle, 0, 0, 0);
		this.mvc
			.perform(post("/api/v1" + session + "/concerns").header("Authorization", "Bearer " + secret)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Nope\",\"category\":\"other\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("write scope")));
	}

}
