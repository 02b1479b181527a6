package org.summittracker.position;

import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session that discusses a proposal and a sub-proposal: a position is a stance on one
 * of them, so one person supports the main proposal and opposes the sub-proposal, and
 * each has its own buy-in table and readiness.
 */
@SummitIntegrationTest
class ProposalBuyInTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	String url;

	String main;

	String sub;

	String maintainer;

	MockHttpSession maintainerSession;

	@BeforeEach
	void sessionWithASubProposal() throws Exception {
		String name = "subprop-" + counter.incrementAndGet();
		this.url = this.fixture.session(name, 0, 0, 0);
		this.main = name + "-session";
		this.sub = name + "-layout";
		this.fixture.subProposal(name, name + "-session", this.sub);
		this.maintainer = this.fixture.personWithAccount("subprop", Role.MAINTAINER);
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) "
						+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
				this.fixture.personId(this.maintainer), name + "-session-s0");
		this.maintainerSession = SignIn.as(this.mvc, this.maintainer, Fixture.PASSWORD);
	}

	@Test
	void aPersonSupportsTheMainProposalAndOpposesTheSubProposal() throws Exception {
		this.mvc.perform(position().param("stance", "SUPPORTS")).andExpect(status().is3xxRedirection());
		this.mvc
			.perform(position().param("stance", "OPPOSES")
				.param("rationale", "Drivers belong next to their C peers")
				.param("proposal", this.sub))
			.andExpect(status().is3xxRedirection());

		assertThat(stanceOn(this.main)).isEqualTo("SUPPORTS");
		assertThat(stanceOn(this.sub)).isEqualTo("OPPOSES");

		String handle = this.maintainer;
		Document page = page(get(this.url));
		assertThat(page.select("#proposal-" + this.sub + " a code").text()).isEqualTo(this.sub);
		assertThat(page.select("tr#position-" + handle + " .stance-supports")).hasSize(1);
		assertThat(page.select("tr#position-" + this.sub + "-" + handle + " .stance-opposes")).hasSize(1);
		assertThat(page.select("section[aria-labelledby=buy-in-" + this.sub + "] ul.missing li").text())
			.contains("Nacked-by");
		assertThat(page.select("section.readiness ul.missing li").text()).doesNotContain("Nacked-by");
		// The position page of the sub-proposal's position, and its form keeps to it.
		Document positionPage = page(
				get(this.url + "/positions/" + handle).param("proposal", this.sub).session(this.maintainerSession));
		assertThat(positionPage.select("input[name=proposal]").attr("value")).isEqualTo(this.sub);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void aProposalTheSessionDoesNotDiscussIsRefused() throws Exception {
		this.mvc.perform(position().param("stance", "SUPPORTS").param("proposal", "not-discussed-here"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("does not discuss that proposal")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from position p join person pe on pe.id = p.person_id where pe.handle = ?", Long.class,
				this.maintainer))
			.isZero();
	}

	private MockHttpServletRequestBuilder position() {
		return post(this.url + "/positions").session(this.maintainerSession).with(csrf()).accept(MediaType.TEXT_HTML);
	}

	private String stanceOn(String key) {
		return this.jdbc.queryForObject("""
				select p.stance from position p join person pe on pe.id = p.person_id
				join proposal pr on pr.id = p.proposal_id where pe.handle = ? and pr.key = ?""", String.class,
				this.maintainer, key);
	}

}
