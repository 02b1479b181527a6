package org.summittracker.web;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.shared.KeptReads;
import org.summittracker.shared.Pages;
import org.summittracker.account.Role;
import org.summittracker.position.BuyInQueries;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.ProposalRepository;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.SessionRepository;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A proposal discussed at three sessions of three events: its page shows the sessions in
 * order, the concerns raised at the first, how a person's position moved from one summit
 * to the next, and its readiness today; the list finds it by event and status; its
 * history exports as Markdown and text; and the page reads in the same number of
 * statements at ten times the sessions.
 */
@SummitIntegrationTest
class ProposalPagesTests {

	/** Keeps nothing: every read goes to the database (the statements counted). */
	private static final KeptReads NOTHING_KEPT = new KeptReads() {

		@Override
		public Now now() {
			return null;
		}

		@Override
		public <T> T read(String what, List<?> inputs, Supplier<T> read) {
			return read.get();
		}

	};

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository sessions;

	@Autowired
	ProposalRepository proposalRepository;

	@Autowired
	Proposals proposals;

	@Autowired
	BuyInQueries buyIn;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	String name;

	String key;

	String person;

	@BeforeEach
	void aProposalAtThreeSummits() throws Exception {
		this.name = "life-" + counter.incrementAndGet();
		this.fixture.session(this.name + "-a", 2, 2, 2);
		this.fixture.session(this.name + "-b", 1, 0, 0);
		this.fixture.session(this.name + "-c", 1, 0, 0);
		held(this.name + "-a", 2021);
		held(this.name + "-b", 2022);
		held(this.name + "-c", 2024);
		this.key = this.name + "-a-session";
		discussAt(this.name + "-b");
		discussAt(this.name + "-c");
		this.person = this.name + "-a-session-p0";
		MockHttpSession organizer = SignIn.as(this.mvc, this.fixture.personWithAccount("life-org", Role.ORGANIZER),
				Fixture.PASSWORD);
		this.mvc.perform(
				post("/events/" + this.name + "-b/sessions/" + this.name + "-b-session/positions").session(organizer)
					.with(csrf())
					.param("person", this.person)
					.param("stance", "OPPOSES")
					.param("rationale", "Not before the toolchain is stable")
					.param("proposal", this.key)
					// Changing the position p0 took at the first summit: the form names
					// the
					// version it saw.
					.param("version", this.jdbc.queryForObject(
							"select x.version from position x join person pe on pe.id = x.person_id "
									+ "join proposal p on p.id = x.proposal_id where pe.handle = ? and p.key = ?",
							String.class, this.person, this.key))
					.param("versionOf", this.person))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theProposalPageShowsItsLifeAcrossEvents() throws Exception {
		Document page = page("/proposals/" + this.key);
		String sessionsText = page.select("ol.proposal-sessions").text();
		assertThat(sessionsText).containsSubsequence("Event " + this.name + "-a", "Event " + this.name + "-b",
				"Event " + this.name + "-c");
		assertThat(page.select("section[aria-labelledby=concerns] code").eachText()).contains("concern-0", "concern-1");
		// p0 took the fixture's first stance at the first summit, opposed at the second,
		// and still does at the third.
		assertThat(page.select("tr#moved-" + this.person + " td").eachText()).hasSize(3)
			.satisfies((cells) -> assertThat(cells.get(1)).isEqualTo(cells.get(2)).isNotEqualTo(cells.get(0)));
		// Where each of p0's stances was stated: the move, not the carried-over cells.
		assertThat(page.select("li#moves-" + this.person).text())
			.endsWith("→ Nacked-by in Event " + this.name + "-b: Session " + this.name + "-b-session")
			.doesNotContain(this.name + "-c-session");
		assertThat(page.select("section.readiness ul.missing").text()).contains("Nacked-by");
		assertThat(page.select("ol.timeline li").text()).contains("concern-0");
		// The session pages link to it.
		assertThat(page("/events/" + this.name + "-c/sessions/" + this.name + "-c-session")
			.select("a[href=/proposals/" + this.key + "]")).isNotEmpty();
	}

	@Test
	void aPositionConfirmedByItsMaintainerReadsAsAConfirmationOnTheTimeline() throws Exception {
		String maintainer = this.fixture.personWithAccount("life-confirms", Role.MAINTAINER);
		MockHttpSession organizer = SignIn.as(this.mvc, this.fixture.personWithAccount("life-org", Role.ORGANIZER),
				Fixture.PASSWORD);
		String session = "/events/" + this.name + "-c/sessions/" + this.name + "-c-session";
		this.mvc
			.perform(post(session + "/positions").session(organizer)
				.with(csrf())
				.param("person", maintainer)
				.param("stance", "SUPPORTS")
				.param("proposal", this.key))
			.andExpect(status().is3xxRedirection());
		String version = this.jdbc.queryForObject(
				"select x.version from position x join person pe on pe.id = "
						+ "x.person_id join proposal p on p.id = x.proposal_id where pe.handle = ? and p.key = ?",
				String.class, maintainer, this.key);
		this.mvc
			.perform(post(session + "/positions/" + maintainer + "/confirmation")
				.session(SignIn.as(this.mvc, maintainer, Fixture.PASSWORD))
				.with(csrf())
				.param("version", version)
				.param("proposal", this.key))
			.andExpect(status().is3xxRedirection());
		// Its arrows are the pages' own (→), never an ASCII "->".
		assertThat(page("/proposals/" + this.key).select("ol.timeline li").eachText())
			.anySatisfy((entry) -> assertThat(entry).endsWith(maintainer + ": none → Acked-by"))
			.anySatisfy((entry) -> assertThat(entry).endsWith(maintainer + ": confirmed Acked-by"))
			.noneSatisfy((entry) -> assertThat(entry).contains(maintainer + ": Acked-by → Acked-by"))
			.noneSatisfy((entry) -> assertThat(entry).contains("->"));
		// The text export writes the same arrow throughout, as the text minutes do.
		for (String format : new String[] { "txt", "md" }) {
			assertThat(this.mvc.perform(get("/proposals/" + this.key + "." + format))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(format)
				.contains(maintainer + ": none → Acked-by")
				.doesNotContain("->");
		}
	}

	@Test
	void theListFiltersByEventAndStatus() throws Exception {
		assertThat(page("/proposals?event=" + this.name + "-b").select("table.proposals code").eachText())
			.contains(this.key)
			.doesNotContain(this.name + "-c-session");
		assertThat(page("/proposals?status=open").select("table.proposals").text()).isNotEmpty();
		assertThat(page("/proposals?status=rejected&event=" + this.name + "-b").select("table.proposals")).isEmpty();
		this.mvc.perform(get("/proposals").param("status", "bogus")).andExpect(status().isBadRequest());
	}

	@Test
	void theHistoryExportsAsMarkdownAndText() throws Exception {
		this.jdbc.update("update proposal set statement = ? where key = ?",
				"Adopt the proposal across every summit, so that maintainers can read one history of it from the"
						+ " first session that discussed it to the last one, in a mail to the list.",
				this.key);
		String markdown = this.mvc.perform(get("/proposals/" + this.key + ".md"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(markdown).startsWith("# Proposal " + this.key)
			.contains("## Positions, session by session", "concern-0", "Event " + this.name + "-c");
		String text = this.mvc.perform(get("/proposals/" + this.key + ".txt"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(text).contains("Timeline\n--------").doesNotContain("## ");
		// Each heading has a blank line above it, the timeline's summits too, and lines
		// are wrapped at 72 columns as the text minutes are (a single longer word, such
		// as a link, stands alone).
		String[] lines = text.split("\n", -1);
		int headings = 0;
		for (int i = 1; i + 1 < lines.length; i++) {
			if (!lines[i].isEmpty() && lines[i + 1].matches("[-=]+") && lines[i + 1].length() == lines[i].length()) {
				headings++;
				assertThat(lines[i - 1]).as("the line above " + lines[i]).isEmpty();
			}
		}
		assertThat(headings).isGreaterThan(6);
		assertThat(lines)
			.allSatisfy((line) -> assertThat(line.length() <= 72 || !line.strip().contains(" ")).as(line).isTrue());
		this.mvc.perform(get("/proposals/" + this.key + ".pdf")).andExpect(status().isNotFound());
		this.mvc.perform(get("/proposals/no-such-proposal")).andExpect(status().isNotFound());
	}

	/**
	 * A proposal may gather thousands of concerns and notes: its page shows the first
	 * concerns and a page of the timeline, and its history has them all, written as they
	 * are read (a proposal with 5,000 concerns and 2,000 notes of 10 KB made an 84 MB
	 * page and ran the history export out of memory).
	 */
	@Test
	void aProposalWithMoreThanAPageShowsAPageAndItsHistoryHasThemAll() throws Exception {
		int many = Math.max(ProposalController.CONCERNS_PAGE, ProposalController.TIMELINE_PAGE) + 5;
		this.jdbc.update("""
				insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id)
				select c.session_id, 'many-' || g, 'Many ' || g, c.category_id, c.raised_by_id, c.proposal_id
				from concern c join proposal p on p.id = c.proposal_id, generate_series(1, ?) g
				where p.key = ? and c.key = 'concern-0'""", many, this.key);
		Document page = page("/proposals/" + this.key);
		assertThat(page.select("table.concerns tbody tr")).hasSize(ProposalController.CONCERNS_PAGE);
		assertThat(page.select("section[aria-labelledby=concerns] p.meta").text())
			.contains((many + 2) + " in all: the history has them all");
		// The concerns list has them all, a page at a time.
		String all = page.select("section[aria-labelledby=concerns] p.meta a[href^=/concerns]").attr("href");
		assertThat(all).isEqualTo("/concerns?proposal=" + this.key);
		assertThat(page(all).select("h2#results").text()).isEqualTo((many + 2) + " concerns");
		// Each concern was raised: more entries than a page of the timeline.
		assertThat(page.select("ol.timeline li")).hasSize(ProposalController.TIMELINE_PAGE);
		assertThat(page.select("nav.timeline-pager a[rel=next]").attr("href"))
			.isEqualTo("/proposals/" + this.key + "?page=2#timeline");
		Document second = page("/proposals/" + this.key + "?page=2");
		assertThat(second.select("ol.timeline").attr("start"))
			.isEqualTo(String.valueOf(ProposalController.TIMELINE_PAGE + 1));
		assertThat(second.select("ol.timeline li").text()).contains("Many " + many);
		assertThat(pastTheEnd("/proposals/" + this.key + "?page=99").select("p.past-end").text())
			.startsWith("Page 99 of this proposal's timeline is past the end: there are ");
		// The concerns a page at a time on the page itself, each pager keeping the other
		// sections' pages.
		int pages = (many + 2 + ProposalController.CONCERNS_PAGE - 1) / ProposalController.CONCERNS_PAGE;
		assertThat(page.select("nav.concerns-pager span").text()).isEqualTo("Page 1 of " + pages);
		assertThat(page.select("nav.concerns-pager a[rel=next]").attr("href"))
			.isEqualTo("/proposals/" + this.key + "?concerns=2#concerns");
		Document concerns = page("/proposals/" + this.key + "?concerns=2&page=2");
		assertThat(concerns.select("table.concerns tbody tr code").eachText()).hasSize(ProposalController.CONCERNS_PAGE)
			.startsWith("many-" + (ProposalController.CONCERNS_PAGE - 1))
			.doesNotContain("concern-0", "many-1");
		assertThat(concerns.select("ol.timeline").attr("start"))
			.isEqualTo(String.valueOf(ProposalController.TIMELINE_PAGE + 1));
		assertThat(concerns.select("nav.concerns-pager a[rel=prev]").attr("href"))
			.isEqualTo("/proposals/" + this.key + "?page=2#concerns");
		assertThat(concerns.select("nav.timeline-pager a[rel=prev]").attr("href"))
			.isEqualTo("/proposals/" + this.key + "?concerns=2#timeline");
		Document last = page("/proposals/" + this.key + "?concerns=" + pages);
		assertThat(last.select("table.concerns tbody tr code").eachText()).endsWith("many-" + many);
		assertThat(last.select("nav.concerns-pager a[rel=next]")).isEmpty();
		// Past the last page: not found, how many pages there are, a link to the last.
		Document past = pastTheEnd("/proposals/" + this.key + "?concerns=99&page=2");
		assertThat(past.select("p.past-end").text())
			.isEqualTo("Page 99 of this proposal's concerns is past the end: there are " + pages + " pages.");
		assertThat(past.select("a.last-page").attr("href"))
			.isEqualTo("/proposals/" + this.key + "?concerns=" + pages + "&page=2#concerns");
		this.mvc.perform(get("/proposals/" + this.key).param("concerns", "x")).andExpect(status().isBadRequest());
		String markdown = this.mvc.perform(get("/proposals/" + this.key + ".md"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(markdown).contains("- many-" + many + " (open)", "raised many-" + many + ": Many " + many);
		this.mvc.perform(get("/proposals/" + this.key).param("page", "x")).andExpect(status().isBadRequest());
	}

	@Test
	void theProposalPageReadsInTheSameStatementsAtTenTimesTheSessions() throws Exception {
		long three = statements();
		for (int i = 0; i < 27; i++) {
			String more = this.name + "-x" + i;
			this.fixture.session(more, 1, 1, 1);
			discussAt(more);
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from session_proposal sp join proposal p on p.id = sp.proposal_id where p.key = ?",
				Long.class, this.key))
			.isEqualTo(30);
		assertThat(statements()).isEqualTo(three).isLessThanOrEqualTo(12);
		// The movement table has a column for each of the last sessions, and links to
		// the earlier ones.
		Document page = page("/proposals/" + this.key);
		String base = "/proposals/" + this.key;
		assertThat(page.select("table.movements thead th")).hasSize(ProposalController.COLUMNS + 1);
		assertThat(page.select("tr#moved-" + this.person + " td")).hasSize(ProposalController.COLUMNS);
		assertThat(page.select("nav.columns span").text()).isEqualTo("Sessions 21 to 30 of 30");
		assertThat(page.select("nav.columns a[rel=prev]").attr("href")).isEqualTo(base + "?sessions=2#movements");
		assertThat(page.select("nav.columns a[rel=next]")).isEmpty();
		Document first = page(base + "?sessions=3&movements=1");
		assertThat(first.select("nav.columns span").text()).isEqualTo("Sessions 1 to 10 of 30");
		assertThat(first.select("nav.columns a[rel=prev]")).isEmpty();
		assertThat(first.select("nav.columns a[rel=next]").attr("href")).isEqualTo(base + "?sessions=2#movements");
		assertThat(first.select("table.movements thead th").eachText()).containsSubsequence("Event " + this.name + "-a",
				"Event " + this.name + "-b", "Event " + this.name + "-c");
		// p0's stance moved at the second session.
		assertThat(first.select("tr#moved-" + this.person + " td").eachText())
			.satisfies((cells) -> assertThat(cells.get(1)).isEqualTo(cells.get(2)).isNotEqualTo(cells.get(0)));
		// Past the earliest sessions: not found, with a link to the earliest.
		Document past = pastTheEnd(base + "?sessions=99");
		assertThat(past.select("p.past-end").text())
			.isEqualTo("Page 99 of the sessions of the movement table is past the end: there are 3 pages.");
		assertThat(past.select("a.last-page").attr("href")).isEqualTo(base + "?sessions=3#movements");
		assertThat(page(base + "?sessions=0").select("nav.columns span").text()).isEqualTo("Sessions 21 to 30 of 30");
	}

	/**
	 * A proposal discussed at more sessions than a page of "Discussed at" shows: a page
	 * of them with a pager of its own (the other sections' pages kept in its links,
	 * theirs keeping it), the number of all, and the same statements on every page.
	 */
	@Test
	void theSessionsThatDiscussedItArePagedOnThePage() throws Exception {
		int all = ProposalController.SHOWN + 2;
		for (int i = 3; i < all; i++) {
			String more = this.name + "-d" + i;
			this.fixture.session(more, 0, 0, 0);
			discussAt(more);
		}
		String base = "/proposals/" + this.key;
		long firstStatements = requestStatements(base);
		Document page = page(base);
		assertThat(page.select("ol.proposal-sessions li")).hasSize(ProposalController.SHOWN);
		assertThat(page.select("ol.proposal-sessions li").first().text()).contains("Event " + this.name + "-a");
		assertThat(page.select("nav.sessions-pager span").text()).isEqualTo("Page 1 of 2");
		assertThat(page.select("nav.sessions-pager a[rel=prev]")).isEmpty();
		assertThat(page.select("nav.sessions-pager a[rel=next]").attr("href"))
			.isEqualTo(base + "?discussed=2#sessions");
		assertThat(page.select("section[aria-labelledby=sessions] p.meta").text())
			.contains(all + " in all: the history has them all");
		Document second = page(base + "?discussed=2&sessions=2");
		assertThat(second.select("ol.proposal-sessions li")).hasSize(2);
		assertThat(second.select("ol.proposal-sessions li").text()).doesNotContain("Event " + this.name + "-a ");
		assertThat(second.select("nav.sessions-pager span").text()).isEqualTo("Page 2 of 2");
		assertThat(second.select("nav.sessions-pager a[rel=next]")).isEmpty();
		assertThat(second.select("nav.sessions-pager a[rel=prev]").attr("href"))
			.isEqualTo(base + "?sessions=2#sessions");
		assertThat(second.select("nav.columns a[rel=next]").attr("href")).isEqualTo(base + "?discussed=2#movements");
		assertThat(requestStatements(base + "?discussed=2")).isEqualTo(firstStatements);
		// Past the last page: not found, how many pages there are, a link to the last;
		// read in no more statements than a page.
		Document past = pastTheEnd(base + "?discussed=99");
		assertThat(past.select("p.past-end").text())
			.isEqualTo("Page 99 of the sessions that discussed this proposal is past the end: there are 2 pages.");
		assertThat(past.select("a.last-page").attr("href")).isEqualTo(base + "?discussed=2#sessions");
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		pastTheEnd(base + "?discussed=99");
		assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(firstStatements);
		this.mvc.perform(get(base).param("discussed", "x")).andExpect(status().isBadRequest());
	}

	/**
	 * A proposal whose concerns were each answered many times and whose positions moved
	 * for more people than a page shows: each concern shows its last steps and links to
	 * its own page for the earlier ones, the first people are shown with the number of
	 * all, and the page reads in the statements of the small proposal (on skewed data the
	 * concerns table was 12.7 MB, every step of every concern).
	 */
	@Test
	void aProposalWithManyStepsAndMovedPositionsShowsTheLastStepsAndTheFirstPeople() throws Exception {
		long few = statements();
		int many = 4 * ProposalController.CONCERNS_PAGE + 5;
		String session = "(select s.id from summit_session s where s.slug = '" + this.name + "-a-session')";
		this.jdbc.update("""
				insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id)
				select c.session_id, 'stepped-' || g, 'Stepped ' || g, c.category_id, c.raised_by_id, c.proposal_id
				from concern c join proposal p on p.id = c.proposal_id, generate_series(1, ?) g
				where p.key = ? and c.key = 'concern-0'""", many, this.key);
		// concern-0 is answered 12 times, every other concern 3 times.
		this.jdbc.update("""
				insert into concern_response (concern_id, author_id, body, session_id)
				select c.id, c.raised_by_id, 'Answer ' || g, c.session_id
				from concern c join proposal p on p.id = c.proposal_id, generate_series(1, 12) g
				where p.key = ? and (c.key = 'concern-0' or g <= 3)""", this.key);
		this.jdbc.update("insert into person (handle, name) select ? || '-m' || n, 'Moved ' || lpad(n::text, 3, '0')"
				+ " from generate_series(1, ?) n", this.name, many);
		this.jdbc.update(
				"insert into position (session_id, person_id, stance, entry_method, entered_by_id,"
						+ " proposal_id) select " + session + ", pe.id, 'SUPPORTS', 'BY_MAINTAINER', pe.id, p.id"
						+ " from person pe, proposal p where pe.handle like ? and p.key = ?",
				this.name + "-m%", this.key);
		this.jdbc.update("insert into position_change (position_id, new_stance, entry_method, entered_by_id,"
				+ " session_id, kind) select x.id, 'SUPPORTS', 'BY_MAINTAINER', x.person_id, x.session_id, 'STATED'"
				+ " from position x join person pe on pe.id = x.person_id where pe.handle like ?", this.name + "-m%");
		long people = this.jdbc.queryForObject("""
				select count(distinct x.person_id) from position_change c join position x on x.id = c.position_id
				join proposal p on p.id = x.proposal_id where p.key = ?""", Long.class, this.key);

		assertThat(statements()).isEqualTo(few);
		assertThat(statements(2)).isEqualTo(few);
		Document page = page("/proposals/" + this.key);
		assertThat(page.select("table.concerns tbody tr")).hasSize(ProposalController.CONCERNS_PAGE);
		assertThat(page.select("section[aria-labelledby=concerns] p.meta").text())
			.contains((many + 2) + " in all: the history has them all");
		var first = page.select("table.concerns tbody tr").first();
		assertThat(first.select("code").text()).isEqualTo("concern-0");
		assertThat(first.select("ol.concern-steps li:not(.earlier-steps)")).hasSize(ProposalLife.STEPS_SHOWN);
		// The steps were all taken in one session: it is named once, not on each step.
		assertThat(first.select("ol.concern-steps li:not(.earlier-steps) span")).hasSize(1);
		assertThat(first.select("ol.concern-steps li:not(.earlier-steps) a")).hasSize(ProposalLife.STEPS_SHOWN);
		long steps = this.jdbc.queryForObject(
				"""
						select (select count(*) from concern_response a where a.concern_id = c.id)
						     + (select count(*) from concern_status_change h where h.concern_id = c.id and h.from_status is not null)
						     + (select count(*) from concern_reraise x where x.concern_id = c.id)
						from concern c join proposal p on p.id = c.proposal_id where p.key = ? and c.key = 'concern-0'""",
				Long.class, this.key);
		assertThat(first.select("li.earlier-steps a").text())
			.isEqualTo((steps - ProposalLife.STEPS_SHOWN) + " earlier steps");
		String concernPage = "/events/" + this.name + "-a/sessions/" + this.name + "-a-session/concerns/concern-0";
		assertThat(first.select("li.earlier-steps a").attr("href")).isEqualTo(concernPage);
		assertThat(page(concernPage).text()).contains("Answer 1", "Answer 12");
		assertThat(page.select("table.concerns tbody tr")
			.stream()
			.filter((row) -> row.select("code").text().equals("stepped-1"))
			.findFirst()
			.orElseThrow()
			.select("ol.concern-steps li")).hasSize(3);
		assertThat(page.select("table.movements tbody tr")).hasSize(ProposalController.PEOPLE_PAGE);
		assertThat(page.select("ul.position-moves li")).hasSize(ProposalController.PEOPLE_PAGE);
		assertThat(page.select("section[aria-labelledby=movements] p.meta").text())
			.contains(people + " in all: the history has them all");
		// Everyone whose position moved, a page at a time: the last page has the last.
		long pages = (people + ProposalController.PEOPLE_PAGE - 1) / ProposalController.PEOPLE_PAGE;
		assertThat(page.select("nav.movements-pager span").text()).isEqualTo("Page 1 of " + pages);
		Document lastPeople = page("/proposals/" + this.key + "?movements=" + pages);
		assertThat(lastPeople.select("table.movements tbody tr th a").eachText())
			.hasSize((int) (people - (pages - 1) * ProposalController.PEOPLE_PAGE));
		assertThat(lastPeople.select("nav.movements-pager a[rel=prev]").attr("href"))
			.isEqualTo("/proposals/" + this.key + "?movements=" + (pages - 1) + "#movements");
		assertThat(lastPeople.select("table.concerns tbody tr code").first().text()).isEqualTo("concern-0");
		assertThat(pastTheEnd("/proposals/" + this.key + "?movements=99").select("p.past-end").text())
			.isEqualTo("Page 99 of the people whose positions on this proposal moved is past the end: there are "
					+ pages + " pages.");
		// The history has every step and everyone.
		String markdown = this.mvc.perform(get("/proposals/" + this.key + ".md"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long answers = this.jdbc.queryForObject(
				"select count(*) from concern_response a join concern c"
						+ " on c.id = a.concern_id join proposal p on p.id = c.proposal_id where p.key = ?",
				Long.class, this.key);
		assertThat(markdown.split("answered at ", -1)).hasSize((int) answers + 1);
		assertThat(markdown).contains("- " + this.name + "-m" + many + ": ");
	}

	/**
	 * The history hands its concerns over a few hundred at a time, each with every step,
	 * the open ones first, across the reads: on skewed data it held 5,000 concerns with
	 * their 130,000 steps before writing its first concern (2.8 s to the first byte).
	 */
	/**
	 * A concern's last steps are the last in the order the sessions they were taken in
	 * were held, whatever the order of the sessions' ids and of the steps' times: here
	 * the first session held (c, moved to 2020) has the latest answers and the largest
	 * id, and the last one held (b) the earliest answers. They are read session by
	 * session, the latest first (V110), not by sorting all of them.
	 */
	@Test
	void aConcernsLastStepsAreThoseOfTheLastSessionsHeld() {
		held(this.name + "-c", 2020);
		String concern = "(select c.id from concern c join proposal p on p.id = c.proposal_id"
				+ " where p.key = ? and c.key = 'concern-0')";
		String session = "(select s.id from summit_session s where s.slug = ?)";
		// Answered in c (held first) last of all, in a (the concern's own) in between, in
		// b (held last) first of all; in a it was also resolved.
		for (String[] answers : new String[][] { { "c", "2025-03-0", "4" }, { "a", "2024-03-0", "3" },
				{ "b", "2023-03-0", "2" } }) {
			this.jdbc.update(
					"insert into concern_response (concern_id, author_id, body, session_id, created_at)" + " select "
							+ concern + ", (select min(id) from person), 'In ' || ? || g, " + session
							+ ", (? || g || 'T10:00:00Z')::timestamptz from generate_series(1, ?) g",
					this.key, answers[0], this.name + "-" + answers[0] + "-session", answers[1],
					Integer.parseInt(answers[2]));
		}
		this.jdbc.update("insert into concern_status_change (concern_id, from_status, to_status, changed_by,"
				+ " changed_at, session_id) select " + concern + ", 'OPEN', 'RESOLVED', 'life-org',"
				+ " '2024-03-02T12:00:00Z'::timestamptz, " + session, this.key, this.name + "-a-session");
		List<String> expected = this.jdbc.queryForList("""
				select t.kind || ' ' || t.at from (
				  select a.created_at as at, 'ANSWERED' as kind, a.id as seq, a.session_id from concern_response a
				  where a.concern_id = %1$s
				  union all
				  select h.changed_at, 'CONCERN', h.id, h.session_id from concern_status_change h
				  where h.concern_id = %1$s and h.from_status is not null
				  union all
				  select x.raised_at, 'RERAISED', x.id, x.session_id from concern_reraise x where x.concern_id = %1$s) t
				join summit_session s on s.id = t.session_id join event e on e.id = s.event_id
				order by e.starts_on desc, s.schedule_order desc, s.id desc, t.at desc, t.kind desc, t.seq desc
				limit %2$d""".formatted(concern, ProposalLife.STEPS_SHOWN), String.class, this.key, this.key, this.key);
		java.util.Collections.reverse(expected);
		// Two answers in a, before and after it was resolved there, then b's two.
		assertThat(expected).hasSize(ProposalLife.STEPS_SHOWN)
			.endsWith("ANSWERED 2023-03-01 10:00:00+00", "ANSWERED 2023-03-02 10:00:00+00");
		assertThat(expected.get(1)).startsWith("CONCERN ");
		ProposalLife.ConcernLine line = new ProposalLife(this.jdbc, this.buyIn, NOTHING_KEPT)
			.of(this.key, ProposalController.SHOWN)
			.orElseThrow()
			.concerns()
			.stream()
			.filter((c) -> c.key().equals("concern-0"))
			.findFirst()
			.orElseThrow();
		assertThat(line.steps().stream().map((e) -> e.kind() + " " + e.at()).toList())
			.isEqualTo(expected.stream().map((e) -> e.replaceFirst(" (\\S+) (\\S+)\\+00$", " $1T$2Z")).toList());
		assertThat(line.steps().stream().map((e) -> e.session().sessionSlug()).toList()).containsExactly(
				this.name + "-a-session", this.name + "-a-session", this.name + "-a-session", this.name + "-b-session",
				this.name + "-b-session");
		long all = this.jdbc.queryForObject("select (select count(*) from concern_response where concern_id = %1$s)"
			.formatted(concern)
				+ " + (select count(*) from concern_status_change where concern_id = %1$s and from_status is not null)"
					.formatted(concern)
				+ " + (select count(*) from concern_reraise where concern_id = %1$s)".formatted(concern), Long.class,
				this.key, this.key, this.key);
		assertThat(line.earlier()).isEqualTo(all - ProposalLife.STEPS_SHOWN);
	}

	@Test
	void theHistoryWritesItsConcernsAFewHundredAtATimeOpenOnesFirst() throws Exception {
		int many = ProposalLife.CONCERNS_AT_ONCE + 10;
		this.jdbc.update("""
				insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id, status)
				select c.session_id, 'batch-' || g, 'Batch ' || g, c.category_id, c.raised_by_id, c.proposal_id,
				       case when g % 3 = 0 then 'RESOLVED' else 'OPEN' end
				from concern c join proposal p on p.id = c.proposal_id, generate_series(1, ?) g
				where p.key = ? and c.key = 'concern-0'""", many, this.key);
		// The last concern raised is answered twice.
		this.jdbc.update("""
				insert into concern_response (concern_id, author_id, body, session_id)
				select c.id, c.raised_by_id, 'Answer ' || g, c.session_id
				from concern c join proposal p on p.id = c.proposal_id, generate_series(1, 2) g
				where p.key = ? and c.key = ?""", this.key, "batch-" + (many - 1));
		List<String> statements = new ArrayList<>();
		ProposalLife life = new ProposalLife(
				new JdbcTemplate(counting(this.jdbc.getDataSource(), new AtomicLong(), statements)), this.buyIn,
				NOTHING_KEPT);
		ProposalLife.Life found = life.forHistory(this.key).orElseThrow();
		List<ProposalLife.ConcernLine> handed = new ArrayList<>();
		int[] readBeforeTheFirst = { -1 };
		life.eachConcern(found, (c) -> {
			if (handed.isEmpty()) {
				readBeforeTheFirst[0] = (int) statements.stream().filter((sql) -> sql.contains("r.handle")).count();
			}
			handed.add(c);
		});
		long total = this.jdbc.queryForObject(
				"select count(*) from concern c join proposal p on p.id = c.proposal_id where p.key = ?", Long.class,
				this.key);
		assertThat(handed).hasSize((int) total);
		assertThat(readBeforeTheFirst[0]).as("reads of concerns before the first was handed over").isEqualTo(1);
		assertThat(statements.stream().filter((sql) -> sql.contains("r.handle")).count())
			.isEqualTo(total / ProposalLife.CONCERNS_AT_ONCE + 1);
		int firstClosed = 0;
		while (handed.get(firstClosed).isOpen()) {
			firstClosed++;
		}
		assertThat(handed.subList(firstClosed, handed.size())).noneMatch(ProposalLife.ConcernLine::isOpen);
		assertThat((long) firstClosed).isEqualTo(this.jdbc.queryForObject(
				"select count(*) from concern c join proposal p on p.id = c.proposal_id where p.key = ? and c.status = 'OPEN'",
				Long.class, this.key));
		ProposalLife.ConcernLine answered = handed.stream()
			.filter((c) -> c.key().equals("batch-" + (many - 1)))
			.findFirst()
			.orElseThrow();
		assertThat(answered.steps()).extracting(ProposalLife.Entry::kind)
			.containsExactly("RAISED", "ANSWERED", "ANSWERED");
		// The export writes them in that order, each with its steps.
		String markdown = this.mvc.perform(get("/proposals/" + this.key + ".md"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String concerns = markdown.substring(markdown.indexOf("## Concerns"), markdown.indexOf("## Discussed at"));
		assertThat(concerns.lines().filter((l) -> l.startsWith("- ")).map((l) -> l.substring(2, l.indexOf(' ', 2))))
			.containsExactlyElementsOf(handed.stream().map(ProposalLife.ConcernLine::key).toList());
		assertThat(concerns).contains("- batch-" + (many - 1) + " (open): Batch " + (many - 1) + "; raised by ");
		assertThat(concerns.substring(concerns.indexOf("- batch-" + (many - 1) + " ")).lines().skip(1).limit(2))
			.allMatch((l) -> l.startsWith("  - answered at "));
	}

	/**
	 * A page of the timeline sorts narrow rows and reads the texts of the rows it keeps
	 * only, through indexes: the rows of a proposal of the skewed data set (131,563, with
	 * their notes' and answers' text) were sorted whole for each page (0.6 s).
	 */
	@Test
	void theTimelineSortsNarrowRowsAndReadsTheTextsOfItsPageOnly() throws Exception {
		int notes = ProposalController.TIMELINE_PAGE + 50;
		this.jdbc.update("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body)
				select s.id, 1000 + g, (select min(id) from person), 'REMARK', repeat('A long note. ', 300) || g
				from summit_session s, generate_series(1, ?) g where s.slug = ?""", notes, this.name + "-a-session");
		this.jdbc.execute("analyze discussion_note");
		List<String> statements = new ArrayList<>();
		ProposalLife life = new ProposalLife(
				new JdbcTemplate(counting(this.jdbc.getDataSource(), new AtomicLong(), statements)), this.buyIn,
				NOTHING_KEPT);
		ProposalLife.Life found = life.of(this.key, ProposalController.SHOWN).orElseThrow();
		var page = life.timeline(found, PageRequest.of(0, ProposalController.TIMELINE_PAGE));
		assertThat(page.getContent()).hasSize(ProposalController.TIMELINE_PAGE);
		assertThat(page.getTotalElements()).isGreaterThan(notes);
		assertThat(page.getContent().stream().filter((e) -> "NOTE".equals(e.kind())).map(ProposalLife.Entry::text))
			.anyMatch((text) -> text.startsWith("A long note. "));
		String timeline = statements.stream()
			.filter((sql) -> sql.contains("cross join lateral") && sql.contains("offset ?"))
			.findFirst()
			.orElseThrow();
		Long id = this.jdbc.queryForObject("select id from proposal where key = ?", Long.class, this.key);
		int size = ProposalController.TIMELINE_PAGE;
		// The proposal for each of five counts and the sessions, a page of each kind, the
		// page.
		Object[] arguments = { id, id, id, id, id, id, size, id, size, id, size, id, size, id, size, id, size, id, size,
				id, size, size, 0 };
		JsonNode plan = plan(timeline, false, arguments);
		// The rows sorted for the limit are narrow: no note's text (3.9 KB each here).
		JsonNode sorted = sortUnderLimit(plan);
		assertThat(sorted).as("the sort a page is cut from").isNotNull();
		assertThat(sorted.path("Plan Width").asInt()).as("bytes a sorted row").isLessThan(500);
		// Read through indexes: with sequential scans discouraged, none is left.
		assertThat(scans(plan(timeline, true, arguments), new ArrayList<>())).doesNotContain("discussion_note",
				"concern_response", "concern_status_change", "position_change", "concern", "resolution");
	}

	/**
	 * The plan of the statement with these arguments, sequential scans discouraged or
	 * not.
	 */
	private JsonNode plan(String sql, boolean indexes, Object... arguments) {
		return this.jdbc.execute((Connection connection) -> {
			try (var statement = connection.createStatement()) {
				statement.execute("set enable_seqscan = " + !indexes);
			}
			try (var explain = connection.prepareStatement("explain (format json) " + sql)) {
				for (int i = 0; i < arguments.length; i++) {
					explain.setObject(i + 1, arguments[i]);
				}
				try (var result = explain.executeQuery()) {
					result.next();
					return JsonMapper.builder().build().readTree(result.getString(1)).get(0).get("Plan");
				}
			}
			finally {
				try (var statement = connection.createStatement()) {
					statement.execute("reset enable_seqscan");
				}
			}
		});
	}

	/** The sort right under the first limit (its init plans aside), or null. */
	private static JsonNode sortUnderLimit(JsonNode node) {
		if ("Limit".equals(node.path("Node Type").asString())) {
			for (JsonNode child : node.path("Plans")) {
				if (!"InitPlan".equals(child.path("Parent Relationship").asString())) {
					return child.path("Node Type").asString().endsWith("Sort") ? child : null;
				}
			}
		}
		for (JsonNode child : node.path("Plans")) {
			JsonNode found = sortUnderLimit(child);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** The tables scanned sequentially in the plan. */
	private static List<String> scans(JsonNode node, List<String> tables) {
		if ("Seq Scan".equals(node.path("Node Type").asString())) {
			tables.add(node.path("Relation Name").asString());
		}
		node.path("Plans").forEach((child) -> scans(child, tables));
		return tables;
	}

	/**
	 * Statements the proposal page's reading takes (its life and a page of its timeline),
	 * by JDBC and by Hibernate.
	 */
	private long statements() throws Exception {
		return statements(1);
	}

	/** The statements of page {@code page} of each section. */
	private long statements(int page) throws Exception {
		AtomicLong jdbcStatements = new AtomicLong();
		DataSource counting = counting(this.jdbc.getDataSource(), jdbcStatements);
		ProposalLife life = new ProposalLife(new JdbcTemplate(counting), this.buyIn, NOTHING_KEPT);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		ProposalLife.Life found = life
			.of(this.key, Pages.request(page, ProposalController.CONCERNS_PAGE),
					Pages.request(page, ProposalController.PEOPLE_PAGE))
			.orElseThrow();
		assertThat(life.timeline(found, Pages.request(page, ProposalController.TIMELINE_PAGE))).isNotEmpty();
		return jdbcStatements.get() + statistics.getPrepareStatementCount();
	}

	/** The statements Hibernate prepares for a request of the page. */
	private long requestStatements(String url) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		page(url);
		return statistics.getPrepareStatementCount();
	}

	private static DataSource counting(DataSource target, AtomicLong count) {
		return counting(target, count, new ArrayList<>());
	}

	/** Counts the statements prepared, and keeps their text. */
	private static DataSource counting(DataSource target, AtomicLong count, List<String> statements) {
		InvocationHandler dataSource = (proxy, method, args) -> {
			Object result = method.invoke(target, args);
			if (result instanceof Connection connection) {
				return Proxy.newProxyInstance(ProposalPagesTests.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (p, m, a) -> {
							if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
								count.incrementAndGet();
								if (a != null && a.length > 0 && a[0] instanceof String sql) {
									statements.add(sql);
								}
							}
							return m.invoke(connection, a);
						});
			}
			return result;
		};
		return (DataSource) Proxy.newProxyInstance(ProposalPagesTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, dataSource);
	}

	private void held(String event, int year) {
		this.jdbc.update("update event set starts_on = ?, ends_on = ? where slug = ?", LocalDate.of(year, 9, 1),
				LocalDate.of(year, 9, 2), event);
	}

	private void discussAt(String event) {
		Proposal proposal = this.proposalRepository.findByKey(this.key).orElseThrow();
		this.proposals.link(this.sessions.findBySlugs(event, event + "-session").orElseThrow(), proposal);
	}

	private Document page(String url) throws Exception {
		return answer(url, 200);
	}

	/** A page asked past the end of a section: not found. */
	private Document pastTheEnd(String url) throws Exception {
		return answer(url, 404);
	}

	private Document answer(String url, int status) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(url).accept(MediaType.TEXT_HTML))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
