package org.summittracker.freshness;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The session page put together from parts kept by what they show: after a write to one
 * section's data only that section is rendered again, and the page is the same, byte for
 * byte, as one rendered whole.
 */
@SummitIntegrationTest
class KeptPartsTests {

	/** The parts of the layout every page is in (fragments/layout.html). */
	static final int LAYOUT_PARTS = 3;

	/**
	 * The parts of the session page (sessions/show.html, its material among them, and its
	 * layout).
	 */
	static final int SESSION_PARTS = 15 + LAYOUT_PARTS;

	/** The parts of the proposal page (proposals/show.html and its layout). */
	static final int PROPOSAL_PARTS = 9 + LAYOUT_PARTS;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RenderingsByModel renderings;

	@Autowired
	CacheManager caches;

	String session;

	String slug;

	@BeforeEach
	void session() {
		this.session = this.fixtures.session("parts-" + System.nanoTime(), 3, 3, 3);
		this.slug = this.session.substring(this.session.lastIndexOf('/') + 1);
	}

	@Test
	void afterAWriteToItsNotesOnlyTheDiscussionIsRenderedAgain() throws Exception {
		page(this.session);
		long found = this.renderings.partsFound();
		noteBody("A note written after the page was read");
		String again = page(this.session + "?after=note");
		assertThat(again).contains("A note written after the page was read");
		assertThat(this.renderings.partsFound() - found).as("parts written as kept").isEqualTo(SESSION_PARTS - 1);
		assertThat(again).isEqualTo(renderedWhole(this.session + "?after=note"));
	}

	@Test
	void aPageOfKeptPartsIsTheSameAsOneRenderedWhole() throws Exception {
		page(this.session);
		long found = this.renderings.partsFound();
		String fromParts = page(this.session + "?from=parts");
		assertThat(this.renderings.partsFound() - found).as("parts written as kept").isEqualTo(SESSION_PARTS);
		assertThat(fromParts).isEqualTo(renderedWhole(this.session + "?from=parts"))
			.as("written in the page's encoding")
			.contains("<span>Summit Tracker</span> \u00b7 <span>");
	}

	@Test
	void theProposalPageIsPutTogetherFromItsPartsToo() throws Exception {
		Matcher link = Pattern.compile("href=\"(/proposals/[a-z0-9-]+)\"").matcher(page(this.session));
		assertThat(link.find()).as("the session page links its proposal").isTrue();
		String proposal = link.group(1);
		page(proposal);
		long found = this.renderings.partsFound();
		String fromParts = page(proposal + "?from=parts");
		assertThat(this.renderings.partsFound() - found).as("parts written as kept").isEqualTo(PROPOSAL_PARTS);
		assertThat(fromParts).isEqualTo(renderedWhole(proposal + "?from=parts"));
	}

	@Test
	void theSessionsEventConcernPersonAndSubsystemPagesAreTheSameFromPartsAsRenderedWhole() throws Exception {
		String session = page(this.session);
		for (String kind : List.of("/events/", this.session + "/concerns/", "/people/", "/subsystems/")) {
			Matcher link = Pattern.compile("href=\"(" + Pattern.quote(kind) + "[A-Za-z0-9._-]+)\"").matcher(session);
			assertThat(link.find()).as("the session page links a page under " + kind).isTrue();
			String path = link.group(1);
			page(path);
			long found = this.renderings.partsFound();
			String fromParts = page(path + "?from=parts");
			assertThat(this.renderings.partsFound() - found).as("parts of " + path + " written as kept").isPositive();
			assertThat(fromParts).as(path).isEqualTo(renderedWhole(path + "?from=parts"));
		}
	}

	@Test
	void textThatLooksLikeAnExpressionIsWrittenAsText() throws Exception {
		noteBody("[[${7 * 6}]] and [(${6 * 7})]");
		page(this.session);
		String again = page(this.session + "?again=1");
		assertThat(again).contains("[[${7 * 6}]] and [(${6 * 7})]").doesNotContain("42 and 42");
	}

	@Test
	void aSignedInReaderGetsEveryPartRenderedForThem() throws Exception {
		page(this.session);
		MockHttpSession signedIn = SignIn.as(this.mvc, this.fixtures.personWithAccount("parts", Role.MAINTAINER),
				Fixture.PASSWORD);
		long found = this.renderings.partsFound();
		this.mvc.perform(get(this.session).session(signedIn)).andReturn();
		assertThat(this.renderings.partsFound() - found).as("parts written as kept").isZero();
	}

	private void noteBody(String body) {
		this.jdbc.update("""
				update discussion_note set body = ? where id = (select min(n.id) from discussion_note n
				join summit_session s on s.id = n.session_id where s.slug = ?)""", body, this.slug);
	}

	/** The page rendered with nothing kept. */
	private String renderedWhole(String path) throws Exception {
		this.caches.getCacheNames().forEach((name) -> this.caches.getCache(name).clear());
		long found = this.renderings.partsFound();
		String whole = page(path);
		assertThat(this.renderings.partsFound()).isEqualTo(found);
		return whole;
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

}
