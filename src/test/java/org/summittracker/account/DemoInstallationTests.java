package org.summittracker.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

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
 * The application as it starts with demo data on, on a real server: demo accounts, the
 * banner, the session cookie.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "summit.demo-data.enabled=true")
class DemoInstallationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void everyPageSaysDemoAccountsExist() throws Exception {
		for (String page : new String[] { "/", "/login", "/events/maintainers-summit-2021" }) {
			this.mvc.perform(get(page))
				.andExpect(content().string(allOf(containsString("Demo accounts"),
						containsString("all with the password <code>demo</code>"))));
		}
		// Error pages are rendered by the servlet container's error dispatch, which only
		// a real server does.
		HttpResponse<String> notFound = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/no-such-page"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.body()).contains("Demo accounts", "all with the password <code>demo</code>");
	}

	@Test
	void demoAccountsExistWithTheirRolesAndNoOtherAdministratorWasMade() throws Exception {
		assertThat(this.jdbc.queryForList("select a.username || ':' || r.role from account a "
				+ "join account_role r on r.account_id = a.id where a.username in ('admin', 'organizer', 'viro')",
				String.class))
			.containsExactlyInAnyOrder("admin:ADMIN", "admin:ORGANIZER", "organizer:ORGANIZER", "viro:MAINTAINER");
		assertThat(this.jdbc.queryForObject("select count(*) from account", Long.class)).isEqualTo(19);
		for (String user : new String[] { "admin", "organizer", "kvalo" }) {
			MockHttpSession session = (MockHttpSession) this.mvc
				.perform(post("/login").param("username", user).param("password", "demo").with(csrf()))
				.andExpect(redirectedUrl("/"))
				.andReturn()
				.getRequest()
				.getSession();
			this.mvc.perform(get("/").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Signed in as <strong>" + user + "</strong>")));
		}
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'"));
	}

}
