package org.summittracker.benchmark;

import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.account.Role;
import org.summittracker.minutes.MinutesDocuments;
import org.summittracker.position.BuyInQueries;
import org.summittracker.shared.CountedPage;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;
import org.summittracker.web.ProposalLife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The big lists read through indexes: for every statement the concerns and follow-ups
 * lists, the audit trail, a session's history and the person and subsystem pages send,
 * PostgreSQL's generic plan (the one used whatever the values) with sequential scans
 * discouraged must not scan a big table sequentially, and must use an index. The data is
 * the benchmark's generator at a hundredth of summit scale.
 */
// As SummitScaleDataTests, so the two share one application context and one data set.
@SummitIntegrationTest(properties = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
		+ "org.summittracker.benchmark.CapturedSql")
@Import(SummitScaleData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BigListPlansTests {

	/** Tables that grow with the summits; a scan of one of these would grow too. */
	static final Set<String> BIG = Set.of("summit_session", "person", "subsystem", "maintainership",
			"session_participant", "session_subsystem", "discussion_note", "concern", "concern_subsystem",
			"concern_response", "concern_status_change", "position", "position_concern", "position_change",
			"resolution", "resolution_concern", "follow_up", "follow_up_change", "audit_entry", "event");

	@Autowired
	SummitScaleData data;

	@Autowired
	CacheManager caches;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixtures;

	@Autowired
	PlatformTransactionManager transactions;

	MockHttpSession admin;

	@BeforeAll
	void generate() throws Exception {
		this.data.generateOnce(0.01);
		this.admin = SignIn.as(this.mvc, this.fixtures.personWithAccount("plans", Role.ADMIN), Fixture.PASSWORD);
	}

	@Test
	void theConcernsListUsesIndexes() throws Exception {
		assertIndexedReads("/concerns", "/concerns?page=3", "/concerns?status=open", "/concerns?blocking=yes",
				"/concerns?category=bisection", "/concerns?sort=title", "/concerns?sort=oldest",
				"/concerns?raiser=dev-7", "/concerns?subsystem=area-3", "/concerns?event=summit-1&status=deferred");
		// A proposal's concerns, as its page and the API link to them.
		String proposal = this.jdbc.queryForObject("select min(key) from proposal where key like 'bench-proposal-%'",
				String.class);
		assertIndexedReads("/concerns?proposal=" + proposal, "/concerns?proposal=" + proposal + "&sort=oldest");
	}

	@Test
	void theFollowUpsListUsesIndexes() throws Exception {
		assertIndexedReads("/follow-ups", "/follow-ups?page=2", "/follow-ups?status=open", "/follow-ups?owner=dev-7",
				"/follow-ups?overdue=yes", "/follow-ups?event=summit-1&status=done",
				"/follow-ups?event=summit-1&session=session-5");
	}

	@Test
	void theAuditTrailAndASessionsHistoryUseIndexes() throws Exception {
		assertIndexedReads("/events/summit-1/sessions/session-5/history",
				"/events/summit-1/sessions/session-5/positions");
		assertIndexedReads(this.admin, "/admin/audit", "/admin/audit?page=2", "/admin/audit?entity=Concern&id=5");
	}

	@Test
	void personAndSubsystemPagesUseIndexes() throws Exception {
		// A later page of a section is read by the same statements, and a generic plan
		// does not depend on the page's offset; a page past the end is a 404 read before
		// the rest of the page, so the first pages are the ones to explain.
		assertIndexedReads("/people/dev-7", "/subsystems/area-3", "/people/dev-7/follow-ups.ics",
				"/events/summit-1/timetable.ics");
		// A concern's page, with the sections other modules add to it paged.
		String concern = this.jdbc.queryForObject(
				"select '/events/' || e.slug || '/sessions/' || s.slug"
						+ " || '/concerns/' || c.key from concern c join summit_session s on s.id = c.session_id"
						+ " join event e on e.id = s.event_id where e.slug = 'summit-1' order by c.id limit 1",
				String.class);
		assertIndexedReads(concern);
	}

	@Test
	void whatWaitsOnAMaintainerUsesIndexes() throws Exception {
		MockHttpSession maintainer = this.fixtures.signIn(this.mvc, "dev-11", Role.MAINTAINER);
		assertIndexedReads(maintainer, "/me", "/");
		// An organizer's also lists the sessions organizers still have to tend.
		MockHttpSession organizer = this.fixtures.signIn(this.mvc, "dev-12", Role.MAINTAINER, Role.ORGANIZER);
		assertIndexedReads(organizer, "/me", "/");
	}

	@Test
	void theSearchAndTheFeedsUseIndexes() throws Exception {
		assertIndexedReads("/search?q=toolchain+stability", "/search?q=bisec*&kind=concerns&year=2003",
				"/search?q=proposal&person=dev-7", "/search?q=proposal&subsystem=area-3&page=2",
				"/search?q=%22toolchain+stability%22+-rust&event=summit-1", "/feed.atom", "/events/summit-1/feed.atom",
				"/events/summit-1/sessions/session-5/feed.atom", "/people/dev-7/feed.atom",
				"/subsystems/area-3/feed.atom");
	}

	@Test
	void theSearchReadsEveryKindThroughItsGinIndex() throws Exception {
		capture();
		assertThat(this.mvc.perform(get("/search?q=proposal")).andReturn().getResponse().getStatus()).isEqualTo(200);
		Set<String> indexes = new java.util.TreeSet<>();
		for (String sql : CapturedSql.statements()) {
			if (touchesBigTable(sql)) {
				indexNames(genericPlan(sql), indexes);
			}
		}
		assertThat(indexes).contains("summit_session_search_idx", "discussion_note_search_idx", "concern_search_idx",
				"concern_response_search_idx", "resolution_search_idx", "follow_up_search_idx", "person_search_idx",
				"subsystem_search_idx", "proposal_search_idx");
	}

	/**
	 * The bounded reads of readiness (the session, proposal and event pages, the buy-in
	 * pages and the positions API) and of one position's history: each statement reads
	 * through indexes, the positions and concerns of one proposal or session only.
	 */
	@Test
	void theBuyInsBoundedReadsUseIndexes() {
		List<String> problems = new ArrayList<>();
		for (String sql : java.util.stream.Stream
			.of(BuyInQueries.Shown.QUERIES, BuyInQueries.Shown.SUMMARY_QUERIES,
					List.of(MinutesDocuments.POSITION_CHANGES))
			.flatMap(List::stream)
			.toList()) {
			List<String> scanned = new ArrayList<>();
			if (!walk(genericPlan(sql), scanned)) {
				problems.add("no index used in " + sql);
			}
			if (!scanned.isEmpty()) {
				problems.add("sequential scan of " + scanned + " in " + sql);
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * The proposal page's last steps of the concerns shown and its timeline's page with
	 * the number of all its entries read through indexes, concern by concern and position
	 * by position.
	 */
	@Test
	void theProposalPagesLastStepsAndTimelineUseIndexes() {
		List<String> problems = new ArrayList<>();
		Set<String> used = new java.util.HashSet<>();
		for (String sql : ProposalLife.PAGE_QUERIES) {
			List<String> scanned = new ArrayList<>();
			JsonNode plan = genericPlan(NamedParameterUtils.parseSqlStatementIntoString(sql));
			if (!walk(plan, scanned)) {
				problems.add("no index used in " + sql);
			}
			if (!scanned.isEmpty()) {
				problems.add("sequential scan of " + scanned + " in " + sql);
			}
			indexNames(plan, used);
		}
		assertThat(problems).isEmpty();
		// A concern's steps session by session (V110).
		assertThat(used).contains("concern_response_concern_session_idx", "concern_status_change_concern_session_idx");
	}

	/**
	 * The timeline's number of entries (the page's scalar subqueries: init plans) reads
	 * no change to a position and no step of a concern: it sums what the database keeps
	 * on the proposal's positions ({@code position.changes}, V112) and concerns
	 * ({@code concern.steps}, V111), from indexes that include them (V113). Counted
	 * position by position or concern by concern, the count read every change or step of
	 * the proposal (130,000 on the skewed data set).
	 */
	@Test
	void theTimelinesCountReadsNoChangeNorStep() {
		String page = ProposalLife.PAGE_QUERIES.get(1);
		JsonNode plan = genericPlan(NamedParameterUtils.parseSqlStatementIntoString(page));
		Set<String> counted = new java.util.TreeSet<>();
		initPlansRelations(plan, false, counted);
		assertThat(counted).as("tables the count reads, in " + plan)
			.contains("position", "concern")
			.doesNotContain("position_change", "concern_response", "concern_status_change", "concern_reraise");
		// From the indexes that include them (V113).
		Set<String> used = new java.util.HashSet<>();
		indexNames(plan, used);
		assertThat(used).contains("concern_proposal_session_idx", "position_proposal_changes_idx");
	}

	/** Collects the tables read under init plans (the statement's scalar subqueries). */
	/**
	 * Captures the statements from now on, with no read kept: each request sends what its
	 * reads cost.
	 */
	private void capture() {
		this.caches.getCache("reads").clear();
		CapturedSql.clear();
	}

	private static void initPlansRelations(JsonNode node, boolean init, Set<String> relations) {
		boolean under = init || node.path("Parent Relationship").asString().equals("InitPlan");
		if (under && node.hasNonNull("Relation Name")) {
			relations.add(node.path("Relation Name").asString());
		}
		for (JsonNode child : node.path("Plans")) {
			initPlansRelations(child, under, relations);
		}
	}

	/**
	 * The history's steps of every concern of a proposal stream as they are read: its
	 * concerns are sorted, each one's steps read through indexes on the concern and
	 * sorted a concern at a time (an incremental sort), never all the proposal's steps in
	 * one sort. A sort under the inner side of a nested loop sorts what one concern (one
	 * outer row) has: the planner may sort a concern's steps by session to join them.
	 */
	@Test
	void theHistorysStepsAreReadConcernByConcernWithoutSortingThemAll() {
		JsonNode plan = genericPlan(ProposalLife.STEPS);
		List<String> scanned = new ArrayList<>();
		assertThat(walk(plan, scanned)).as("an index used").isTrue();
		assertThat(scanned).as("sequential scans of big tables").isEmpty();
		List<String> sorts = new ArrayList<>();
		sortsOfAllSteps(plan, false, sorts);
		assertThat(sorts).as("sorts of all the steps, in " + plan).isEmpty();
		Set<String> used = new java.util.HashSet<>();
		indexNames(plan, used);
		assertThat(used).anyMatch((index) -> index.startsWith("concern_response_concern"))
			.anyMatch((index) -> index.startsWith("concern_status_change_concern"));
		assertThat(plan.path("Node Type").asString()).isEqualTo("Incremental Sort");
	}

	/**
	 * Collects the sort keys of plain sorts that have steps of concerns under them,
	 * except those run for each row of a nested loop ({@code inner}).
	 */
	private static void sortsOfAllSteps(JsonNode node, boolean inner, List<String> sorts) {
		String type = node.path("Node Type").asString();
		if (type.equals("Sort") && !inner && readsSteps(node)) {
			sorts.add(node.path("Sort Key").toString());
		}
		int child = 0;
		for (JsonNode plan : node.path("Plans")) {
			sortsOfAllSteps(plan, inner || (type.equals("Nested Loop") && child++ > 0), sorts);
		}
	}

	private static boolean readsSteps(JsonNode node) {
		if (Set.of("concern_response", "concern_status_change", "concern_reraise")
			.contains(node.path("Relation Name").asString())) {
			return true;
		}
		for (JsonNode child : node.path("Plans")) {
			if (readsSteps(child)) {
				return true;
			}
		}
		return false;
	}

	private static void indexNames(JsonNode node, Set<String> names) {
		if (node.hasNonNull("Index Name")) {
			names.add(node.path("Index Name").asString());
		}
		for (JsonNode child : node.path("Plans")) {
			indexNames(child, names);
		}
	}

	/**
	 * The follow-ups list's event filter reads at most one follow-up an event, whatever
	 * the number of follow-ups: it read them all, joined to their sessions and events and
	 * made distinct (60 to 360 ms for a summit's 50,000).
	 */
	@Test
	void theFollowUpsEventFilterReadsOneFollowUpAnEvent() throws Exception {
		capture();
		assertThat(this.mvc.perform(get("/follow-ups")).andReturn().getResponse().getStatus()).isEqualTo(200);
		String choices = CapturedSql.statements()
			.stream()
			.filter((sql) -> sql.contains("starts_on") && sql.contains("follow_up") && !sql.contains("count("))
			.findFirst()
			.orElseThrow();
		long events = this.jdbc.queryForObject("select count(*) from event", Long.class);
		long followUps = this.jdbc.queryForObject("select count(*) from follow_up", Long.class);
		assertThat(followUps).as("follow-ups").isGreaterThan(2 * events);
		JsonNode plan = this.jdbc.queryForObject("explain (analyze, format json) " + choices,
				(row, n) -> JsonMapper.builder().build().readTree(row.getString(1)).get(0).get("Plan"));
		assertThat(rowsRead(plan, "follow_up")).as("follow-ups read in " + plan).isLessThanOrEqualTo(events);
	}

	/**
	 * The concerns and follow-ups lists count their matches only up to
	 * {@link CountedPage#AHEAD} past the page (and one more): with three times as many
	 * rows as that, the statements of {@code /concerns} and {@code /follow-ups} that
	 * count (those without an order) read no more, run with the limit the first page
	 * binds. Counted in full, they read every row (a summit's 100,000 concerns, 20 to 90
	 * ms under load). The rows added are rolled back.
	 */
	@Test
	void theConcernsAndFollowUpsListsCountNoFurtherThanTheirBound() throws Exception {
		Map<String, String> lists = Map.of("/concerns", "concern", "/follow-ups", "follow_up");
		Map<String, List<String>> counting = new java.util.HashMap<>();
		lists.forEach((url, table) -> {
			capture();
			try {
				// A query string of its own, so that no cached page answers.
				assertThat(this.mvc.perform(get(url + "?counted=bound")).andReturn().getResponse().getStatus())
					.isEqualTo(200);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			counting.put(url, CapturedSql.statements()
				.stream()
				.filter((sql) -> sql.contains(" " + table + " ") && !sql.toLowerCase(Locale.ROOT).contains("order by"))
				.toList());
			assertThat(counting.get(url)).as("the statements that count " + table).isNotEmpty();
		});
		int limit = CountedPage.AHEAD + 1;
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			this.jdbc
				.update("""
						insert into concern (session_id, key, title, category_id, raised_by_id, body, proposal_id,
							created_at, updated_at)
						select c.session_id, c.key || '-bound-' || g, 'Bounded row ' || g, c.category_id, c.raised_by_id, '',
							c.proposal_id, c.created_at, c.updated_at
						from concern c cross join generate_series(1, 2) g""");
			this.jdbc
				.update("""
						insert into follow_up (session_id, title, owner_id, due_on, status, drop_reason, created_at, updated_at)
						select f.session_id, 'Bounded row ' || g, f.owner_id, f.due_on, f.status, f.drop_reason, f.created_at,
							f.updated_at
						from follow_up f cross join generate_series(1, 6) g""");
			lists.forEach((url, table) -> {
				long rows = this.jdbc.queryForObject("select count(*) from " + table, Long.class);
				assertThat(rows).as(table + " rows").isGreaterThan(2L * limit);
				for (String sql : counting.get(url)) {
					JsonNode plan = this.jdbc.queryForObject(
							"explain (analyze, format json) " + sql.replace("?", Integer.toString(limit)),
							(row, n) -> JsonMapper.builder().build().readTree(row.getString(1)).get(0).get("Plan"));
					assertThat(rowsRead(plan, table)).as(url + ": " + table + " rows read by " + sql)
						.isLessThanOrEqualTo(limit);
				}
			});
			transaction.setRollbackOnly();
		});
	}

	/**
	 * A search's page ranks only the kinds it shows: results are grouped by kind, so a
	 * first page full of sessions ranks the sessions alone, not also the proposals,
	 * concerns and resolutions that match (500 of each at summit scale, ranked and joined
	 * to their sessions, events and people, for a page that showed none of them).
	 */
	@Test
	void aSearchPageRanksOnlyTheKindsItShows() throws Exception {
		long sessions = this.jdbc.queryForObject(
				"select count(*) from summit_session where search_vector @@ websearch_to_tsquery('english', 'proposal')",
				Long.class);
		long others = this.jdbc.queryForObject(
				"select count(*) from concern where search_vector @@ websearch_to_tsquery('english', 'proposal')",
				Long.class);
		assertThat(sessions).as("sessions that match").isGreaterThanOrEqualTo(25);
		assertThat(others).as("concerns that match").isPositive();
		capture();
		assertThat(this.mvc.perform(get("/search?q=proposal&ranked=shown")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		List<String> ranking = CapturedSql.statements().stream().filter((sql) -> sql.contains("ts_rank_cd(")).toList();
		assertThat(ranking).hasSize(1);
		assertThat(ranking.get(0).split("ts_rank_cd\\(", -1)).as("kinds ranked in " + ranking.get(0)).hasSize(2);
		assertThat(ranking.get(0)).doesNotContain(" concern ", "proposal pr", "resolution o");
	}

	/** The rows a plan's scans of this table produced, over all their loops. */
	private static long rowsRead(JsonNode node, String table) {
		long rows = table.equals(node.path("Relation Name").asString())
				? node.path("Actual Rows").asLong() * node.path("Actual Loops").asLong() : 0;
		for (JsonNode child : node.path("Plans")) {
			rows += rowsRead(child, table);
		}
		return rows;
	}

	private void assertIndexedReads(String... urls) throws Exception {
		assertIndexedReads(null, urls);
	}

	private void assertIndexedReads(MockHttpSession session, String... urls) throws Exception {
		List<String> problems = new ArrayList<>();
		for (String url : urls) {
			capture();
			var request = get(url);
			if (session != null) {
				request.session(session);
			}
			assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
			boolean indexUsed = false;
			for (String sql : CapturedSql.statements()) {
				String lower = sql.stripLeading().toLowerCase(Locale.ROOT);
				if (!(lower.startsWith("select") || lower.startsWith("with")) || !touchesBigTable(sql)) {
					continue;
				}
				JsonNode plan = genericPlan(sql);
				List<String> scanned = new ArrayList<>();
				indexUsed |= walk(plan, scanned);
				if (!scanned.isEmpty()) {
					problems.add(url + ": sequential scan of " + scanned + " in " + sql);
				}
			}
			if (!indexUsed) {
				problems.add(url + ": no statement used an index");
			}
		}
		assertThat(problems).isEmpty();
	}

	private static boolean touchesBigTable(String sql) {
		String lower = sql.toLowerCase(Locale.ROOT);
		return BIG.stream()
			.anyMatch((table) -> lower.contains(" " + table + " ") || lower.contains(" " + table + "\n"));
	}

	/**
	 * The plan PostgreSQL uses for the statement whatever its parameters, with sequential
	 * scans discouraged so that only a missing index leaves one.
	 */
	private JsonNode genericPlan(String sql) {
		String numbered = number(sql);
		return this.jdbc.execute((java.sql.Connection connection) -> {
			try (java.sql.Statement statement = connection.createStatement()) {
				statement.execute("set enable_seqscan = off");
				statement.execute("set plan_cache_mode = force_generic_plan");
				statement.execute("prepare big_list_plan as " + numbered);
				try {
					List<String> values = new ArrayList<>();
					try (var types = statement.executeQuery(
							"select parameter_types from pg_prepared_statements where name = 'big_list_plan'")) {
						types.next();
						Array array = types.getArray(1);
						for (Object type : (Object[]) array.getArray()) {
							values.add(sample(type.toString()));
						}
					}
					String explain = "explain (format json) execute big_list_plan"
							+ (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")");
					try (var result = statement.executeQuery(explain)) {
						result.next();
						return JsonMapper.builder().build().readTree(result.getString(1)).get(0).get("Plan");
					}
				}
				finally {
					statement.execute("deallocate big_list_plan");
					statement.execute("reset enable_seqscan");
					statement.execute("reset plan_cache_mode");
				}
			}
		});
	}

	/** JDBC's {@code ?} placeholders as PostgreSQL's {@code $1, $2, ...}. */
	private static String number(String sql) {
		StringBuilder numbered = new StringBuilder();
		int n = 0;
		boolean quoted = false;
		// An id array named once more outside in_ids (IdArrayFunction) has no type of its
		// own in a statement prepared without the driver's types: it is the same
		// bigint[].
		// A named parameter (RoundTrip's ?name) is numbered as a plain one.
		boolean named = false;
		for (char c : sql.replace("? is not null", "?::bigint[] is not null").toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			if (named && Character.isLetter(c)) {
				continue;
			}
			named = false;
			if (c == '?' && !quoted) {
				numbered.append('$').append(++n);
				named = true;
			}
			else {
				numbered.append(c);
			}
		}
		return numbered.toString();
	}

	private static String sample(String type) {
		return switch (type) {
			case "boolean" -> "false";
			case "date" -> "'2024-01-01'";
			case "timestamp with time zone", "timestamp without time zone" -> "'2024-01-01T00:00:00Z'";
			case "smallint", "integer", "bigint", "numeric" -> "1";
			default -> (type.endsWith("[]")) ? "'{}'" : "'x'";
		};
	}

	/** Collects sequential scans of big tables; answers whether any index was used. */
	private static boolean walk(JsonNode node, List<String> scanned) {
		String type = node.path("Node Type").asString();
		boolean index = type.contains("Index");
		if (type.equals("Seq Scan") && BIG.contains(node.path("Relation Name").asString())) {
			scanned.add(node.path("Relation Name").asString());
		}
		for (JsonNode child : node.path("Plans")) {
			index |= walk(child, scanned);
		}
		return index;
	}

}
