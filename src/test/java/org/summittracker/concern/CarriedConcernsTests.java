package org.summittracker.concern;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.concern.ConcernViews.SessionPageConcern;
import org.summittracker.support.CountersKept;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One proposal discussed at three sessions of three events (2021, 2022, 2024): the
 * concerns still open from earlier sessions are carried into the later ones, answered and
 * resolved in the last; raised again there by someone else, a concern is linked, not
 * filed twice; its key stays unique in its proposal.
 */
@SummitIntegrationTest
class CarriedConcernsTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConcernRepository concerns;

	@Autowired
	EntityManager entityManager;

	String first;

	String second;

	String third;

	String proposal;

	MockHttpSession organizer;

	MockHttpSession raiser;

	MockHttpSession other;

	String otherHandle;

	@BeforeEach
	void oneProposalAtThreeSummits() throws Exception {
		String name = "carried-" + counter.incrementAndGet();
		this.first = summit(name + "-a", 2021);
		this.second = summit(name + "-b", 2022);
		this.third = summit(name + "-c", 2024);
		this.proposal = slugOf(this.first);
		this.organizer = SignIn.as(this.mvc, this.fixture.personWithAccount("carry-org", Role.ORGANIZER),
				Fixture.PASSWORD);
		this.raiser = SignIn.as(this.mvc, this.fixture.personWithAccount("carry-raiser", Role.MAINTAINER),
				Fixture.PASSWORD);
		this.otherHandle = this.fixture.personWithAccount("carry-other", Role.MAINTAINER);
		this.other = SignIn.as(this.mvc, this.otherHandle, Fixture.PASSWORD);
		for (String later : new String[] { this.second, this.third }) {
			this.mvc
				.perform(post(later + "/proposals").param("key", this.proposal)
					.session(this.organizer)
					.with(csrf())
					.accept(MediaType.TEXT_HTML))
				.andExpect(status().is3xxRedirection());
		}
	}

	@Test
	void openConcernsAreCarriedForwardAndResolvedInTheLastSession() throws Exception {
		file(this.first, this.raiser, "Cross-subsystem changes", null).andExpect(status().is3xxRedirection());
		file(this.first, this.raiser, "Toolchain too new", null).andExpect(status().is3xxRedirection());
		// Nothing is carried into the first session.
		this.mvc.perform(get(this.first))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Concerns carried forward"))));
		// Both are carried into 2022, with where and by whom they were raised.
		this.mvc.perform(get(this.second))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Concerns carried forward")))
			.andExpect(content().string(containsString(this.first + "/concerns/cross-subsystem-changes")))
			.andExpect(content().string(containsString(this.first + "/concerns/toolchain-too-new")))
			.andExpect(content().string(containsString("Session " + slugOf(this.first))));
		// In 2022 a new concern is filed about the carried proposal (the form chooses
		// it),
		// and the toolchain concern is resolved.
		this.mvc.perform(get(this.second + "/concerns/new").session(this.raiser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Proposal it is about")));
		file(this.second, this.raiser, "How long is the trial", this.proposal).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select p.key from concern c join proposal p on p.id = c.proposal_id where c.key = 'how-long-is-the-trial'"
						+ " and c.session_id = (select id from summit_session where slug = ?)",
				String.class, slugOf(this.second)))
			.isEqualTo(this.proposal);
		resolve(this.first, "toolchain-too-new", "Minimum version agreed").andExpect(status().is3xxRedirection());

		// 2024: the two still open are carried; the resolved one is not.
		this.mvc.perform(get(this.third))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.first + "/concerns/cross-subsystem-changes")))
			.andExpect(content().string(containsString(this.second + "/concerns/how-long-is-the-trial")))
			.andExpect(content().string(not(containsString("/concerns/toolchain-too-new"))));
		theSessionPagesSqlReadsWhatTheRuleSays();
		// Answered and resolved in the last session.
		this.mvc
			.perform(post(this.second + "/concerns/how-long-is-the-trial/responses").param("body", "Until 2025")
				.session(this.other)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		resolve(this.second, "how-long-is-the-trial", "The experiment is over").andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.third))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/concerns/how-long-is-the-trial"))));
		theSessionPagesSqlReadsWhatTheRuleSays();
	}

	@Test
	void raisedAgainBySomeoneElseItIsLinkedNotDuplicated() throws Exception {
		file(this.first, this.raiser, "Cross-subsystem changes", null).andExpect(status().is3xxRedirection());
		resolve(this.first, "cross-subsystem-changes", "Maintainers may refuse").andExpect(status().is3xxRedirection());
		long concerns = count("select count(*) from concern");

		this.mvc.perform(reraise(this.third, "cross-subsystem-changes", this.other))
			.andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from concern")).isEqualTo(concerns);
		assertThat(this.jdbc.queryForObject("""
				select p.handle from concern_reraise x join person p on p.id = x.raised_by_id
				join summit_session s on s.id = x.session_id where s.slug = ?""", String.class, slugOf(this.third)))
			.isEqualTo(this.otherHandle);
		// Raised again, it is open again, and listed in 2024 as raised again there.
		assertThat(this.jdbc.queryForObject("""
				select c.status from concern c join summit_session s on s.id = c.session_id
				where s.slug = ? and c.key = 'cross-subsystem-changes'""", String.class, slugOf(this.first)))
			.isEqualTo("OPEN");
		this.mvc.perform(get(this.third))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("raised again here")));
		theSessionPagesSqlReadsWhatTheRuleSays();
		this.mvc.perform(get(this.first + "/concerns/cross-subsystem-changes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Raised again")))
			.andExpect(content().string(containsString("Session " + slugOf(this.third))));
		assertThat(count("select count(*) from audit_entry where action = 'CONCERN_RERAISED'")).isPositive();

		// The same person again: refused, nothing added.
		long reraises = count("select count(*) from concern_reraise");
		this.mvc.perform(reraise(this.third, "cross-subsystem-changes", this.other))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already raised the concern")));
		assertThat(count("select count(*) from concern_reraise")).isEqualTo(reraises);
		// Not carried into a session held before it was raised, nor an unknown key.
		this.mvc.perform(reraise(this.first, "cross-subsystem-changes", this.other)).andExpect(status().isNotFound());
		this.mvc.perform(reraise(this.third, "no-such-concern", this.other)).andExpect(status().isNotFound());
		// Signed out: not allowed.
		this.mvc.perform(post(this.third + "/concerns/cross-subsystem-changes/reraise").with(csrf()))
			.andExpect(status().isUnauthorized());
		assertThat(count("select count(*) from concern_reraise")).isEqualTo(reraises);
	}

	@Test
	void answeredAndResolvedInALaterSessionTheStepsAreRecordedThereAndTheProposalPageSaysWhen() throws Exception {
		file(this.first, this.raiser, "Cross-subsystem changes", null).andExpect(status().is3xxRedirection());
		String carried = this.third + "/concerns/cross-subsystem-changes";
		// Its page as carried into 2024: what is done there is recorded in 2024.
		this.mvc.perform(get(carried).session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Carried into")))
			.andExpect(content().string(containsString("action=\"" + carried + "/responses\"")));
		// An organizer records the answer someone else gave there, and the re-raise.
		this.mvc
			.perform(post(carried + "/responses").param("body", "The Rust developers fix it")
				.param("author", this.otherHandle)
				.session(this.organizer)
				.with(csrf()))
			.andExpect(redirectedUrl(carried + "#responses"));
		this.mvc
			.perform(reraise(this.third, "cross-subsystem-changes", this.organizer).param("raiser", this.otherHandle))
			.andExpect(status().is3xxRedirection());
		// A maintainer may not speak for someone else.
		this.mvc
			.perform(post(carried + "/responses").param("body", "Not mine to say")
				.param("author", this.otherHandle)
				.session(this.raiser)
				.with(csrf()))
			.andExpect(status().isForbidden());
		// Resolved by a 2024 resolution addressing the carried concern.
		this.mvc
			.perform(post(this.third + "/resolutions").param("statement", "The experiment is over")
				.param("outcome", "AGREED")
				.param("concerns", "cross-subsystem-changes")
				.param("resolveAddressed", "true")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("""
				select h.to_status || ' ' || s.slug from concern_status_change h join concern c on c.id = h.concern_id
				join summit_session s on s.id = h.session_id where c.key = 'cross-subsystem-changes'
				  and c.proposal_id = (select id from proposal where key = ?) order by h.id""", String.class,
				this.proposal))
			.containsExactly("OPEN " + slugOf(this.first), "RESOLVED " + slugOf(this.third));
		assertThat(this.jdbc.queryForObject("""
				select p.handle || ' ' || s.slug from concern_response r join person p on p.id = r.author_id
				join summit_session s on s.id = r.session_id where r.body = 'The Rust developers fix it'""",
				String.class))
			.isEqualTo(this.otherHandle + " " + slugOf(this.third));
		assertThat(this.jdbc.queryForObject("""
				select p.handle from concern_reraise x join person p on p.id = x.raised_by_id
				join summit_session s on s.id = x.session_id where s.slug = ?""", String.class, slugOf(this.third)))
			.isEqualTo(this.otherHandle);
		// Still listed in 2024, as handled there; the proposal page says when and by
		// whom.
		this.mvc.perform(get(this.third))
			.andExpect(content().string(containsString(this.first + "/concerns/cross-subsystem-changes")));
		String event = "Event " + this.third.split("/")[2];
		this.mvc.perform(get("/proposals/" + this.proposal))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Raised again")))
			.andExpect(content().string(containsString("Answered")))
			.andExpect(content().string(containsString("in " + event + ": Session " + slugOf(this.third))));
		String markdown = this.mvc.perform(get("/proposals/" + this.proposal + ".md"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(markdown).contains(
				"  - answered at " + event + " (Session " + slugOf(this.third) + ") by " + this.otherHandle,
				"  - resolved at " + event + " (Session " + slugOf(this.third) + ")");
		// A session of another proposal: the concern is not carried there.
		String elsewhere = this.fixture.session("carried-elsewhere-" + counter.incrementAndGet(), 0, 0, 0);
		this.mvc
			.perform(post(elsewhere + "/concerns/cross-subsystem-changes/responses").param("body", "x")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	/**
	 * The position form of a later session offers the concerns carried into it as
	 * checkboxes, besides its own, the open ones first; a maintainer cites one there.
	 */
	@Test
	void thePositionFormOffersTheConcernsCarriedIntoTheSession() throws Exception {
		file(this.first, this.raiser, "Cross-subsystem changes", null).andExpect(status().is3xxRedirection());
		file(this.first, this.raiser, "Toolchain too new", null).andExpect(status().is3xxRedirection());
		// Resolved in 2024, it stays carried there (moved there), after the open ones.
		resolve(this.third, "toolchain-too-new", "Minimum version agreed").andExpect(status().is3xxRedirection());
		file(this.third, this.raiser, "How long is the trial", this.proposal).andExpect(status().is3xxRedirection());
		// 2022 raised none of its own: the open one carried in is offered.
		String second = page(this.second);
		assertThat(checkboxes(second)).containsExactly("cross-subsystem-changes");
		assertThat(second).doesNotContain("This session has no concerns to cite.");
		String third = page(this.third);
		assertThat(checkboxes(third)).containsExactly("cross-subsystem-changes", "how-long-is-the-trial",
				"toolchain-too-new");
		assertThat(third).contains("(Resolved)");
		// Cited from the checkbox, the carried concern is saved with the position.
		this.mvc
			.perform(post(this.third + "/positions").param("stance", "CONCERNED")
				.param("concerns", "cross-subsystem-changes")
				.param("proposal", this.proposal)
				.session(this.other)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("""
				select c.key from position_concern pc join concern c on c.id = pc.concern_id
				join position p on p.id = pc.position_id join person pe on pe.id = p.person_id where pe.handle = ?""",
				String.class, this.otherHandle))
			.containsExactly("cross-subsystem-changes");
		// The position's own page offers the same, the cited one checked.
		String own = page(this.third + "/positions/" + this.otherHandle + "?proposal=" + this.proposal);
		assertThat(checkboxes(own)).containsExactly("cross-subsystem-changes", "how-long-is-the-trial",
				"toolchain-too-new");
		assertThat(own).containsPattern("id=\"cite-cross-subsystem-changes\"[^>]*checked");
	}

	/** The page as the maintainer {@link #other} reads it. */
	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).session(this.other))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The keys of the concerns a page's position form offers to cite, in order. */
	private static List<String> checkboxes(String page) {
		return java.util.regex.Pattern.compile("type=\"checkbox\" id=\"cite-([a-z0-9-]+)\"")
			.matcher(page)
			.results()
			.map((m) -> m.group(1))
			.toList();
	}

	@Test
	void aConcernKeyIsUniqueInItsProposal() throws Exception {
		file(this.first, this.raiser, "Cross-subsystem changes", null).andExpect(status().is3xxRedirection());
		long concerns = count("select count(*) from concern");
		// An organizer choosing the key in a later session of the same proposal: taken.
		this.mvc
			.perform(filing(this.third, this.organizer, "Another", this.proposal).param("key",
					"cross-subsystem-changes"))
			.andExpect(status().isUnprocessableContent());
		assertThat(count("select count(*) from concern")).isEqualTo(concerns);
		// A derived key steps aside.
		file(this.third, this.raiser, "Cross-subsystem changes", this.proposal).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList(
				"select c.key from concern c join proposal p on p.id = c.proposal_id where p.key = ? order by c.id",
				String.class, this.proposal))
			.containsExactly("cross-subsystem-changes", "cross-subsystem-changes-2");
	}

	/**
	 * A concern's number of steps ({@code concern.steps}, which the database keeps: V111)
	 * is its steps' count after each kind of write: filed (the status change that opened
	 * it is no step), answered, its status changed (in a later session too), raised
	 * again, and, in SQL, an answer edited, moved to another concern and deleted, a
	 * status change deleted, several answers in one statement, a concern deleted with its
	 * steps.
	 */
	@Test
	void aConcernsNumberOfStepsIsItsStepsCountedAfterEachKindOfWrite() throws Exception {
		file(this.first, this.raiser, "Cross-subsystem changes", null).andExpect(status().is3xxRedirection());
		file(this.first, this.raiser, "Toolchain too new", null).andExpect(status().is3xxRedirection());
		assertThat(stepsOf("cross-subsystem-changes")).isZero();
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		answer(this.first, "cross-subsystem-changes", "Maintainers decide");
		answer(this.first, "cross-subsystem-changes", "And they have");
		assertThat(stepsOf("cross-subsystem-changes")).isEqualTo(2);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		resolve(this.first, "cross-subsystem-changes", "Maintainers may refuse").andExpect(status().is3xxRedirection());
		assertThat(stepsOf("cross-subsystem-changes")).isEqualTo(3);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		answer(this.third, "toolchain-too-new", "Still too new");
		resolve(this.third, "toolchain-too-new", "It is not").andExpect(status().is3xxRedirection());
		assertThat(stepsOf("toolchain-too-new")).isEqualTo(2);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		this.mvc.perform(reraise(this.third, "cross-subsystem-changes", this.other))
			.andExpect(status().is3xxRedirection());
		// Raised again and opened again: two steps.
		assertThat(stepsOf("cross-subsystem-changes")).isEqualTo(5);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		Long cross = idOf("cross-subsystem-changes");
		Long toolchain = idOf("toolchain-too-new");
		this.jdbc.update("update concern_response set body = body || '.' where concern_id = ?", cross);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		this.jdbc.update("update concern_response set concern_id = ? where id = (select min(id) from concern_response "
				+ "where concern_id = ?)", toolchain, cross);
		assertThat(stepsOf("cross-subsystem-changes")).isEqualTo(4);
		assertThat(stepsOf("toolchain-too-new")).isEqualTo(3);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		this.jdbc.update("insert into concern_response (concern_id, session_id, author_id, body, created_at) "
				+ "select c.id, c.session_id, c.raised_by_id, 'again', c.created_at from concern c, generate_series(1, 3) "
				+ "where c.id in (?, ?)", cross, toolchain);
		assertThat(stepsOf("cross-subsystem-changes")).isEqualTo(7);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		this.jdbc.update("delete from concern_response where concern_id = ? and body = 'again'", toolchain);
		this.jdbc.update("delete from concern_status_change where concern_id = ? and from_status is not null", cross);
		assertThat(stepsOf("cross-subsystem-changes")).isEqualTo(5);
		assertThat(stepsOf("toolchain-too-new")).isEqualTo(3);
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		for (String table : new String[] { "concern_response", "concern_status_change", "concern_reraise" }) {
			this.jdbc.update("delete from " + table + " where concern_id = ?", toolchain);
		}
		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		assertThat(stepsOf("toolchain-too-new")).isZero();
	}

	private long stepsOf(String key) {
		return count("select k.steps from concern k join proposal p on p.id = k.proposal_id where p.key = '"
				+ this.proposal + "' and k.key = '" + key + "'");
	}

	private Long idOf(String key) {
		return this.jdbc.queryForObject(
				"select k.id from concern k join proposal p on p.id = k.proposal_id where p.key = ? and k.key = ?",
				Long.class, this.proposal, key);
	}

	private void answer(String session, String key, String body) throws Exception {
		this.mvc
			.perform(post(session + "/concerns/" + key + "/responses").param("body", body)
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	/**
	 * The rule as it was first written, in JPQL: a cross of every concern with the
	 * session (a scan of every concern at summit scale), kept as the oracle of
	 * {@link SessionPageConcerns}' SQL.
	 */
	static final String CARRIED_RULE = """
			select new org.summittracker.concern.ConcernViews$SessionPageConcern(c.id, s.id, c.key, c.title, cat.name,
				r.handle, r.name, c.status, c.blocking,
				(select count(cr) from ConcernResponse cr where cr.concern = c), pr.key, c.createdAt, e.slug, e.name,
				s.slug, s.title,
				(select count(x) from ConcernReraise x where x.concern = c and x.session.id = :sessionId))
			from Concern c join c.category cat join c.proposal pr join c.raisedBy r join c.session s join s.event e,
				Session here join here.event he
			where here.id = :sessionId
			  and (s.id = here.id
			    or (exists (select sp from SessionProposal sp where sp.session.id = :sessionId and sp.proposal = pr)
			      and """ + ConcernRepository.HELD_BEFORE + """
			      and (c.status in (org.summittracker.concern.ConcernStatus.OPEN,
			        org.summittracker.concern.ConcernStatus.DEFERRED)
			        or exists (select x from ConcernReraise x where x.concern = c and x.session.id = :sessionId)
			        or exists (select h from ConcernStatusChange h where h.concern = c and h.session.id = :sessionId)
			        or exists (select a from ConcernResponse a where a.concern = c and a.session.id = :sessionId))))
			order by e.startsOn, s.scheduleOrder, s.id, c.createdAt, c.id
			""";

	/**
	 * The session page's concerns, read in SQL by index: for each of the three sessions,
	 * the same concerns in the same order as the rule in JPQL.
	 */
	private void theSessionPagesSqlReadsWhatTheRuleSays() {
		for (String session : new String[] { this.first, this.second, this.third }) {
			Long id = this.jdbc.queryForObject("select id from summit_session where slug = ?", Long.class,
					slugOf(session));
			List<SessionPageConcern> expected = this.entityManager.createQuery(CARRIED_RULE, SessionPageConcern.class)
				.setParameter("sessionId", id)
				.getResultList();
			assertThat(this.concerns.findForSessionPage(id)).as(session).isEqualTo(expected);
			if (session.equals(this.third)) {
				assertThat(expected).as("concerns carried into the last session").isNotEmpty();
			}
		}
	}

	private String summit(String name, int year) {
		String url = this.fixture.session(name, 0, 0, 0);
		this.jdbc.update("update event set starts_on = make_date(?, 9, 1), ends_on = make_date(?, 9, 2) where slug = ?",
				year, year, name);
		return url;
	}

	private ResultActions file(String session, MockHttpSession as, String title, String proposalKey) throws Exception {
		return this.mvc.perform(filing(session, as, title, proposalKey));
	}

	private MockHttpServletRequestBuilder filing(String session, MockHttpSession as, String title, String proposalKey) {
		MockHttpServletRequestBuilder request = post(session + "/concerns").param("title", title)
			.param("category", "other")
			.session(as)
			.with(csrf());
		if (proposalKey != null) {
			request.param("proposal", proposalKey);
		}
		return request;
	}

	private ResultActions resolve(String session, String key, String note) throws Exception {
		return this.mvc.perform(post(session + "/concerns/" + key + "/status").param("status", "RESOLVED")
			.param("note", note)
			.session(this.organizer)
			.with(csrf()));
	}

	private MockHttpServletRequestBuilder reraise(String session, String key, MockHttpSession as) {
		return post(session + "/concerns/" + key + "/reraise").session(as).with(csrf());
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private static String slugOf(String sessionUrl) {
		return sessionUrl.substring(sessionUrl.lastIndexOf('/') + 1);
	}

}
