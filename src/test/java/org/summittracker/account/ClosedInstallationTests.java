package org.summittracker.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.SummitIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An installation that is not public (summit.public-read=false) whose first
 * administrator's password comes from configuration (SUMMIT_ADMIN_PASSWORD).
 */
@SummitIntegrationTest(properties = { "summit.public-read=false", "summit.admin.password=configured-secret-1" })
class ClosedInstallationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyPageNeedsASignInButTheLoginPageAndHealth() throws Exception {
		for (String page : new String[] { "/", "/events", "/people/anyone" }) {
			this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
			this.mvc.perform(get(page)).andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		this.mvc.perform(get("/css/summit.css")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void theFirstAdministratorSignsInWithTheConfiguredPasswordAndReads() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", "first-admin").param("password", "configured-secret-1").with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/events").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/accounts").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("first-admin")));
	}

}
