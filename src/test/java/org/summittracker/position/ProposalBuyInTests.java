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
import org.summittracker.support.CountersKept;
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

	/**
	 * A position's number of changes ({@code position.changes}, which the database keeps:
	 * V112) is its changes counted after each kind of write through the pages (stated,
	 * changed, confirmed, withdrawn, on the main proposal and on the sub-proposal) and in
	 * SQL: changes edited, moved to another position, several in one statement, deleted,
	 * all of a position's deleted.
	 */
	@Test
	void aPositionsNumberOfChangesIsItsChangesCountedAfterEachKindOfWrite() throws Exception {
		this.mvc.perform(position().param("stance", "SUPPORTS")).andExpect(status().is3xxRedirection());
		assertThat(changesOn(this.main)).isEqualTo(1);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
		this.mvc
			.perform(position().param("stance", "NO_OBJECTION")
				.param("version", versionOn(this.main))
				.param("versionOf", this.maintainer))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(position().param("stance", "UNDECIDED").param("proposal", this.sub))
			.andExpect(status().is3xxRedirection());
		assertThat(changesOn(this.main)).isEqualTo(2);
		assertThat(changesOn(this.sub)).isEqualTo(1);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
		this.mvc
			.perform(post(this.url + "/positions/" + this.maintainer + "/confirmation")
				.param("version", versionOn(this.main))
				.session(this.maintainerSession)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(this.url + "/positions/" + this.maintainer + "/withdrawal").param("proposal", this.sub)
				.param("version", versionOn(this.sub))
				.session(this.maintainerSession)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(changesOn(this.main)).isEqualTo(3);
		assertThat(changesOn(this.sub)).isEqualTo(2);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);

		Long main = positionOn(this.main);
		Long sub = positionOn(this.sub);
		this.jdbc.update("update position_change set rationale = 'Edited' where position_id = ?", main);
		assertThat(changesOn(this.main)).isEqualTo(3);
		this.jdbc.update("update position_change set position_id = ? where id = (select min(id) from position_change "
				+ "where position_id = ?)", sub, main);
		assertThat(changesOn(this.main)).isEqualTo(2);
		assertThat(changesOn(this.sub)).isEqualTo(3);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
		this.jdbc.update(
				"""
						insert into position_change (position_id, session_id, kind, old_stance, new_stance, conditions, rationale,
						                             cited_concerns, speaks_for_id, entry_method, entered_by_id, changed_at)
						select c.position_id, c.session_id, c.kind, c.old_stance, c.new_stance, c.conditions, 'Again',
						       c.cited_concerns, c.speaks_for_id, c.entry_method, c.entered_by_id, c.changed_at
						from position_change c, generate_series(1, 3) where c.position_id in (?, ?)""",
				main, sub);
		assertThat(changesOn(this.main)).isEqualTo(8);
		assertThat(changesOn(this.sub)).isEqualTo(12);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
		this.jdbc.update("delete from position_change where position_id in (?, ?) and rationale = 'Again'", main, sub);
		assertThat(changesOn(this.main)).isEqualTo(2);
		assertThat(changesOn(this.sub)).isEqualTo(3);
		this.jdbc.update("delete from position_change where position_id = ?", sub);
		assertThat(changesOn(this.sub)).isZero();
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
	}

	private long changesOn(String key) {
		return this.jdbc.queryForObject("""
				select p.changes from position p join person pe on pe.id = p.person_id
				join proposal pr on pr.id = p.proposal_id where pe.handle = ? and pr.key = ?""", Long.class,
				this.maintainer, key);
	}

	private String versionOn(String key) {
		return this.jdbc.queryForObject("select version from position where id = ?", String.class, positionOn(key));
	}

	private Long positionOn(String key) {
		return this.jdbc.queryForObject("""
				select p.id from position p join person pe on pe.id = p.person_id
				join proposal pr on pr.id = p.proposal_id where pe.handle = ? and pr.key = ?""", Long.class,
				this.maintainer, key);
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
