package org.summittracker.feed;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code summit.public-read=false} the feeds and the search are read only after a
 * sign-in, like every page.
 */
// As ClosedInstallationTests, so the two share one application context.
@SummitIntegrationTest(properties = { "summit.public-read=false", "summit.admin.password=configured-secret-1" })
class ClosedFeedsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Test
	void feedsAndSearchNeedASignIn() throws Exception {
		Fixture.Built built = this.fixture.newSession("closed-feed", 1, 1, 1);
		String[] paths = { "/feed.atom", "/events/" + built.eventSlug() + "/feed.atom", built.url() + "/feed.atom",
				"/people/" + built.person(0) + "/feed.atom", "/subsystems/" + built.slug() + "-s0/feed.atom",
				"/proposals/" + built.slug() + "/feed.atom", "/search?q=session" };
		for (String path : paths) {
			this.mvc.perform(get(path)).andExpect(status().isUnauthorized());
			this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		}
		MockHttpSession reader = this.fixture.signedIn(this.mvc, "closed-reader", Role.MAINTAINER);
		for (String path : paths) {
			this.mvc.perform(get(path).session(reader)).andExpect(status().isOk());
		}
		this.mvc.perform(get("/feed.atom").session(reader))
			.andExpect(content().contentTypeCompatibleWith("application/atom+xml"));
	}

}
