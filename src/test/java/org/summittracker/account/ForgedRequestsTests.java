package org.summittracker.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests a person crafts by hand rather than through the pages: ids and keys of another
 * session, someone else's things, versions that are old, missing or not numbers, no CSRF
 * token, roles they do not have. Each is refused with the right status, and nothing
 * changes (the change stamp stays where it was).
 */
@SummitIntegrationTest
class ForgedRequestsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built mine;

	Built other;

	MockHttpSession organizer;

	MockHttpSession maintainer;

	String maintainerHandle;

	@BeforeEach
	void twoSessions() throws Exception {
		this.mine = this.fixture.newSession("forged", 0, 2, 2);
		this.other = this.fixture.newSession("forged-other", 0, 3, 2);
		this.organizer = this.fixture.signedIn(this.mvc, "forger", Role.ORGANIZER);
		this.maintainerHandle = this.fixture.personWithAccount("forger-m", Role.MAINTAINER);
		this.maintainer = this.fixture.signIn(this.mvc, this.maintainerHandle);
	}

	@Test
	void aKeyOrNumberOfAnotherSessionIsNotFound() throws Exception {
		// concern-2 and resolution 3 exist only in the other session.
		refused(post(this.mine.url() + "/concerns/concern-2/status").param("status", "RESOLVED").param("note", "x"),
				this.organizer, status().isNotFound());
		refused(post(this.mine.url() + "/concerns/concern-2").param("title", "Taken over")
			.param("category", "other")
			.param("version", "0"), this.organizer, status().isNotFound());
		refused(post(this.mine.url() + "/resolutions/9").param("statement", "x")
			.param("outcome", "AGREED")
			.param("version", "0"), this.organizer, status().isNotFound());
		refused(post("/events/" + this.other.eventSlug() + "/sessions/" + this.mine.slug() + "/positions")
			.param("stance", "SUPPORTS")
			.param("person", this.mine.person(0)), this.organizer, status().isNotFound());
		refused(post("/follow-ups/999999999").param("title", "x").param("owner", "x").param("version", "0"),
				this.organizer, status().isNotFound());
	}

	@Test
	void someoneElsesThingsAreForbidden() throws Exception {
		long followUp = this.fixture.followUpId(this.other.slug(), "Follow-up 0");
		refused(post("/follow-ups/{id}", followUp).param("title", "Mine now")
			.param("owner", this.maintainerHandle)
			.param("version", "0"), this.maintainer, status().isForbidden());
		refused(post(this.mine.url() + "/positions").param("person", this.mine.person(1))
			.param("stance", "OPPOSES")
			.param("rationale", "Forged"), this.maintainer, status().isForbidden());
		refused(post("/admin/accounts/{id}/roles", this.fixture.accountId(this.maintainerHandle))
			.param("roles", "ADMIN")
			.param("version", "0"), this.maintainer, status().isForbidden());
		refused(post("/concerns/categories").param("name", "Forged category"), this.maintainer, status().isForbidden());
	}

	@Test
	void oldMissingOrMalformedVersionsChangeNothing() throws Exception {
		long followUp = this.fixture.followUpId(this.mine.slug(), "Follow-up 1");
		for (String version : new String[] { "-1", "7", "abc", "9223372036854775808" }) {
			refused(post("/follow-ups/{id}", followUp).param("title", "Stale")
				.param("owner", this.mine.person(0))
				.param("version", version), this.organizer,
					(result) -> assertThat(result.getResponse().getStatus()).as(version).isIn(409, 422));
			refused(post(this.mine.url() + "/resolutions/1").param("statement", "Stale")
				.param("outcome", "AGREED")
				.param("version", version), this.organizer,
					(result) -> assertThat(result.getResponse().getStatus()).as(version).isIn(409, 422));
		}
		refused(post("/follow-ups/{id}", followUp).param("title", "No version").param("owner", this.mine.person(0)),
				this.organizer, status().isUnprocessableContent());
		refused(post("/follow-ups/{id}/status", followUp).param("status", "done"), this.organizer,
				status().isUnprocessableContent());
		refused(post(this.mine.url() + "/concerns/concern-0").param("title", "No version").param("category", "other"),
				this.organizer, status().isUnprocessableContent());
		refused(post(this.mine.url() + "/resolutions/1").param("statement", "No version").param("outcome", "AGREED"),
				this.organizer, status().isUnprocessableContent());
		refused(post(this.mine.url() + "/positions/" + this.mine.person(0)).param("stance", "UNDECIDED"),
				this.organizer, status().isConflict());
		refused(post("/admin/accounts/{id}/enabled", this.fixture.accountId(this.maintainerHandle)).param("enabled",
				"false"), this.fixture.signedIn(this.mvc, "forger-admin", Role.ADMIN),
				(result) -> assertThat(result.getResponse().getStatus()).isBetween(400, 499));
	}

	@Test
	void withoutItsCsrfTokenNoFormChangesAnything() throws Exception {
		long before = stamp();
		int status = this.mvc
			.perform(post(this.mine.url() + "/concerns").param("title", "No token")
				.param("category", "other")
				.session(this.organizer)
				.accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
		assertThat(stamp()).isEqualTo(before);
	}

	private void refused(MockHttpServletRequestBuilder request, MockHttpSession who, ResultMatcher expected)
			throws Exception {
		long before = stamp();
		this.mvc.perform(request.with(csrf()).session(who).accept(MediaType.TEXT_HTML)).andExpect(expected);
		assertThat(stamp()).as("the change stamp after a refused request").isEqualTo(before);
	}

	/** The change stamp, which every committed write to any table moves on. */
	private long stamp() {
		return this.jdbc.queryForObject("select stamp from change_stamp", Long.class);
	}

}
