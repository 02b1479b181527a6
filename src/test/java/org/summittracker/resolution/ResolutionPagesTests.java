package org.summittracker.resolution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.concern.ConcernViews.ConcernChoice;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SummitIntegrationTest
class ResolutionPagesTests {

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
		this.session = this.fixture.newSession("resolve", 0, 3, 3);
		this.organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
	}

	@Test
	void anOrganizerRecordsAResolutionWithTheNextNumberAndItsHistory() throws Exception {
		this.mvc.perform(get(this.session.url() + "/resolutions/new").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Record a resolution")));
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Try it for a year")
				.param("outcome", "EXPERIMENT")
				.param("decidedOn", "2024-09-02")
				.param("revisitOn", "2031-09-02")
				.param("concerns", "concern-1", "concern-2"))
			.andExpect(redirectedUrl(this.session.url() + "#resolution-3"));
		this.mvc.perform(get(this.session.url() + "/resolutions/3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Try it for a year")))
			.andExpect(content().string(containsString("concern-2")))
			.andExpect(content().string(containsString("Resolution 3 recorded")));
		this.mvc.perform(get(this.session.url())).andExpect(content().string(containsString("Try it for a year")));
		assertThat(count(
				"select count(*) from audit_entry where action = 'RESOLUTION_RECORDED' and summary like ?"
						+ " and session_id = (select id from summit_session where slug = ?)",
				"Resolution 3 recorded: Experiment%", this.session.slug()))
			.isEqualTo(1);
	}

	@Test
	void aResolutionRecordedAfterTheSessionIsDecidedOnItsDayByDefault() throws Exception {
		this.jdbc.update("update summit_session set day = date '2024-09-02' where slug = ?", this.session.slug());
		this.mvc.perform(get(this.session.url() + "/resolutions/new").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"2024-09-02\"")));
	}

	@Test
	void aResolutionAboutOneOfTheSessionsProposalsIsOnThatProposalsTimelineOnly() throws Exception {
		String main = this.session.slug();
		String part = this.fixture.subProposal(this.session.eventSlug(), this.session.slug(), main + "-part");
		this.mvc.perform(get(this.session.url() + "/resolutions/new").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The proposal it decides")));
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "The part is dropped")
				.param("outcome", "REJECTED")
				.param("proposal", part))
			.andExpect(status().is3xxRedirection());
		// A proposal the session does not discuss: refused, nothing recorded.
		long before = count("select count(*) from resolution where statement = ?", "Not here");
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Not here")
				.param("outcome", "AGREED")
				.param("proposal", "no-such-proposal"))
			.andExpect(status().isUnprocessableContent());
		assertThat(count("select count(*) from resolution where statement = ?", "Not here")).isEqualTo(before);
		this.mvc.perform(get("/proposals/" + part)).andExpect(content().string(containsString("The part is dropped")));
		this.mvc.perform(get("/proposals/" + main))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("The part is dropped"))));
	}

	@Test
	void recordingAResolutionMayAlsoResolveTheConcernsItAddressesThroughTheirLifecycle() throws Exception {
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Keep a pinned toolchain")
				.param("outcome", "AGREED")
				.param("decidedOn", "2024-09-02")
				.param("concerns", "concern-1")
				.param("resolveAddressed", "true"))
			.andExpect(redirectedUrl(this.session.url() + "#resolution-3"));
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Only linked")
				.param("outcome", "AGREED")
				.param("decidedOn", "2024-09-02")
				.param("concerns", "concern-2"))
			.andExpect(redirectedUrl(this.session.url() + "#resolution-4"));
		assertThat(concernStatus("concern-1")).isEqualTo("RESOLVED");
		assertThat(concernStatus("concern-2")).isEqualTo("OPEN");
		assertThat(count(
				"select count(*) from concern_status_change h join concern c on c.id = h.concern_id"
						+ " join summit_session s on s.id = c.session_id where s.slug = ? and c.key = 'concern-1'"
						+ " and h.to_status = 'RESOLVED' and h.note like ?",
				this.session.slug(), "Resolved by resolution 3: %Keep a pinned toolchain%"))
			.isEqualTo(1);
	}

	@Test
	void theNoticeAfterRecordingSaysWhichConcernsWereResolvedWithIt() throws Exception {
		MvcResult two = this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Pin the toolchain and bisect with it")
				.param("outcome", "AGREED")
				.param("concerns", "concern-1", "concern-2")
				.param("resolveAddressed", "true"))
			.andExpect(redirectedUrl(this.session.url() + "#resolution-3"))
			.andReturn();
		String notice = PageText.of(this.mvc,
				get(this.session.url()).session(this.organizer).flashAttrs(two.getFlashMap()));
		assertThat(notice).containsPattern(
				"Resolution 3 recorded\\. It resolved 2 concerns: (concern-1, concern-2|concern-2, concern-1)\\.");
		// One resolved of the two it addresses (the other is resolved already): the
		// notice names that one.
		MvcResult one = this.mvc
			.perform(post(this.session.url() + "/resolutions/3").session(this.organizer)
				.with(csrf())
				.param("statement", "Pin the toolchain and bisect with it")
				.param("outcome", "AGREED")
				.param("concerns", "concern-0", "concern-1")
				.param("resolveAddressed", "true")
				.param("version", Long.toString(version(resolutionId(3)))))
			.andExpect(redirectedUrl(this.session.url() + "/resolutions/3"))
			.andReturn();
		assertThat(PageText.of(this.mvc,
				get(this.session.url() + "/resolutions/3").session(this.organizer).flashAttrs(one.getFlashMap())))
			.contains("Resolution 3 revised. It resolved the concern concern-0.");
		// Nothing resolved with it: the notice says only that it was recorded.
		MvcResult none = this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Only linked")
				.param("outcome", "AGREED")
				.param("concerns", "concern-2"))
			.andReturn();
		assertThat(
				PageText.of(this.mvc, get(this.session.url()).session(this.organizer).flashAttrs(none.getFlashMap())))
			.contains("Resolution 4 recorded.")
			.doesNotContain("It resolved");
	}

	private String concernStatus(String key) {
		return this.jdbc.queryForObject("select c.status from concern c join summit_session s on s.id = c.session_id"
				+ " where s.slug = ? and c.key = ?", String.class, this.session.slug(), key);
	}

	@Test
	void anOrganizerRevisesAResolutionAndBothWordingsAreKept() throws Exception {
		long id = resolutionId(1);
		long version = version(id);
		this.mvc
			.perform(post(this.session.url() + "/resolutions/1").session(this.organizer)
				.with(csrf())
				.param("statement", "Revised wording")
				.param("outcome", "DEFERRED")
				.param("decidedOn", "2024-09-02")
				.param("revisitOn", "2031-01-01")
				.param("version", Long.toString(version)))
			.andExpect(redirectedUrl(this.session.url() + "/resolutions/1"));
		assertThat(this.jdbc.queryForObject("select statement from resolution where id = ?", String.class, id))
			.isEqualTo("Revised wording");
		assertThat(count("select count(*) from resolution_change where resolution_id = ?", id)).isEqualTo(1);
		this.mvc.perform(get(this.session.url() + "/resolutions/1"))
			.andExpect(content().string(containsString("Agreed, “Resolution 0” (addresses concern-0) → Deferred")));
	}

	@Test
	void aStaleRevisionIsAConflictThatChangesNothing() throws Exception {
		long id = resolutionId(1);
		long version = version(id);
		this.mvc.perform(post(this.session.url() + "/resolutions/1").session(this.organizer)
			.with(csrf())
			.param("statement", "First")
			.param("outcome", "AGREED")
			.param("version", Long.toString(version)));
		this.mvc
			.perform(post(this.session.url() + "/resolutions/1").session(this.organizer)
				.with(csrf())
				.param("statement", "Second")
				.param("outcome", "REJECTED")
				.param("version", Long.toString(version)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this resolution")))
			.andExpect(content().string(containsString("First")));
		assertThat(this.jdbc.queryForObject("select statement from resolution where id = ?", String.class, id))
			.isEqualTo("First");
	}

	@Test
	void badInputIsAnsweredInlineAndRecordsNothing() throws Exception {
		String[][] cases = { { "statement", "" }, { "statement", "bad\u0000byte" }, { "statement", "x".repeat(2001) },
				{ "outcome", "MAYBE" }, { "decidedOn", "2024-13-45" }, { "revisitOn", "yesterday" },
				{ "concerns", "no-such-concern" }, { "concerns", "Not A Key" } };
		for (String[] bad : cases) {
			Map<String, String> fields = new HashMap<>(
					Map.of("statement", "Fine", "outcome", "AGREED", "decidedOn", "2024-09-02"));
			fields.put(bad[0], bad[1]);
			var request = post(this.session.url() + "/resolutions").session(this.organizer).with(csrf());
			fields.forEach(request::param);
			this.mvc.perform(request)
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("The resolution was not recorded")));
		}
		// Deferred needs a date to revisit; a revisit before the decision makes no sense.
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "Later")
				.param("outcome", "DEFERRED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("needs a date to revisit")));
		// A day that is no day hides neither the missing statement nor every unknown
		// concern.
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(this.organizer)
				.with(csrf())
				.param("statement", "")
				.param("outcome", "AGREED")
				.param("decidedOn", "2024-13-45")
				.param("otherConcerns", "ghost-one ghost-two"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a day between 1990 and 2200 as YYYY-MM-DD")))
			.andExpect(content().string(containsString("Say what was resolved.")))
			.andExpect(content().string(containsString("This session has no concern ghost-one, ghost-two.")));
		assertThat(count(
				"select count(*) from resolution r join summit_session s on s.id = r.session_id" + " where s.slug = ?",
				this.session.slug()))
			.isEqualTo(2);
	}

	@Test
	void aSessionWithMoreConcernsThanTheFormOffersTakesAnyOtherByItsKey() throws Exception {
		// 3 + 110 concerns: the 93 open ones are offered first, then the first 7 resolved
		this.fixture.moreConcerns(this.session, 110, 20);
		String form = page(get(this.session.url() + "/resolutions/new").session(this.organizer));
		assertThat(PageText.occurrences(form, "type=\"checkbox\" id=\"concern-")).isEqualTo(ConcernChoice.OFFERED);
		assertThat(form).contains("id=\"concern-more-110\"", "id=\"concern-more-7\"", "Other concerns it addresses")
			.doesNotContain("id=\"concern-more-8\"");

		// an unknown key: refused next to the keys typed, nothing recorded
		this.mvc.perform(record("Unknown").param("otherConcerns", "more-20, no-such-concern"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This session has no concern no-such-concern.")))
			.andExpect(content().string(containsString("id=\"other-concerns-error\"")));
		assertThat(count("select count(*) from resolution where statement = ?", "Unknown")).isZero();

		// concerns the checkboxes do not offer, by their keys, with one checked
		this.mvc.perform(record("By key").param("concerns", "concern-1").param("otherConcerns", "more-20,more-19 "))
			.andExpect(redirectedUrl(this.session.url() + "#resolution-3"));
		assertThat(addressed(3)).containsExactly("concern-1", "more-19", "more-20");

		// its revise form shows them checked, and saving it keeps them
		String revise = page(get(this.session.url() + "/resolutions/3").session(this.organizer));
		assertThat(PageText.occurrences(revise, "type=\"checkbox\" id=\"concern-"))
			.isEqualTo(ConcernChoice.OFFERED + 2);
		assertThat(revise).contains("id=\"concern-more-20\" value=\"more-20\" name=\"concerns\" checked=\"checked\"",
				"id=\"concern-more-19\" value=\"more-19\" name=\"concerns\" checked=\"checked\"");
		this.mvc
			.perform(post(this.session.url() + "/resolutions/3").session(this.organizer)
				.with(csrf())
				.param("statement", "By key, revised")
				.param("outcome", "AGREED")
				.param("decidedOn", "2024-09-02")
				.param("concerns", "concern-1", "more-19", "more-20")
				.param("version", Long.toString(version(resolutionId(3)))))
			.andExpect(redirectedUrl(this.session.url() + "/resolutions/3"));
		assertThat(addressed(3)).containsExactly("concern-1", "more-19", "more-20");
	}

	private MockHttpServletRequestBuilder record(String statement) {
		return post(this.session.url() + "/resolutions").session(this.organizer)
			.with(csrf())
			.param("statement", statement)
			.param("outcome", "AGREED")
			.param("decidedOn", "2024-09-02");
	}

	private List<String> addressed(int seq) {
		return this.jdbc.queryForList("select c.key from resolution_concern rc join concern c on c.id = rc.concern_id"
				+ " where rc.resolution_id = ? order by c.key", String.class, resolutionId(seq));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return PageText.of(this.mvc, request);
	}

	@Test
	void maintainersAndAnonymousReadersMayNotRecordOrRevise() throws Exception {
		MockHttpSession maintainer = this.fixture.signIn(this.mvc, this.session.person(1), Role.MAINTAINER);
		this.mvc.perform(get(this.session.url() + "/resolutions/new").session(maintainer))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(this.session.url() + "/resolutions").session(maintainer)
				.with(csrf())
				.param("statement", "Mine")
				.param("outcome", "AGREED"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only organizers")));
		this.mvc
			.perform(post(this.session.url() + "/resolutions/1").session(maintainer)
				.with(csrf())
				.param("statement", "Mine")
				.param("outcome", "AGREED")
				.param("version", "0"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(this.session.url() + "/resolutions/1").session(maintainer))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Revise this resolution"))));
		this.mvc
			.perform(get(this.session.url() + "/resolutions/new").accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		assertThat(count(
				"select count(*) from resolution r join summit_session s on s.id = r.session_id" + " where s.slug = ?",
				this.session.slug()))
			.isEqualTo(2);
	}

	@Test
	void unknownResolutionsAndSessionsAreNotFound() throws Exception {
		this.mvc.perform(get(this.session.url() + "/resolutions/99")).andExpect(status().isNotFound());
		this.mvc.perform(get("/events/nope/sessions/nope/resolutions/1")).andExpect(status().isNotFound());
		this.mvc.perform(get(this.session.url() + "/resolutions/new").session(this.organizer))
			.andExpect(status().isOk());
		this.mvc.perform(get("/events/nope/sessions/nope/resolutions/new").session(this.organizer))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(this.session.url() + "/resolutions/99").session(this.organizer)
				.with(csrf())
				.param("statement", "x")
				.param("outcome", "AGREED")
				.param("version", "0"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(this.session.url() + "/resolutions/1").session(this.organizer)
				.with(csrf())
				.param("statement", "x")
				.param("outcome", "AGREED"))
			.andExpect(status().isUnprocessableContent());
	}

	private long resolutionId(int seq) {
		return this.jdbc.queryForObject("select r.id from resolution r join summit_session s on s.id = r.session_id"
				+ " where s.slug = ? and r.seq = ?", Long.class, this.session.slug(), seq);
	}

	private long version(long id) {
		return this.jdbc.queryForObject("select version from resolution where id = ?", Long.class, id);
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

}
