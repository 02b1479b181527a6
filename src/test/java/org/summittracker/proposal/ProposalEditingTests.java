package org.summittracker.proposal;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers edit a proposal against the version they saw (a stale form saves nothing and
 * answers 409), mark it superseded by another (linked both ways), and split parts off it;
 * every change is kept in its history, shown on its page, and audited.
 */
@SummitIntegrationTest
class ProposalEditingTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	String key;

	String other;

	MockHttpSession organizer;

	MockHttpSession maintainer;

	@BeforeEach
	void twoProposals() throws Exception {
		String name = "editing-" + counter.incrementAndGet();
		this.key = slugOf(this.fixture.session(name + "-a", 0, 0, 0));
		this.other = slugOf(this.fixture.session(name + "-b", 0, 0, 0));
		this.organizer = SignIn.as(this.mvc, this.fixture.personWithAccount("edit-org", Role.ORGANIZER),
				Fixture.PASSWORD);
		this.maintainer = SignIn.as(this.mvc, this.fixture.personWithAccount("edit-maint", Role.MAINTAINER),
				Fixture.PASSWORD);
	}

	@Test
	void anOrganizerEditsItAndTheChangeIsKept() throws Exception {
		this.mvc.perform(get("/proposals/" + this.key + "/edit").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Split a part off")));
		this.mvc
			.perform(edit(this.key, version(this.key)).param("title", "Rust, a trial")
				.param("statement", "Try it for a while")
				.param("status", "OPEN")
				.param("subsystems", this.key + "-s0, " + this.key + "-s1"))
			.andExpect(redirectedUrl("/proposals/" + this.key));
		assertThat(this.jdbc.queryForObject("select title from proposal where key = ?", String.class, this.key))
			.isEqualTo("Rust, a trial");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from proposal_subsystem ps join proposal p on p.id = ps.proposal_id where p.key = ?""",
				Long.class, this.key))
			.isEqualTo(2);
		this.mvc.perform(get("/proposals/" + this.key))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Changes to the proposal")))
			.andExpect(content().string(containsString("title: Proposal " + this.key + " → Rust, a trial")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'PROPOSAL_EDITED' and summary like ?", Long.class,
				this.key + ":%"))
			.isEqualTo(1);
	}

	@Test
	void itsStatusIsDecidedInASessionThatDiscussedIt() throws Exception {
		String session = this.jdbc.queryForObject("""
				select e.slug || '/' || s.slug from session_proposal sp join summit_session s on s.id = sp.session_id
				join event e on e.id = s.event_id join proposal p on p.id = sp.proposal_id where p.key = ?""",
				String.class, this.key);
		this.mvc.perform(get("/proposals/" + this.key + "/edit").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + session + "\"")));
		// A session that did not discuss it: refused, nothing kept.
		String elsewhere = this.jdbc.queryForObject("""
				select e.slug || '/' || s.slug from session_proposal sp join summit_session s on s.id = sp.session_id
				join event e on e.id = s.event_id join proposal p on p.id = sp.proposal_id where p.key = ?""",
				String.class, this.other);
		this.mvc
			.perform(edit(this.key, version(this.key)).param("title", "Proposal " + this.key)
				.param("status", "ACCEPTED")
				.param("decidedIn", elsewhere))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the sessions that discussed this proposal.")));
		assertThat(changes(this.key)).isZero();
		this.mvc
			.perform(edit(this.key, version(this.key)).param("title", "Proposal " + this.key)
				.param("status", "ACCEPTED")
				.param("decidedIn", session))
			.andExpect(redirectedUrl("/proposals/" + this.key));
		assertThat(this.jdbc.queryForObject("""
				select e.slug || '/' || s.slug from proposal_change c join proposal p on p.id = c.proposal_id
				join summit_session s on s.id = c.session_id join event e on e.id = s.event_id where p.key = ?""",
				String.class, this.key))
			.isEqualTo(session);
		String shown = this.mvc.perform(get("/proposals/" + this.key))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("status: OPEN → ACCEPTED", "(decided in Event ");
		assertThat(
				this.mvc.perform(get("/proposals/" + this.key + ".md")).andReturn().getResponse().getContentAsString())
			.contains("## Decisions", "status: OPEN → ACCEPTED", "(recorded by edit-org");
	}

	@Test
	void aStaleFormSavesNothingAndSaysSo() throws Exception {
		long seen = version(this.key);
		this.mvc.perform(edit(this.key, seen).param("title", "First").param("status", "OPEN"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(edit(this.key, seen).param("title", "Second").param("status", "OPEN"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this proposal")))
			.andExpect(content().string(containsString("Second")));
		assertThat(this.jdbc.queryForObject("select title from proposal where key = ?", String.class, this.key))
			.isEqualTo("First");
		assertThat(changes(this.key)).isEqualTo(1);
	}

	@Test
	void supersededByAnotherItLinksBothWays() throws Exception {
		this.mvc
			.perform(edit(this.key, version(this.key)).param("title", "Old")
				.param("status", "SUPERSEDED")
				.param("supersededBy", this.other))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/proposals/" + this.key))
			.andExpect(content().string(containsString("href=\"/proposals/" + this.other + "\"")));
		this.mvc.perform(get("/proposals/" + this.other))
			.andExpect(content().string(containsString("Supersedes")))
			.andExpect(content().string(containsString("href=\"/proposals/" + this.key + "\"")));
	}

	@Test
	void badInputIsRefusedNextToTheFieldAndChangesNothing() throws Exception {
		long before = version(this.key);
		this.mvc.perform(edit(this.key, before).param("title", "X").param("status", "SUPERSEDED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("names the proposal that took its place")));
		this.mvc
			.perform(edit(this.key, before).param("title", "X")
				.param("status", "SUPERSEDED")
				.param("supersededBy", this.key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot supersede itself")));
		this.mvc.perform(edit(this.key, before).param("title", "").param("status", "OPEN"))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(edit(this.key, before).param("title", "X").param("status", "OPEN").param("subsystems", "nope"))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(edit(this.key, before).param("title", "X").param("status", "NOT-A-STATUS"))
			.andExpect(status().isUnprocessableContent());
		// Every mistake at once, even with a title that did not pass.
		this.mvc
			.perform(edit(this.key, before).param("title", "")
				.param("status", "SUPERSEDED")
				.param("subsystems", "nope")
				.param("decidedIn", "no/such-session"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("names the proposal that took its place")))
			.andExpect(content().string(containsString("One of these subsystems does not exist")))
			.andExpect(content().string(containsString("Choose one of the sessions that discussed this proposal")));
		assertThat(version(this.key)).isEqualTo(before);
		assertThat(changes(this.key)).isZero();
		// Maintainers do not edit proposals.
		this.mvc
			.perform(post("/proposals/" + this.key).param("title", "Mine")
				.param("status", "OPEN")
				.param("version", Long.toString(before))
				.session(this.maintainer)
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(version(this.key)).isEqualTo(before);
	}

	@Test
	void aPartIsSplitOffWithItsOwnPage() throws Exception {
		String part = this.key + "-layout";
		this.mvc
			.perform(post("/proposals/" + this.key + "/parts").param("key", part)
				.param("title", "Where the code lives")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(redirectedUrl("/proposals/" + part));
		assertThat(this.jdbc.queryForObject(
				"select pa.key from proposal p join proposal pa on pa.id = p.parent_id where p.key = ?", String.class,
				part))
			.isEqualTo(this.key);
		this.mvc.perform(get("/proposals/" + this.key))
			.andExpect(content().string(containsString("Sub-proposals")))
			.andExpect(content().string(containsString("part " + part)));
		// The same key again: refused.
		this.mvc
			.perform(post("/proposals/" + this.key + "/parts").param("key", part)
				.param("title", "Again")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(changes(this.key)).isEqualTo(1);
	}

	@Test
	void aStatementTooLongDoesNotHideAPartsKeyTakenOrItsTitleMissing() throws Exception {
		this.mvc
			.perform(post("/proposals/" + this.key + "/parts").param("key", this.other)
				.param("title", " ")
				.param("statement", "s".repeat(Proposal.STATEMENT_MAX + 1))
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most 5000 characters.")))
			.andExpect(content().string(containsString("There is a proposal " + this.other + " already.")))
			.andExpect(content().string(containsString("A new proposal needs a title.")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from proposal p join proposal pa on pa.id = p.parent_id where pa.key = ?", Long.class,
				this.key))
			.isZero();
		assertThat(changes(this.key)).isZero();
	}

	private MockHttpServletRequestBuilder edit(String key, long version) {
		return post("/proposals/" + key).param("version", Long.toString(version)).session(this.organizer).with(csrf());
	}

	private long version(String key) {
		return this.jdbc.queryForObject("select version from proposal where key = ?", Long.class, key);
	}

	private long changes(String key) {
		return this.jdbc.queryForObject(
				"select count(*) from proposal_change c join proposal p on p.id = c.proposal_id where p.key = ?",
				Long.class, key);
	}

	private static String slugOf(String sessionUrl) {
		return sessionUrl.substring(sessionUrl.lastIndexOf('/') + 1);
	}

}
