package org.summittracker.freshness;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages kept by the model they were rendered from: after a write that changed another
 * page's data, a page is sent as rendered before (its controller read the same values);
 * after a write to its own data it is rendered again; a signed-in reader, and a page that
 * reads more than its model, always get a page rendered for them.
 */
@SummitIntegrationTest
class RenderingsByModelTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RenderingsByModel renderings;

	String session;

	String other;

	@BeforeEach
	void sessions() {
		long n = System.nanoTime();
		this.session = this.fixtures.session("kept-" + n, 3, 3, 3);
		this.other = this.fixtures.session("elsewhere-" + n, 1, 1, 1);
	}

	@Test
	void aPageWhoseDataDidNotChangeIsSentAsRenderedBeforeAfterAWriteElsewhere() throws Exception {
		String first = seen(this.session);
		long found = this.renderings.found();
		retitle(this.other, "Retitled elsewhere");
		String again = page(this.session);
		assertThat(this.renderings.found() - found).as("pages sent as kept").isEqualTo(1);
		assertThat(again).isEqualTo(first);
	}

	@Test
	void aPageWhoseDataChangedIsRenderedAgain() throws Exception {
		String first = seen(this.session);
		long found = this.renderings.found();
		retitle(this.session, "Retitled here");
		String again = page(this.session);
		assertThat(this.renderings.found() - found).as("pages sent as kept").isZero();
		assertThat(again).contains("Retitled here").isNotEqualTo(first);
	}

	@Test
	void theAddressIsPartOfWhatAPageIsKeptBy() throws Exception {
		seen(this.session);
		long found = this.renderings.found();
		seen(this.session + "?unused=1");
		assertThat(this.renderings.found() - found).as("pages sent as kept").isZero();
	}

	@Test
	void anAddressAskedForOnceIsNotKept() throws Exception {
		String once = this.session + "?once=" + System.nanoTime();
		page(once);
		long found = this.renderings.found();
		retitle(this.other, "Retitled after one reading");
		page(once);
		assertThat(this.renderings.found() - found).as("pages sent as kept").isZero();
	}

	@Test
	void theBenchmarksReferencePageIsRenderedEveryTime() throws Exception {
		seen("/benchmark/reference");
		long found = this.renderings.found();
		retitle(this.other, "Retitled for the reference page");
		page("/benchmark/reference");
		assertThat(this.renderings.found() - found).as("pages sent as kept").isZero();
	}

	@Test
	void aSignedInReaderGetsAPageRenderedForThem() throws Exception {
		seen(this.session);
		String handle = this.fixtures.personWithAccount("kept", Role.MAINTAINER);
		MockHttpSession signedIn = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		long found = this.renderings.found();
		retitle(this.other, "Retitled elsewhere again");
		String mine = send(get(this.session).session(signedIn)).getContentAsString();
		assertThat(mine).contains(handle);
		assertThat(this.renderings.found() - found).as("pages sent as kept").isZero();
	}

	@Test
	void aPageThatReadsMoreThanItsModelIsNotKept() throws Exception {
		// The sign-in form carries a CSRF token of its reader's own.
		send(get("/login"));
		send(get("/login"));
		long found = this.renderings.found();
		retitle(this.other, "Retitled for the sign-in page");
		send(get("/login"));
		assertThat(this.renderings.found() - found).as("pages sent as kept").isZero();
	}

	private void retitle(String path, String title) {
		this.jdbc.update("update summit_session set title = ? where slug = ?", title,
				path.substring(path.lastIndexOf('/') + 1));
	}

	/**
	 * The page as read by a second reader (an address is kept once it has been asked for
	 * before).
	 */
	private String seen(String path) throws Exception {
		page(path);
		return page(path);
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = send(get(path));
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
