package org.summittracker.followup;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.resolution.ResolutionView;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.PageText;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SummitIntegrationTest
class FollowUpPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built session;

	MockHttpSession organizer;

	@BeforeEach
	void aSession() throws Exception {
		this.session = this.fixture.newSession("assign", 0, 2, 3);
		this.organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
	}

	@Test
	void anOrganizerAssignsAFollowUpLinkedToAConcernAndAResolution() throws Exception {
		this.mvc.perform(get(this.session.url() + "/follow-ups/new").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Assign a follow-up")));
		String location = this.mvc
			.perform(post(this.session.url() + "/follow-ups").session(this.organizer)
				.with(csrf())
				.param("title", "Write the learning guide")
				.param("owner", this.session.person(2))
				.param("dueOn", "2030-01-31")
				.param("concern", "concern-1")
				.param("resolution", "2"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = this.fixture.followUpId(this.session.slug(), "Write the learning guide");
		assertThat(location).isEqualTo("/follow-ups/" + id);
		this.mvc.perform(get(location))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("concern-1")))
			.andExpect(content().string(containsString("Resolution 2")))
			.andExpect(content().string(containsString("Follow-up assigned to " + this.session.person(2))));
		this.mvc.perform(get(this.session.url()))
			.andExpect(content().string(containsString("Write the learning guide")));
	}

	@Test
	void badInputIsAnsweredInlineAndAssignsNothing() throws Exception {
		String[][] cases = { { "title", "" }, { "title", "a\u0000b" }, { "title", "x".repeat(201) },
				{ "owner", "nobody-at-all" }, { "owner", "Not a handle" }, { "dueOn", "2030-02-30" },
				{ "concern", "no-such" }, { "resolution", "9" }, { "resolution", "one" } };
		for (String[] bad : cases) {
			Map<String, String> fields = new HashMap<>(Map.of("title", "Fine", "owner", this.session.person(0)));
			fields.put(bad[0], bad[1]);
			var request = post(this.session.url() + "/follow-ups").session(this.organizer).with(csrf());
			fields.forEach(request::param);
			this.mvc.perform(request)
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("The follow-up was not assigned")));
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from follow_up f join summit_session s" + " on s.id = f.session_id where s.slug = ?",
				Long.class, this.session.slug()))
			.isEqualTo(6);
	}

	@Test
	void everyUnknownReferenceIsNamedNextToItsFieldAtOnce() throws Exception {
		this.mvc
			.perform(post(this.session.url() + "/follow-ups").session(this.organizer)
				.with(csrf())
				.param("title", "Three unknowns")
				.param("owner", "nobody-at-all")
				.param("concernKey", "no-such-concern")
				.param("resolutionNumber", "9"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nobody has the handle nobody-at-all.")))
			.andExpect(content().string(containsString("This session has no concern no-such-concern.")))
			.andExpect(content().string(containsString("id=\"concern-key-error\"")))
			.andExpect(content().string(containsString("This session has no resolution 9.")));
		// A day that is no day hides none of them.
		this.mvc
			.perform(post(this.session.url() + "/follow-ups").session(this.organizer)
				.with(csrf())
				.param("title", "Three unknowns")
				.param("owner", "nobody-at-all")
				.param("dueOn", "2030-02-30")
				.param("concern", "no-such"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a day between 1990 and 2200 as YYYY-MM-DD")))
			.andExpect(content().string(containsString("Nobody has the handle nobody-at-all.")))
			.andExpect(content().string(containsString("This session has no concern no-such.")));
		assertThat(followUps()).isEqualTo(6);
	}

	@Test
	void aSessionWithMoreConcernsThanTheFormOffersTakesAnyOtherByItsKey() throws Exception {
		// 2 + 110 concerns: the 92 open ones are offered first, then the first 8 resolved
		this.fixture.moreConcerns(this.session, 110, 20);
		String form = page(get(this.session.url() + "/follow-ups/new").session(this.organizer));
		assertThat(PageText.occurrences(form, "<option value=\"concern-")
				+ PageText.occurrences(form, "<option value=\"more-"))
			.isEqualTo(ConcernChoice.OFFERED);
		assertThat(form).contains("value=\"more-110\"", "value=\"more-8\"", "Or another concern of this session")
			.doesNotContain("value=\"more-9\"");

		// an unknown key: nothing assigned
		this.mvc.perform(assign("Unknown").param("concernKey", "no-such-concern"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This session has no concern no-such-concern.")))
			.andExpect(content().string(containsString("id=\"concern-key-error\"")));
		assertThat(followUps()).isEqualTo(6);

		// a concern the list does not offer, by its key
		this.mvc.perform(assign("By key").param("concernKey", " more-20 ")).andExpect(status().is3xxRedirection());
		long id = this.fixture.followUpId(this.session.slug(), "By key");
		assertThat(concernOf(id)).isEqualTo("more-20");

		// its edit form shows it chosen, and saving it keeps it
		String edit = page(get("/follow-ups/" + id).session(this.organizer));
		assertThat(edit).contains("<option value=\"more-20\" selected=\"selected\">more-20: More concern 020</option>");
		this.mvc.perform(edit(id).param("concern", "more-20")).andExpect(status().is3xxRedirection());
		assertThat(concernOf(id)).isEqualTo("more-20");
		// a key typed there takes the place of the one the list shows chosen
		this.mvc.perform(edit(id).param("concern", "more-20").param("concernKey", "more-19"))
			.andExpect(status().is3xxRedirection());
		assertThat(concernOf(id)).isEqualTo("more-19");
		assertThat(followUps()).isEqualTo(7);
	}

	@Test
	void aSessionWithMoreResolutionsThanTheFormOffersTakesAnyOtherByItsNumber() throws Exception {
		// 3 + 105 resolutions: the latest 100 are offered
		this.jdbc.update("""
				insert into resolution (session_id, seq, statement, outcome)
				select s.id, 3 + n, 'More resolution ' || n, 'AGREED'
				from summit_session s join event e on e.id = s.event_id, generate_series(1, 105) n
				where e.slug = ? and s.slug = ?""", this.session.eventSlug(), this.session.slug());
		String form = page(get(this.session.url() + "/follow-ups/new").session(this.organizer));
		assertThat(Pattern.compile("<option value=\"\\d+\"").matcher(form).results().count())
			.isEqualTo(ResolutionView.OFFERED);
		assertThat(form)
			.contains("<option value=\"108\">", "<option value=\"9\">", "Or another resolution of this session")
			.doesNotContain("<option value=\"8\">");

		// an unknown number: nothing assigned
		this.mvc.perform(assign("Unknown").param("resolutionNumber", "9999"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This session has no resolution 9999.")))
			.andExpect(content().string(containsString("id=\"resolution-number-error\"")));
		assertThat(followUps()).isEqualTo(6);

		// a resolution the list does not offer, by its number
		this.mvc.perform(assign("By number").param("resolutionNumber", "2")).andExpect(status().is3xxRedirection());
		long id = this.fixture.followUpId(this.session.slug(), "By number");
		assertThat(resolutionOf(id)).isEqualTo(2);

		// its edit form shows it chosen, and saving it keeps it
		String edit = page(get("/follow-ups/" + id).session(this.organizer));
		assertThat(edit).contains("<option value=\"2\" selected=\"selected\">");
		this.mvc.perform(edit(id).param("resolution", "2")).andExpect(status().is3xxRedirection());
		assertThat(resolutionOf(id)).isEqualTo(2);
		// a number typed there takes the place of the one the list shows chosen
		this.mvc.perform(edit(id).param("resolution", "2").param("resolutionNumber", "1"))
			.andExpect(status().is3xxRedirection());
		assertThat(resolutionOf(id)).isEqualTo(1);
		assertThat(followUps()).isEqualTo(7);
	}

	private int resolutionOf(long followUpId) {
		return this.jdbc.queryForObject(
				"select r.seq from follow_up f join resolution r on r.id = f.resolution_id where f.id = ?",
				Integer.class, followUpId);
	}

	private MockHttpServletRequestBuilder assign(String title) {
		return post(this.session.url() + "/follow-ups").session(this.organizer)
			.with(csrf())
			.param("title", title)
			.param("owner", this.session.person(0));
	}

	/**
	 * The follow-up's edit form as its owner sends it, renamed, at its current version.
	 */
	private MockHttpServletRequestBuilder edit(long id) {
		return post("/follow-ups/{id}", id).session(this.organizer)
			.with(csrf())
			.param("title", "By key, renamed")
			.param("owner", this.session.person(0))
			.param("version", Long.toString(this.fixture.followUpVersion(id)));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return PageText.of(this.mvc, request);
	}

	private String concernOf(long followUpId) {
		return this.jdbc.queryForObject(
				"select c.key from follow_up f join concern c on c.id = f.concern_id where f.id = ?", String.class,
				followUpId);
	}

	private long followUps() {
		return this.jdbc.queryForObject(
				"select count(*) from follow_up f join summit_session s on s.id = f.session_id where s.slug = ?",
				Long.class, this.session.slug());
	}

	@Test
	void maintainersMayNotAssign() throws Exception {
		MockHttpSession maintainer = this.fixture.signIn(this.mvc, this.session.person(0), Role.MAINTAINER);
		this.mvc.perform(get(this.session.url() + "/follow-ups/new").session(maintainer))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(this.session.url() + "/follow-ups").session(maintainer)
				.with(csrf())
				.param("title", "Mine")
				.param("owner", this.session.person(0)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOwnerEditsTheirFollowUpButMayNotHandItToSomeoneElse() throws Exception {
		long id = this.fixture.followUpId(this.session.slug(), "Follow-up 1");
		MockHttpSession owner = this.fixture.signIn(this.mvc, this.session.person(1), Role.MAINTAINER);
		this.mvc.perform(get("/follow-ups/" + id).session(owner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Edit the follow-up")));
		this.mvc
			.perform(post("/follow-ups/{id}", id).session(owner)
				.with(csrf())
				.param("title", "Renamed")
				.param("owner", this.session.person(1))
				.param("dueOn", "2031-01-01")
				.param("concern", "concern-1")
				.param("version", Long.toString(this.fixture.followUpVersion(id))))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.jdbc.queryForObject("select title || ' ' || due_on from follow_up where id = ?", String.class, id))
			.isEqualTo("Renamed 2031-01-01");
		this.mvc
			.perform(post("/follow-ups/{id}", id).session(owner)
				.with(csrf())
				.param("title", "Renamed")
				.param("owner", this.session.person(2))
				.param("version", Long.toString(this.fixture.followUpVersion(id))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only organizers hand a follow-up to someone else.")));
		this.mvc
			.perform(post("/follow-ups/{id}", id).session(this.organizer)
				.with(csrf())
				.param("title", "Renamed")
				.param("owner", this.session.person(2))
				.param("dueOn", "2031-01-01")
				.param("concern", "concern-1")
				.param("version", Long.toString(this.fixture.followUpVersion(id))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select p.handle from follow_up f join person p on p.id = f.owner_id" + " where f.id = ?", String.class,
				id))
			.isEqualTo(this.session.person(2));
		assertThat(this.jdbc.queryForList("select summary from follow_up_change where follow_up_id = ? order by id",
				String.class, id))
			.containsExactly("Follow-up revised: title “Follow-up 1” → “Renamed”; due 2024-10-02 → due 2031-01-01",
					"Follow-up revised: owner " + this.session.slug() + "-p1 → " + this.session.person(2));
	}

	@Test
	void aStaleEditIsAConflictShowingTheCurrentState() throws Exception {
		long id = this.fixture.followUpId(this.session.slug(), "Follow-up 2");
		long version = this.fixture.followUpVersion(id);
		this.mvc.perform(post("/follow-ups/{id}", id).session(this.organizer)
			.with(csrf())
			.param("title", "First")
			.param("owner", this.session.person(2))
			.param("version", Long.toString(version)));
		this.mvc
			.perform(post("/follow-ups/{id}", id).session(this.organizer)
				.with(csrf())
				.param("title", "Second")
				.param("owner", this.session.person(2))
				.param("version", Long.toString(version)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("First")));
		assertThat(this.jdbc.queryForObject("select title from follow_up where id = ?", String.class, id))
			.isEqualTo("First");
	}

	@Test
	void unknownFollowUpsAreNotFound() throws Exception {
		this.mvc.perform(get("/follow-ups/999999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/follow-ups/abc")).andExpect(status().isBadRequest());
	}

}
