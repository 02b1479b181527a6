package org.summittracker.account;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.MockMvcSessions;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Headers on every answer, the login redirect versus 401, and the 403 page that says why.
 */
@SummitIntegrationTest
class WebSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		for (String page : new String[] { "/", "/login", "/events", "/no-such-page" }) {
			this.mvc.perform(get(page).accept(MediaType.TEXT_HTML))
				.andExpect(header().string("Content-Security-Policy",
						allOf(containsString("default-src 'self'"), containsString("script-src 'self'"),
								containsString("style-src 'self'"), containsString("frame-ancestors 'none'"))))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
		}
	}

	@Test
	void adminPagesSendBrowsersToLoginAndOtherClientsGet401() throws Exception {
		this.mvc.perform(get("/admin/accounts").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/admin/accounts").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/accounts")).andExpect(status().isUnauthorized());
	}

	@Test
	void aForbiddenPageSaysWhy() throws Exception {
		MockHttpSession maintainer = signIn(this.fixture.personWithAccount("curious", Role.MAINTAINER));
		this.mvc.perform(get("/admin/audit").session(maintainer).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("Not allowed"),
					containsString("Only administrators may read the whole audit trail."))));
	}

	@Test
	void eachAdministrationPageSaysWhatOnlyAdministratorsMayDoThere() throws Exception {
		MockHttpSession organizer = signIn(this.fixture.personWithAccount("eager-organizer", Role.ORGANIZER));
		String[][] pages = { { "/admin/imports/maintainers", "Only administrators may import a MAINTAINERS file." },
				{ "/admin/backup", "Only administrators may download a backup." },
				{ "/admin/people/merge", "Only administrators may merge two records of one person." },
				{ "/admin/accounts/new", "Only administrators may manage accounts." } };
		for (String[] page : pages) {
			this.mvc.perform(get(page[0]).session(organizer).accept(MediaType.TEXT_HTML))
				.andExpect(status().isForbidden())
				.andExpect(content()
					.string(allOf(containsString(page[1]), not(containsString("read the whole audit trail")))));
		}
	}

	@Test
	void aFormWithoutItsTokenIsRefusedWithAReason() throws Exception {
		this.mvc.perform(post("/login").param("username", "x").param("password", "y").accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("security token was missing or out of date")));
		this.mvc.perform(post("/login").param("username", "x").param("password", "y").with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aDisabledAccountGetsTheSameAnswerAsAWrongPassword() throws Exception {
		String handle = this.fixture.personWithAccount("leaver", Role.MAINTAINER);
		this.fixture.disable(handle);
		this.mvc.perform(post("/login").param("username", handle).param("password", Fixture.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aSignedInAccountThatIsDisabledIsSignedOutAtItsNextRequest() throws Exception {
		String handle = this.fixture.personWithAccount("removed", Role.MAINTAINER);
		MockHttpSession session = signIn(handle);
		this.mvc.perform(get("/").session(session)).andExpect(content().string(containsString("Signed in as")));
		this.fixture.disable(handle);
		this.mvc.perform(get("/").session(session)).andExpect(content().string(containsString(">Sign in</a>")));
	}

	/**
	 * No security context, authentication or principal in the session. (The form token is
	 * not checked here: MockMvc's csrf() swaps in a test token store of its own.)
	 */
	@Test
	void theSessionHoldsNoSerializedSecurityContext() throws Exception {
		String handle = this.fixture.personWithAccount("stored", Role.MAINTAINER);
		MockHttpSession session = signIn(handle);
		this.mvc.perform(get("/").session(session)).andExpect(content().string(containsString("Signed in as")));
		List<byte[]> values = this.jdbc.queryForList(
				"select attribute_bytes from spring_session_attributes where session_primary_id = "
						+ "(select primary_id from spring_session where session_id = ?)",
				byte[].class, sessionId(session));
		assertThat(this.jdbc.queryForObject("select principal_name from spring_session where session_id = ?",
				String.class, sessionId(session)))
			.isEqualTo(handle);
		assertThat(values).isNotEmpty()
			.allSatisfy((bytes) -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
				.doesNotContain("org.springframework.security.core", "org.summittracker"));
	}

	/**
	 * A session signed in before the upgrade holds the whole security context as Java
	 * serialized it then (the resource is one, taken from such a session); it no longer
	 * deserializes, and is never read: the session counts as signed out.
	 */
	@Test
	void aSessionStoredBeforeTheUpgradeCountsAsSignedOut() throws Exception {
		MockHttpSession session = signIn(this.fixture.personWithAccount("upgraded", Role.MAINTAINER));
		byte[] before;
		try (InputStream in = getClass().getResourceAsStream("/sessions/security-context-before-2026-12-04.hex")) {
			before = HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
		}
		String primaryId = this.jdbc.queryForObject("select primary_id from spring_session where session_id = ?",
				String.class, sessionId(session));
		this.jdbc.update("delete from spring_session_attributes where session_primary_id = ?", primaryId);
		this.jdbc.update("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) "
				+ "values (?, 'SPRING_SECURITY_CONTEXT', ?)", primaryId, before);
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(">Sign in</a>")));
		}
		this.mvc.perform(get("/admin/audit").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
	}

	private static String sessionId(MockHttpSession session) {
		return MockMvcSessions.storedId(session);
	}

	private MockHttpSession signIn(String username) throws Exception {
		return SignIn.as(this.mvc, username, Fixture.PASSWORD);
	}

}
