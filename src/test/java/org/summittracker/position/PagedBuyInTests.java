package org.summittracker.position;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.minutes.MinutesDocuments;
import org.summittracker.shared.Pages;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The buy-in pages and the positions API read the rows of the page asked for, not every
 * position: each page is the matching slice of the whole table (order, rows, counts), and
 * a crowded session's pages read as many statements as a small one's, whatever the page.
 * Statements are counted on the connections ({@code /benchmark/statements}). The demo is
 * loaded only to share the context of the other classes that count statements
 * (MinutesExportTests, FlowingMinutesTests); the sessions here are the test's own.
 */
@SummitIntegrationTest(properties = { "summit.demo-data.enabled=true", "summit.benchmark.enabled=true" })
class PagedBuyInTests {

	/** Positions on the crowded session's main proposal: several pages of rows. */
	static final int CROWDED = 260;

	private static final Pattern ROW = Pattern.compile("<tr id=\"position-([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	BuyInQueries buyIn;

	@Autowired
	MinutesDocuments minutes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	private Fixture.Built crowded;

	private Fixture.Built small;

	private String sub;

	private long session;

	/**
	 * A crowded session: 260 positions on its main proposal, a sub-proposal with two
	 * thirds of them, people of the same name, a reviewer without a position, a
	 * maintainer of two subsystems, a maintainer whose position is withdrawn; and a small
	 * session.
	 */
	@BeforeEach
	void crowdedAndSmall() {
		this.crowded = this.fixture.newSession("buyin-pages", 1, 12, CROWDED);
		this.small = this.fixture.newSession("buyin-pages-small", 1, 3, 3);
		this.sub = this.fixture.subProposal(this.crowded.eventSlug(), this.crowded.slug(),
				this.crowded.slug() + "-part");
		this.session = this.jdbc.queryForObject(
				"select s.id from summit_session s join event e on e.id = s.event_id"
						+ " where e.slug = ? and s.slug = ?",
				Long.class, this.crowded.eventSlug(), this.crowded.slug());
		String people = this.crowded.slug() + "-p%";
		this.jdbc.update("""
				insert into position (session_id, person_id, stance, entry_method, entered_by_id, proposal_id)
				select ?, pe.id, 'UNDECIDED', 'STATED_IN_SESSION', pe.id, pr.id
				from person pe, proposal pr where pe.handle like ? and pe.id % 3 <> 0 and pr.key = ?""", this.session,
				people, this.sub);
		this.jdbc.update("update person set name = 'Same Name' where handle in (?, ?, ?)", this.crowded.person(40),
				this.crowded.person(41), this.crowded.person(140));
		String reviewer = this.fixture.person("buyin-pages-reviewer");
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) select pe.id, s.id, 'REVIEWER'"
						+ " from person pe, subsystem s where pe.handle = ? and s.slug = ?",
				reviewer, this.crowded.slug() + "-s2");
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) select pe.id, s.id, 'MAINTAINER'"
						+ " from person pe, subsystem s where pe.handle = ? and s.slug = ?",
				this.crowded.person(7), this.crowded.slug() + "-s3");
		this.jdbc.update("update position set withdrawn_at = updated_at where person_id ="
				+ " (select id from person where handle = ?) and proposal_id = (select id from proposal where key = ?)",
				this.crowded.person(1), this.crowded.slug());
	}

	@Test
	void aPageOfTheBoundedReadIsTheSliceOfTheWholeTable() {
		List<ProposalBuyIn> whole = this.buyIn.forProposals(this.session);
		assertThat(whole).hasSize(2);
		for (ProposalBuyIn all : whole) {
			long rows = all.buyIn().rowCount();
			assertThat(rows).isGreaterThan(SessionBuyIn.SHOWN);
			for (int size : new int[] { 1, 3, 7, 25, SessionBuyIn.SHOWN }) {
				int last = (int) ((rows + size - 1) / size);
				for (int page : new int[] { 1, 2, 3, last / 2, last - 1, last, last + 1, Integer.MAX_VALUE }) {
					Pageable pageable = Pages.request(page, size);
					ProposalBuyIn bounded = this.buyIn.shown(this.session, null, pageable)
						.proposals()
						.get(this.session)
						.stream()
						.filter((b) -> b.proposal().id().equals(all.proposal().id()))
						.findFirst()
						.orElseThrow();
					Page<SessionBuyIn.Row> expected = all.buyIn().rowsPage(pageable);
					Page<SessionBuyIn.Row> actual = bounded.buyIn().rowsPage(pageable);
					String at = all.proposal().key() + " page " + page + " of size " + size;
					assertThat(actual.getContent()).as(at).isEqualTo(expected.getContent());
					assertThat(actual.getTotalElements()).as(at).isEqualTo(expected.getTotalElements()).isEqualTo(rows);
					assertThat(actual.getTotalPages()).as(at).isEqualTo(expected.getTotalPages());
					assertThat(bounded.readiness().missing()).as(at).isEqualTo(all.readiness().missing());
					// the maintainers' and reviewers' positions and a page of others, no
					// more
					assertThat(bounded.buyIn().positions()).as(at)
						.hasSizeLessThanOrEqualTo(size + all.buyIn().maintainers().size());
				}
			}
		}
		// readiness alone (the affected-subsystems page, one person's position): no other
		// rows read, the same verdict and the reader's own position
		long reader = this.jdbc.queryForObject("select id from person where handle = ?", Long.class,
				this.crowded.person(249));
		BuyInQueries.Shown judged = this.buyIn.judged(this.session, reader);
		for (int i = 0; i < whole.size(); i++) {
			ProposalBuyIn all = whole.get(i);
			ProposalBuyIn read = judged.proposals().get(this.session).get(i);
			assertThat(read.readiness().missing()).isEqualTo(all.readiness().missing());
			assertThat(read.readiness().subsystems()).isEqualTo(all.readiness().subsystems());
			assertThat(read.buyIn().rowCount()).isEqualTo(all.buyIn().rowCount());
			assertThat(read.buyIn().positions()).hasSizeLessThanOrEqualTo(all.buyIn().maintainers().size());
			assertThat(judged.readerPositions().get(all.proposal().id())).isEqualTo(all.buyIn().positionOf(reader));
		}
		// the people of the same name are in the table, one after the other by id
		List<String> handles = whole.get(0).buyIn().rows().stream().map(SessionBuyIn.Row::handle).toList();
		assertThat(handles).containsSubsequence(this.crowded.person(40), this.crowded.person(41),
				this.crowded.person(140));
	}

	@Test
	void theBuyInPagesShowTheSliceAndReadAsManyStatementsAsASmallSessions() throws Exception {
		List<ProposalBuyIn> whole = this.buyIn.forProposals(this.session);
		long statements = statements(get(this.small.url() + "/buy-in"));
		for (ProposalBuyIn all : whole) {
			String query = all.proposal().key().equals(this.sub) ? "?proposal=" + this.sub + "&" : "?";
			int last = all.buyIn().rowsPage(1).getTotalPages();
			assertThat(last).isGreaterThan(1);
			for (int page : new int[] { 1, 2, last, last + 1 }) {
				String url = this.crowded.url() + "/buy-in" + query + "page=" + page;
				assertThat(statements(get(url))).as(url).isEqualTo(statements);
				String html = this.mvc.perform(get(url + "&n=" + System.nanoTime()))
					.andReturn()
					.getResponse()
					.getContentAsString();
				List<String> shown = new ArrayList<>();
				Matcher row = ROW.matcher(html);
				while (row.find()) {
					shown.add(row.group(1));
				}
				assertThat(shown).as(url)
					.isEqualTo(all.buyIn().rowsPage(page).getContent().stream().map(SessionBuyIn.Row::handle).toList());
				if (page <= last) {
					assertThat(html).as(url).contains("Page " + page + " of " + last);
				}
			}
		}
	}

	@Test
	void thePositionsListAnswersTheSliceOfTheWholeTableInAsManyStatements() throws Exception {
		String token = this.fixture.apiCaller("buyin-pages-api", false, Role.MAINTAINER).token();
		String small = "/api/v1/events/" + this.small.eventSlug() + "/sessions/" + this.small.slug() + "/positions";
		long statements = statements(Fixture.bearer(token, get(small + "?size=7")));
		String list = "/api/v1/events/" + this.crowded.eventSlug() + "/sessions/" + this.crowded.slug() + "/positions";
		// one person's position on the main proposal: their entry of the session's
		// minutes,
		// with its history
		this.jdbc.update(
				"update position set stance = 'SUPPORTS', conditions = null, rationale = null,"
						+ " version = version + 1 where person_id = (select id from person where handle = ?)",
				this.crowded.person(249));
		this.jdbc.update("""
				insert into position_change (position_id, session_id, old_stance, new_stance, entry_method,
					entered_by_id, changed_at, kind)
				select p.id, p.session_id, 'UNDECIDED', 'SUPPORTS', 'BY_MAINTAINER', p.person_id, p.updated_at,
					'CHANGED'
				from position p where p.person_id = (select id from person where handle = ?)""",
				this.crowded.person(249));
		this.jdbc.update("update position set entry_method = 'BY_MAIL', mail_message_id = '<v3-ack@example.org>',"
				+ " mail_trailer = 'ACKED', mail_version = 3 where person_id = (select id from person where handle = ?)"
				+ " and proposal_id = (select id from proposal where key = ?)", this.crowded.person(3),
				this.crowded.slug());
		List<JsonNode> minutes = this.minutes.of(this.session)
			.buyIn()
			.stream()
			.map((entry) -> this.json.readTree(this.json.writeValueAsString(entry)))
			.toList();
		for (String handle : List.of(this.crowded.person(1), this.crowded.person(3), this.crowded.person(7),
				this.crowded.person(249))) {
			String url = "/api/v1/events/" + this.crowded.eventSlug() + "/sessions/" + this.crowded.slug()
					+ "/positions/" + handle;
			JsonNode answer = this.json.readTree(
					this.mvc.perform(Fixture.bearer(token, get(url))).andReturn().getResponse().getContentAsString());
			JsonNode expected = minutes.stream()
				.filter((row) -> row.path("person").path("handle").asString().equals(handle))
				.findFirst()
				.orElseThrow();
			assertThat(answer.path("position")).as(url).isEqualTo(expected);
			// who entered it, with their email, as its history has them
			List<String> enteredBy = this.jdbc.queryForList(
					"select eb.email from position p join person eb on eb.id = p.entered_by_id join person pe"
							+ " on pe.id = p.person_id join proposal pr on pr.id = p.proposal_id"
							+ " where pe.handle = ? and pr.key = ? and p.withdrawn_at is null",
					String.class, handle, this.crowded.slug());
			assertThat(answer.path("position").path("enteredBy").path("email").asString(null)).as(url)
				.isEqualTo(enteredBy.isEmpty() ? null : enteredBy.get(0));
		}
		assertThat(minutes.stream()
			.filter((row) -> row.path("person").path("handle").asString().equals(this.crowded.person(249)))
			.findFirst()
			.orElseThrow()
			.path("history")).isNotEmpty();
		assertThat(minutes.stream()
			.filter((row) -> row.path("person").path("handle").asString().equals(this.crowded.person(3)))
			.findFirst()
			.orElseThrow()
			.path("mail")
			.path("messageId")
			.asString()).isEqualTo("<v3-ack@example.org>");
		for (ProposalBuyIn all : this.buyIn.forProposals(this.session)) {
			List<JsonNode> table = this.minutes.buyIn(all.buyIn())
				.stream()
				.map((entry) -> this.json.readTree(this.json.writeValueAsString(entry)))
				.toList();
			for (int size : new int[] { 7, 100 }) {
				int last = (table.size() + size - 1) / size;
				// Past the last page: a problem naming it, read in no more statements.
				String past = list + "?proposal=" + all.proposal().key() + "&size=" + size + "&page=" + (last + 1);
				assertThat(statements(Fixture.bearer(token, get(past)))).as(past).isLessThanOrEqualTo(statements);
				JsonNode problem = this.json.readTree(this.mvc.perform(Fixture.bearer(token, get(past)))
					.andExpect(status().isNotFound())
					.andReturn()
					.getResponse()
					.getContentAsString());
				assertThat(problem.path("lastPage").asInt()).as(past).isEqualTo(last);
				for (int page : new int[] { 1, Math.min(2, last), Math.max(1, last / 2), last }) {
					String url = list + "?proposal=" + all.proposal().key() + "&size=" + size + "&page=" + page;
					assertThat(statements(Fixture.bearer(token, get(url)))).as(url).isEqualTo(statements);
					JsonNode answer = this.json.readTree(this.mvc.perform(Fixture.bearer(token, get(url)))
						.andReturn()
						.getResponse()
						.getContentAsString());
					int from = Math.min((page - 1) * size, table.size());
					List<JsonNode> items = new ArrayList<>();
					answer.path("items").forEach(items::add);
					assertThat(items).as(url).isEqualTo(table.subList(from, Math.min(table.size(), from + size)));
					assertThat(items).as(url)
						.allSatisfy((item) -> assertThat(item.path("enteredBy").isNull()
								|| !item.path("enteredBy").path("email").asString("").isBlank())
							.isTrue());
					assertThat(answer.path("totalItems").asLong()).as(url).isEqualTo(table.size());
				}
			}
			// one person's position on the proposal: their row of the whole table
			for (String handle : List.of(this.crowded.person(3), this.crowded.person(7), this.crowded.person(249))) {
				String url = "/api/v1/events/" + this.crowded.eventSlug() + "/sessions/" + this.crowded.slug()
						+ "/proposals/" + all.proposal().key() + "/positions/" + handle;
				int status = this.mvc.perform(Fixture.bearer(token, get(url))).andReturn().getResponse().getStatus();
				if (status == 404) {
					assertThat(all.buyIn().positions()).noneMatch((p) -> p.handle().equals(handle));
					continue;
				}
				JsonNode answer = this.json.readTree(this.mvc.perform(Fixture.bearer(token, get(url)))
					.andReturn()
					.getResponse()
					.getContentAsString());
				JsonNode expected = table.stream()
					.filter((row) -> row.path("person").path("handle").asString().equals(handle))
					.findFirst()
					.orElseThrow();
				assertThat(answer.path("position")).as(url).isEqualTo(expected);
			}
		}
	}

	/**
	 * A position that cannot be read (an entry method the application does not know, its
	 * check dropped for the test) past the first pages of rows: every page without it
	 * answers, so no page reads a position outside its rows (a whole read fails).
	 */
	@Test
	void noPageReadsAPositionOutsideItsRows() throws Exception {
		ProposalBuyIn main = this.buyIn.forProposals(this.session).get(0);
		int at = 2 * SessionBuyIn.SHOWN + 30;
		SessionBuyIn.Row row = main.buyIn().rows().get(at);
		assertThat(row.maintains()).isEmpty();
		String poisoned = row.handle();
		String token = this.fixture.apiCaller("buyin-pages-poison", false, Role.MAINTAINER).token();
		String list = "/api/v1/events/" + this.crowded.eventSlug() + "/sessions/" + this.crowded.slug()
				+ "/positions?size=7&page=";
		this.jdbc.execute("alter table position drop constraint position_entry_method_ck");
		try {
			this.jdbc.update("update position set entry_method = 'POISON' where person_id ="
					+ " (select id from person where handle = ?) and proposal_id = (select id from proposal where key = ?)",
					poisoned, this.crowded.slug());
			for (String url : List.of(this.crowded.url(), this.crowded.url() + "/buy-in",
					this.crowded.url() + "/buy-in?page=2", "/proposals/" + this.crowded.slug())) {
				assertThat(this.mvc.perform(get(url)).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
			}
			for (int page : new int[] { 1, at / 7, at / 7 + 2 }) {
				assertThat(
						this.mvc.perform(Fixture.bearer(token, get(list + page))).andReturn().getResponse().getStatus())
					.as(list + page)
					.isEqualTo(200);
			}
		}
		finally {
			this.jdbc.update("update position set entry_method = 'STATED_IN_SESSION' where entry_method = 'POISON'");
			this.jdbc.execute("alter table position add constraint position_entry_method_ck check (entry_method in"
					+ " ('STATED_IN_SESSION', 'BY_MAINTAINER', 'BY_MAIL'))");
		}
	}

	/**
	 * The statements a request prepares, asked for again (nothing cached): the fewest of
	 * three tries, since the count is of every connection, and work in the background (a
	 * token's last use, the change stamps) may prepare some meanwhile.
	 */
	private long statements(MockHttpServletRequestBuilder request) throws Exception {
		this.mvc.perform(request);
		long fewest = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long before = statementsSoFar();
			this.mvc.perform(request.queryParam("n", Long.toString(System.nanoTime())));
			fewest = Math.min(fewest, statementsSoFar() - before);
		}
		return fewest;
	}

	private long statementsSoFar() throws Exception {
		return Long.parseLong(
				this.mvc.perform(get("/benchmark/statements")).andReturn().getResponse().getContentAsString().trim());
	}

}
