package org.summittracker.shared;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What hostile input used to get through, each refused with a message next to its field
 * (or kept from harm): invisible and direction-changing characters in names, days past
 * any plausible year, revisit dates in the past, changes without the version they were
 * made against, passwords past bcrypt's 72 bytes, a forged {@code Host} header, and
 * Actuator's list of endpoints.
 */
@SummitIntegrationTest
class HostileRulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built session;

	MockHttpSession organizer;

	@BeforeEach
	void aSessionAndAnOrganizer() throws Exception {
		this.session = this.fixture.newSession("rules", 0, 2, 2);
		this.organizer = this.fixture.signedIn(this.mvc, "rules", Role.ORGANIZER);
	}

	@Test
	void directionOverridesAreRefusedInAnyTextAndInvisibleCharactersInTitles() throws Exception {
		fileConcern("\u202Eexe.txt", "Body").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("direction overrides")));
		fileConcern("Fine title", "A body with an isolate \u2066x\u2069").andExpect(status().isUnprocessableContent());
		fileConcern("zero\u200Bwidth", "Body").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Remove the invisible characters")));
		fileConcern("C1 \u0085 control", "Body").andExpect(status().isUnprocessableContent());
		// Right-to-left text itself is welcome, and so are emoji made of joined
		// characters.
		fileConcern("\u0645\u0631\u062D\u0628\u0627 \uD83D\uDC68\u200D\uD83D\uDCBB", "Body")
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from concern c join summit_session s" + " on s.id = c.session_id where s.slug = ?",
				Integer.class, this.session.slug()))
			.isEqualTo(3);
	}

	@Test
	void daysMustFallBetween1990And2200() throws Exception {
		for (String day : new String[] { "+1000000-01-01", "9999-12-31", "1989-12-31", "2201-01-01" }) {
			this.mvc
				.perform(post(this.session.url() + "/follow-ups").session(this.organizer)
					.with(csrf())
					.param("title", "Far away")
					.param("owner", this.session.person(0))
					.param("dueOn", day))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("Give a day between 1990 and 2200")));
		}
		this.mvc
			.perform(post(this.session.url() + "/concerns/concern-0/status").session(this.organizer)
				.with(csrf())
				.param("status", "DEFERRED")
				.param("note", "Later")
				.param("revisitOn", "1000000-01-01"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aResolutionCannotBeRevisitedInThePast() throws Exception {
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Look again")
				.param("outcome", "DEFERRED")
				.param("decidedOn", "2024-09-02")
				.param("revisitOn", "2024-10-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The revisit date cannot be in the past")));
	}

	@Test
	void aPositionChangeWithoutItsVersionIsStale() throws Exception {
		String handle = this.session.person(0);
		long version = this.jdbc.queryForObject(
				"select p.version from position p join person x on x.id = p.person_id" + " where x.handle = ?",
				Long.class, handle);
		this.mvc
			.perform(post(this.session.url() + "/positions/" + handle).session(this.organizer)
				.with(csrf())
				.param("stance", "UNDECIDED"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post(this.session.url() + "/positions/" + handle + "/withdrawal").session(this.organizer)
				.with(csrf()))
			.andExpect(status().isConflict());
		assertThat(this.jdbc.queryForObject(
				"select p.version from position p join person x on x.id = p.person_id" + " where x.handle = ?",
				Long.class, handle))
			.isEqualTo(version);
	}

	@Test
	void passwordsLongerThanBcryptsLimitWorkAndTheLimitIsStated() throws Exception {
		MockHttpSession admin = this.fixture.signedIn(this.mvc, "rules-admin", Role.ADMIN);
		String password = "é".repeat(100);
		String person = this.fixture.person("long-password");
		this.mvc
			.perform(post("/admin/accounts").session(admin)
				.with(csrf())
				.param("username", person)
				.param("person", person)
				.param("roles", "MAINTAINER")
				.param("password", password))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.jdbc.queryForObject("select password_hash from account where username = ?", String.class, person))
			.startsWith("{argon2}");
		SignIn.as(this.mvc, person, password);
		this.mvc.perform(post("/login").param("username", person).param("password", "é".repeat(99) + "e").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(post("/admin/accounts").session(admin)
				.with(csrf())
				.param("username", person + "-2")
				.param("person", this.fixture.person("too-long"))
				.param("roles", "MAINTAINER")
				.param("password", "x".repeat(129)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Between 8 and 128 characters.")));
	}

	@Test
	void aForgedHostHeaderNeverMakesARedirectOrALink() throws Exception {
		this.mvc.perform(get("/admin/accounts").header(HttpHeaders.HOST, "evil.example").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string(HttpHeaders.LOCATION, "/login"));
		this.mvc
			.perform(get("/people/" + this.session.person(0) + "/follow-ups.ics").header(HttpHeaders.HOST,
					"evil.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("URL:http://localhost:8080/follow-ups/")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("evil.example"))));
	}

	@Test
	void actuatorAnswersOnlyHealth() throws Exception {
		this.mvc.perform(get("/actuator").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.ResultActions fileConcern(String title, String body) throws Exception {
		return this.mvc.perform(post(this.session.url() + "/concerns").session(this.organizer)
			.with(csrf())
			.param("title", title)
			.param("category", "other")
			.param("body", body)
			.param("raiser", this.session.person(0)));
	}

}
