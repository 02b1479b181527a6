package org.summittracker.proposal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers say which proposals a session discusses: an existing one found by key or
 * title, or a new one (a sub-proposal when it names its parent); every change audited,
 * bad input refused with the message next to the field, nobody else allowed.
 */
@SummitIntegrationTest
class ProposalAuthoringTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	String first;

	String second;

	MockHttpSession organizer;

	MockHttpSession maintainer;

	@BeforeEach
	void twoSessions() throws Exception {
		String name = "authoring-" + counter.incrementAndGet();
		this.first = this.fixture.session(name + "-a", 0, 0, 0);
		this.second = this.fixture.session(name + "-b", 0, 0, 0);
		this.organizer = SignIn.as(this.mvc, this.fixture.personWithAccount("prop-org", Role.ORGANIZER),
				Fixture.PASSWORD);
		this.maintainer = SignIn.as(this.mvc, this.fixture.personWithAccount("prop-maint", Role.MAINTAINER),
				Fixture.PASSWORD);
	}

	@Test
	void anOrganizerLinksAnExistingProposalFoundByTitleAndMakesASubProposal() throws Exception {
		String key = keyOf(this.first);
		this.mvc.perform(get(this.second + "/proposals").param("q", "Proposal " + key).session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(key)));
		this.mvc.perform(discuss(this.second, this.organizer).param("key", key)).andExpect(status().is3xxRedirection());
		this.mvc
			.perform(discuss(this.second, this.organizer).param("key", key + "-layout")
				.param("title", "Where the code lives")
				.param("statement", "All Rust code lives under rust/.")
				.param("parent", key))
			.andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.queryForList("""
				select p.key from session_proposal sp join proposal p on p.id = sp.proposal_id
				join summit_session s on s.id = sp.session_id where s.slug = ? order by sp.seq""", String.class,
				slugOf(this.second)))
			.containsExactly(keyOf(this.second), key, key + "-layout");
		assertThat(this.jdbc.queryForObject(
				"select pa.key from proposal p join proposal pa on pa.id = p.parent_id where p.key = ?", String.class,
				key + "-layout"))
			.isEqualTo(key);
		assertThat(this.jdbc.queryForList(
				"select action from audit_entry where entity_type = 'Proposal' and summary like ? order by id",
				String.class, "%" + key + "%"))
			.contains("PROPOSAL_LINKED", "PROPOSAL_CREATED");
		// The proposal's page now lists both sessions.
		this.mvc.perform(get("/proposals/" + key))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Session " + slugOf(this.second))));
	}

	@Test
	void theSearchFindsAProposalByTheWordsOfItsTitleAndLinksItWithOneButton() throws Exception {
		String key = keyOf(this.first);
		String unique = "Quokka" + counter.incrementAndGet();
		this.jdbc.update("update proposal set title = ? where key = ?", "Rust " + unique + " for Linux", key);
		// Words of the title, not a piece of it, in another order and case.
		this.mvc
			.perform(get(this.second + "/proposals").param("q", "linux " + unique.toLowerCase() + " rust")
				.session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>" + key + "</code>")))
			.andExpect(content().string(containsString("Discuss " + key + " here")));
		this.mvc.perform(get(this.second + "/proposals").param("q", unique + " nowhere").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<code>" + key + "</code>"))));
		// Once discussed here, the match says so instead of offering it again.
		this.mvc.perform(discuss(this.second, this.organizer).param("key", key)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.second + "/proposals").param("q", unique).session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("discussed here already")))
			.andExpect(content().string(not(containsString("Discuss " + key + " here"))));
	}

	@Test
	void badInputIsRefusedWithTheMessageAndChangesNothing() throws Exception {
		long before = links();
		this.mvc.perform(discuss(this.second, this.organizer).param("key", "Not A Key"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("lower-case letters, digits and hyphens")));
		this.mvc.perform(discuss(this.second, this.organizer).param("key", "brand-new-" + counter.incrementAndGet()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("needs a title")));
		this.mvc.perform(discuss(this.second, this.organizer).param("key", keyOf(this.second)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("discusses " + keyOf(this.second) + " already")));
		this.mvc
			.perform(discuss(this.second, this.organizer).param("key", "orphan-" + counter.incrementAndGet())
				.param("title", "Orphan")
				.param("parent", "no-such-parent"))
			.andExpect(status().isUnprocessableContent());
		// Every mistake at once: a malformed key does not hide the missing title and the
		// unknown parent, nor does a statement too long to bind.
		this.mvc
			.perform(discuss(this.second, this.organizer).param("key", "Not A Key")
				.param("parent", "no-such-parent")
				.param("statement", "x".repeat(Proposal.STATEMENT_MAX + 1)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("lower-case letters, digits and hyphens")))
			.andExpect(content().string(containsString("needs a title")))
			.andExpect(content().string(containsString("There is no proposal no-such-parent")));
		assertThat(links()).isEqualTo(before);
	}

	/**
	 * A session that discusses no proposal yet offers the one it would be made into, its
	 * key, title and statement prefilled for the organizer to change; a taken key or an
	 * empty statement is refused with a 422 next to the field, nothing linked.
	 */
	@Test
	void aProposalMadeFromASessionIsPrefilledAndEditable() throws Exception {
		String slug = slugOf(this.second);
		this.jdbc.update(
				"delete from session_proposal where session_id = (select id from summit_session where slug = ?)", slug);
		Map<String, Object> session = this.jdbc.queryForMap("select title, proposal from summit_session where slug = ?",
				slug);
		String page = this.mvc.perform(get(this.second + "/proposals").session(this.organizer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The session's slug is its old proposal's key: the key offered is the next free
		// one.
		assertThat(page).contains("the form holds the one it would otherwise be made into")
			.containsPattern("name=\"key\" value=\"" + slug + "-[a-z0-9-]+\"")
			.contains("value=\"" + session.get("title") + "\"")
			.contains(">" + session.get("proposal") + "</textarea>");
		long before = links();
		this.mvc
			.perform(discuss(this.second, this.organizer).param("key", keyOf(this.first))
				.param("title", "Mine")
				.param("statement", "What I propose."))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("There is a proposal " + keyOf(this.first) + " already.")));
		// The key of an existing proposal typed over the one offered, the title and
		// statement left as the form offered them: the key alone links it.
		this.mvc
			.perform(discuss(this.second, this.organizer).param("key", keyOf(this.first))
				.param("title", (String) session.get("title"))
				.param("statement", ((String) session.get("proposal")).replace("\n", "\r\n")))
			.andExpect(status().is3xxRedirection());
		assertThat(links()).isEqualTo(before + 1);
		this.jdbc.update(
				"delete from session_proposal where session_id = (select id from summit_session" + " where slug = ?)",
				slug);
		String key = "made-here-" + counter.incrementAndGet();
		this.mvc.perform(
				discuss(this.second, this.organizer).param("key", key).param("title", "Mine").param("statement", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A new proposal needs a statement")))
			.andExpect(content().string(containsString("value=\"" + key + "\"")));
		assertThat(links()).isEqualTo(before);
		this.mvc
			.perform(discuss(this.second, this.organizer).param("key", key)
				.param("title", "Chosen title")
				.param("statement", "Chosen statement."))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForMap("""
				select p.title, p.statement from session_proposal sp join proposal p on p.id = sp.proposal_id
				where p.key = ? and sp.session_id = (select id from summit_session where slug = ?)""", key, slug))
			.containsEntry("title", "Chosen title")
			.containsEntry("statement", "Chosen statement.");
	}

	@Test
	void onlyOrganizersSayWhatASessionDiscusses() throws Exception {
		long before = links();
		this.mvc.perform(discuss(this.second, this.maintainer).param("key", keyOf(this.first)))
			.andExpect(status().isForbidden());
		assertThat(links()).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder discuss(String sessionUrl, MockHttpSession as) {
		return post(sessionUrl + "/proposals").session(as).with(csrf()).accept(MediaType.TEXT_HTML);
	}

	private long links() {
		return this.jdbc.queryForObject("select count(*) from session_proposal", Long.class);
	}

	/** A fixture session's proposal has the session's slug for its key. */
	private static String keyOf(String sessionUrl) {
		return slugOf(sessionUrl);
	}

	private static String slugOf(String sessionUrl) {
		return sessionUrl.substring(sessionUrl.lastIndexOf('/') + 1);
	}

}
