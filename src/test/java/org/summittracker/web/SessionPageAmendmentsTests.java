package org.summittracker.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.minutes.AmendmentView;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Once a session's minutes are final, its page lists what changed since, as the minutes'
 * amendments do: newest first, each linking to what changed, the newest
 * {@link AmendmentView#SHOWN} with a link to the minutes for the rest; nothing while the
 * minutes are a draft or nothing changed.
 */
@SummitIntegrationTest
class SessionPageAmendmentsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void everyChangeAfterTheFinalMinutesIsListedNewestFirstLinkingToWhatChanged() throws Exception {
		Built built = this.fixture.newSession("amended-page", 1, 1, 1);
		String organizerHandle = this.fixture.personWithAccount("amending-organizer", Role.ORGANIZER);
		String organizer = "Person " + organizerHandle;
		MockHttpSession signedIn = this.fixture.signIn(this.mvc, organizerHandle, Role.ORGANIZER);
		String url = built.url();

		// Before the minutes are final, a change is no amendment.
		changed(signedIn,
				post(url + "/notes").param("speaker", built.person(0))
					.param("kind", "REMARK")
					.param("body", "Said before publication."));
		assertThat(amendments(url)).isNull();
		changed(signedIn, post(url + "/minutes/final"));
		assertThat(amendments(url)).as("final minutes nothing changed since").isNull();

		changed(signedIn,
				post(url + "/notes").param("speaker", built.person(0))
					.param("kind", "REMARK")
					.param("body", "Said in the corridor afterwards."));
		changed(signedIn, post(url + "/resolutions").param("statement", "Decided later.").param("outcome", "AGREED"));
		changed(signedIn, post(url + "/follow-ups").param("title", "Assigned later").param("owner", built.person(0)));
		changed(signedIn,
				post(url + "/material").param("kind", "SLIDES")
					.param("title", "Late slides")
					.param("url", "https://example.org/late.pdf"));
		changed(signedIn,
				post(url + "/concerns").param("title", "Raised later")
					.param("category", "other")
					.param("raiser", built.person(0)));
		changed(signedIn, post(url + "/concerns/concern-0/responses").param("body", "Answered later."));
		changed(signedIn,
				post(url + "/concerns/concern-0/status").param("status", "RESOLVED").param("note", "Fixed later."));
		changed(signedIn,
				post(url + "/positions").param("person", built.person(0))
					.param("stance", "NO_OBJECTION")
					.param("version",
							this.jdbc
								.queryForObject("select p.version from position p join person pe on pe.id ="
										+ " p.person_id where pe.handle = ?", Long.class, built.person(0))
								.toString())
					.param("versionOf", built.person(0)));

		String raised = this.jdbc.queryForObject("select key from concern where title = 'Raised later'", String.class);
		Element section = amendments(url);
		assertThat(section).isNotNull();
		assertThat(section.selectFirst("h2").text()).startsWith("Changed since the final minutes (published on ");
		List<Element> items = section.select("li");
		String person = "Person 0 of " + built.slug();
		assertThat(items.stream().map((li) -> li.select("a, span").text()).toList()).containsExactly(
				organizer + " recorded " + person + "’s position: Acked-by → No objection",
				organizer + " moved concern concern-0 from Open to Resolved",
				organizer + " responded to concern concern-0",
				// filed open, as the concern's history (and the minutes) say
				organizer + " moved concern " + raised + " from new to Open", person + " raised concern " + raised,
				organizer + " added material: slides “Late slides”",
				"Follow-up added for " + person + ": Assigned later", organizer + " recorded resolution 3",
				organizer + " took note 3");
		assertThat(items.stream().map((li) -> li.selectFirst("a").attr("href")).toList()).containsExactly(
				url + "/positions/" + built.person(0), url + "/concerns/concern-0", url + "/concerns/concern-0",
				url + "/concerns/" + raised, url + "/concerns/" + raised, "https://example.org/late.pdf",
				"/follow-ups/" + this.fixture.followUpId(built.slug(), "Assigned later"), url + "/resolutions/3",
				url + "/notes#note-" + this.jdbc.queryForObject(
						"select id from discussion_note where body = 'Said in the corridor afterwards.'", Long.class));
		assertThat(items.get(0).selectFirst("time").hasAttr("datetime")).isTrue();
		// the same changes as the minutes list
		assertThat(items).hasSize(minutesAmendments(url).size());
		assertThat(section.select("p.first-of")).isEmpty();
	}

	@Test
	void aResponseGivenInTheSessionToAConcernCarriedIntoItIsListedLinkingToItsOwnSession() throws Exception {
		String earlier = "carried-amendment-" + System.nanoTime();
		String earlierUrl = this.fixture.session(earlier, 0, 1, 0);
		this.jdbc.update("update event set starts_on = starts_on - 365, ends_on = ends_on - 365 where slug = ?",
				earlier);
		Built built = this.fixture.newSession("carried-into-amended", 0, 0, 0);
		this.jdbc.update(
				"""
						insert into session_proposal (session_id, proposal_id, seq)
						select s.id, (select sp.proposal_id from session_proposal sp join summit_session x on x.id = sp.session_id
							where x.slug = ?), 2
						from summit_session s where s.slug = ?""",
				earlier + "-session", built.slug());
		MockHttpSession organizer = this.fixture.signedIn(this.mvc, "carried-organizer", Role.ORGANIZER);
		changed(organizer, post(built.url() + "/minutes/final"));
		changed(organizer, post(built.url() + "/concerns/concern-0/responses").param("body", "Answered here."));

		Element section = amendments(built.url());
		assertThat(section).isNotNull();
		assertThat(section.select("li")).hasSize(1).hasSize(minutesAmendments(built.url()).size());
		assertThat(section.selectFirst("li a").text()).endsWith(" responded to concern concern-0");
		assertThat(section.selectFirst("li a").attr("href")).isEqualTo(earlierUrl + "/concerns/concern-0");
	}

	@Test
	void theNewestAreListedWithALinkToTheMinutesForTheRest() throws Exception {
		Built built = this.fixture.newSession("amended-often", 0, 1, 0);
		MockHttpSession organizer = this.fixture.signedIn(this.mvc, "often-organizer", Role.ORGANIZER);
		changed(organizer, post(built.url() + "/minutes/final"));
		int more = AmendmentView.SHOWN + 5;
		this.jdbc.update("""
				insert into concern_response (concern_id, author_id, body, created_at)
				select c.id, c.raised_by_id, 'Later response ' || n, s.minutes_final_at + n * interval '1 minute'
				from concern c join summit_session s on s.id = c.session_id, generate_series(1, ?) n
				where s.slug = ? and c.key = 'concern-0'""", more, built.slug());

		Element section = amendments(built.url());
		assertThat(section.select("li")).hasSize(AmendmentView.SHOWN);
		assertThat(minutesAmendments(built.url())).hasSize(more);
		Element rest = section.selectFirst("p.first-of a");
		assertThat(rest.text())
			.isEqualTo("The latest " + AmendmentView.SHOWN + " of " + more + ": the minutes list them all");
		assertThat(rest.attr("href")).isEqualTo(built.url() + "/minutes.html");
	}

	private void changed(MockHttpSession signedIn,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder change) throws Exception {
		this.mvc.perform(change.session(signedIn).with(csrf())).andExpect(status().is3xxRedirection());
	}

	/** The page's list of amendments, as an anonymous reader is sent it; null if none. */
	private Element amendments(String url) throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		return page.selectFirst("section.amendments");
	}

	private List<JsonNode> minutesAmendments(String url) throws Exception {
		JsonNode minutes = this.json.readTree(this.mvc.perform(get(url + "/minutes.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		return minutes.path("amendments").path("changes").valueStream().toList();
	}

}
