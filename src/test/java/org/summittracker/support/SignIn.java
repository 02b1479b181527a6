package org.summittracker.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Signs in through the real login form, as a person would; answers the signed-in HTTP
 * session.
 */
public final class SignIn {

	private SignIn() {
	}

	public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
		return as(mvc, username, "demo");
	}

	public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
	}

}
