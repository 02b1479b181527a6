package org.summittracker.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in and out with the demo accounts, through the real login form and database.
 */
// The demo summit loaded at start, in a database of its own.
@SummitIntegrationTest(properties = "summit.demo-data.enabled=true")
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Test
	void loginPageRendersInTheLayoutWithAToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Sign in</h1>"), containsString("name=\"_csrf\""),
					containsString("action=\"/login\""), containsString("href=\"/login\">Sign in</a>"))));
	}

	@Test
	void demoMaintainerSignsInAndSeesWhoTheyAre() throws Exception {
		MockHttpSession session = signIn("viro", "demo");
		this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Signed in as <strong>viro</strong>"),
					containsString("action=\"/logout\""), not(containsString("href=\"/admin/accounts\"")))));
	}

	@Test
	void demoAdminSeesTheAdministrationLinks() throws Exception {
		MockHttpSession session = signIn("admin", "demo");
		this.mvc.perform(get("/").session(session))
			.andExpect(content().string(allOf(containsString("Signed in as <strong>admin</strong>"),
					containsString("href=\"/admin/accounts\""), containsString("href=\"/admin/audit\""))));
	}

	@Test
	void wrongPasswordAndUnknownAccountGetTheSameAnswer() throws Exception {
		this.mvc.perform(post("/login").param("username", "viro").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login").param("username", "nobody-here").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(containsString("The username or password is not right.")));
	}

	@Test
	void signOutIsAPostWithAToken() throws Exception {
		MockHttpSession session = signIn("organizer", "demo");
		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedout"));
		this.mvc.perform(get("/").session(session)).andExpect(content().string(not(containsString("Signed in as"))));
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		return SignIn.as(this.mvc, username, password);
	}

}
