package org.summittracker.material;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import org.summittracker.account.Role;
import org.summittracker.session.SessionContributors;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session's material through its page: a speaker adds, edits and withdraws an item; the
 * session page, the minutes and the history follow; bad input and stale forms change
 * nothing.
 */
@SummitIntegrationTest
class MaterialPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	Built session;

	MockHttpSession speaker;

	@BeforeEach
	void aSessionWithASpeaker() throws Exception {
		this.session = this.fixture.newSession("material", 0, 0, 0);
		String handle = this.fixture.personWithAccount("speaker", Role.MAINTAINER);
		this.jdbc.update("""
				insert into session_participant (session_id, person_id, role)
				select s.id, p.id, 'SPEAKER' from summit_session s, person p where s.slug = ? and p.handle = ?
				""", this.session.slug(), handle);
		this.speaker = this.fixture.signIn(this.mvc, handle);
	}

	@Test
	void aSpeakerAddsEditsAndWithdrawsAnItemWhichThePagesAndMinutesFollow() throws Exception {
		this.mvc.perform(add("SLIDES", "Rust for Linux slides", "https://example.org/rust.pdf"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.queryForObject(
				"select id from session_material where title = 'Rust for Linux slides'"
						+ " and session_id = (select id from summit_session where slug = ?)",
				Long.class, this.session.slug());
		this.mvc.perform(get(this.session.url()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<a href=\"https://example.org/rust.pdf\" rel=\"noopener noreferrer\">Rust for Linux slides</a>")))
			.andExpect(content().string(containsString(">slides</span>")));
		this.mvc.perform(get(this.session.url() + "/minutes.json"))
			.andExpect(content().string(containsString(
					"\"material\":[{\"kind\":\"slides\",\"title\":\"Rust for Linux slides\",\"url\":\"https://example.org/rust.pdf\"")));
		this.mvc.perform(get("/events/" + this.session.eventSlug() + "/minutes.md"))
			.andExpect(content().string(containsString("[Rust for Linux slides](<https://example.org/rust.pdf>)")));

		this.mvc
			.perform(post(this.session.url() + "/material/" + id).session(this.speaker)
				.with(csrf())
				.param("kind", "SLIDES")
				.param("title", "Rust for Linux, the slides")
				.param("url", "https://example.org/rust-v2.pdf")
				.param("by", this.session.person(0))
				.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.session.url() + "/minutes.txt"))
			.andExpect(content().string(containsString("[slides] Rust for Linux, the slides")))
			.andExpect(content().string(containsString("<https://example.org/rust-v2.pdf>")));

		// A form opened before that edit: 409, the current state, nothing saved.
		this.mvc
			.perform(post(this.session.url() + "/material/" + id).session(this.speaker)
				.with(csrf())
				.param("kind", "OTHER")
				.param("title", "Stale")
				.param("url", "https://example.org/stale")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this material")))
			.andExpect(content().string(containsString("Rust for Linux, the slides")));

		this.mvc
			.perform(post(this.session.url() + "/material/" + id + "/withdrawal").session(this.speaker)
				.with(csrf())
				.param("reason", "Posted the wrong deck")
				.param("version", "1"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.session.url())).andExpect(content().string(not(containsString("rust-v2.pdf"))));
		this.mvc.perform(get(this.session.url() + "/minutes.md"))
			.andExpect(content().string(not(containsString("rust-v2.pdf"))));
		this.mvc.perform(get(this.session.url() + "/material"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Withdrawn: Posted the wrong deck")))
			.andExpect(content().string(not(containsString("Edit or withdraw"))));
		this.mvc.perform(get(this.session.url() + "/history"))
			.andExpect(content().string(containsString("Material added: slides")))
			.andExpect(content().string(containsString("Material withdrawn")));
		assertThat(this.jdbc.queryForList(
				"select change from session_material_change where material_id = ? order by id", String.class, id))
			.containsExactly("ADDED", "EDITED", "WITHDRAWN");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where entity_type = 'Material'" + " and entity_id = ?", Long.class,
				id))
			.isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/relative/path",
			"example.org/no-scheme", "https://user:secret@example.org/x", "https://user@example.org/x",
			"ftp://example.org/x", "https://", "https://exa mple.org/", "https://example.org/a\u202eb", "http://[bad" })
	void anAddressThatIsNoAbsoluteHttpUrlIsRefusedNextToItsField(String url) throws Exception {
		this.mvc.perform(add("SLIDES", "Bad address", url))
			.andExpect(status().is4xxClientError())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("new-material-url-error")));
		assertThat(saved("Bad address")).isZero();
	}

	@Test
	void aHugeAddressAnUnknownKindOrPersonAndAMissingTitleAreRefusedTogether() throws Exception {
		this.mvc.perform(add("SLIDES", "", "https://example.org/" + "a".repeat(2_000)).param("by", "nobody-has-this"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the material a title.")))
			.andExpect(content().string(containsString("Nobody has the handle nobody-has-this.")))
			.andExpect(content().string(containsString("new-material-url-error")));
		this.mvc.perform(add("FLYER", "Unknown kind", "https://example.org/flyer"))
			.andExpect(status().isUnprocessableContent());
		assertThat(saved("Unknown kind")).isZero();
	}

	@Test
	void aMaintainerWhoDoesNotSpeakInTheSessionIsRefusedAndAnonymousReadersSeeTheMaterial() throws Exception {
		// The reason is a message of messages.properties, not a sentence in Java.
		String why = this.messages.getMessage(SessionContributors.WHO, null, null, Locale.ENGLISH);
		assertThat(why).as("the message " + SessionContributors.WHO).isNotBlank();
		MockHttpSession other = this.fixture.signedIn(this.mvc, "bystander", Role.MAINTAINER);
		this.mvc
			.perform(post(this.session.url() + "/material").session(other)
				.with(csrf())
				.param("kind", "SLIDES")
				.param("title", "Not mine")
				.param("url", "https://example.org/not-mine"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(why))));
		assertThat(saved("Not mine")).isZero();
		this.mvc.perform(get(this.session.url() + "/material"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Add the material"))));
		this.mvc.perform(get(this.session.url() + "/material").session(this.speaker))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Add the material")));
	}

	private MockHttpServletRequestBuilder add(String kind, String title, String url) {
		return post(this.session.url() + "/material").session(this.speaker)
			.with(csrf())
			.param("kind", kind)
			.param("title", title)
			.param("url", url);
	}

	private long saved(String title) {
		return this.jdbc.queryForObject("select count(*) from session_material where title = ?", Long.class, title);
	}

}
