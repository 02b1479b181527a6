package org.summittracker.shared;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one input-hygiene rule and the binding of types, wherever a request binds: a form
 * field, a filter in the URL. What does not bind is said next to its field, with the
 * value sent, and nothing changes.
 */
@SummitIntegrationTest
class InputHygieneTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built session;

	MockHttpSession maintainer;

	@BeforeEach
	void aSessionAndAMaintainer() throws Exception {
		this.session = this.fixture.newSession("hygiene", 0, 0, 0);
		this.maintainer = this.fixture.signedIn(this.mvc, "hygiene", Role.MAINTAINER);
	}

	@Test
	void controlCharactersInAnyFormFieldAreRefusedNextToTheFieldAndNothingIsSaved() throws Exception {
		for (String field : new String[] { "title", "body", "blockingReason", "otherSubsystems" }) {
			this.mvc
				.perform(post(this.session.url() + "/concerns").session(this.maintainer)
					.with(csrf())
					.param("title", "Fine")
					.param("category", "other")
					.param(field, "bad\u0000byte\u0007"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("Remove the control characters (such as NUL)")));
		}
		assertThat(concernsFiled()).isZero();
	}

	@Test
	void tabsAndLineBreaksAreTextButOneLineFieldsKeepToOneLine() throws Exception {
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.maintainer)
				.with(csrf())
				.param("title", "Two\nlines")
				.param("category", "other"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Keep this to one line.")));
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.maintainer)
				.with(csrf())
				.param("title", "One line")
				.param("category", "other")
				.param("body", "First\tcolumn\r\nSecond line"))
			.andExpect(status().is3xxRedirection());
		assertThat(concernsFiled()).isOne();
	}

	@Test
	void controlCharactersInAFilterAreABadRequest() throws Exception {
		this.mvc.perform(get("/follow-ups").param("owner", "a\u0000b"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Remove the control characters")));
	}

	@Test
	void enumsBindByNameInAnyCaseAndUnknownOnesSayWhatWasSent() throws Exception {
		for (String status : new String[] { "in-progress", "IN_PROGRESS", "In-Progress" }) {
			this.mvc.perform(get("/follow-ups").param("status", status)).andExpect(status().isOk());
		}
		this.mvc.perform(get("/follow-ups").param("status", "finished"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\u201cfinished\u201d is not a status")));
	}

	@Test
	void aMalformedDateIsSaidNextToItsField() throws Exception {
		String url = this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.maintainer)
				.with(csrf())
				.param("title", "Dated")
				.param("category", "other"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc
			.perform(post(url + "/status").session(this.maintainer)
				.with(csrf())
				.param("status", "DEFERRED")
				.param("revisitOn", "2030-02-30"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("as YYYY-MM-DD, such as 2026-03-31")));
		assertThat(this.jdbc.queryForObject("select status from concern where key = 'dated' and session_id ="
				+ " (select id from summit_session where slug = ?)", String.class, this.session.slug()))
			.isEqualTo("OPEN");
	}

	private long concernsFiled() {
		return this.jdbc.queryForObject(
				"select count(*) from concern c join summit_session s on s.id = c.session_id where s.slug = ?",
				Long.class, this.session.slug());
	}

}
