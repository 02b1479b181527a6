package org.summittracker.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;
import org.summittracker.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30 on data made before it: the demo summit (and a few more sessions) copied into a
 * database at V26, then migrated. Nothing is lost: every table's count and every history
 * (positions, their changes and citations, concerns and their status changes) is the same
 * after as before, and each session now discusses one proposal made from its text.
 */
@SummitIntegrationTest(properties = "summit.demo-data.enabled=true")
class ProposalMigrationTests {

	/** The last migration before proposals. */
	private static final String BEFORE = "26";

	private static final Map<String, String> HISTORIES = new LinkedHashMap<>();

	static {
		HISTORIES.put("position", """
				select id, session_id, person_id, stance, conditions, rationale, speaks_for_id, entry_method,
					entered_by_id, confirmed_at, withdrawn_at, updated_at, version from position order by id""");
		HISTORIES.put("position_change", """
				select id, position_id, session_id, kind, old_stance, new_stance, conditions, rationale,
					cited_concerns, speaks_for_id, entry_method, entered_by_id, changed_at
				from position_change order by id""");
		HISTORIES.put("position_concern", "select position_id, concern_id from position_concern order by 1, 2");
		HISTORIES.put("concern", """
				select id, session_id, key, title, raised_by_id, status, blocking, created_at, version
				from concern order by id""");
		HISTORIES.put("concern_status_change", """
				select id, concern_id, from_status, to_status, changed_at from concern_status_change order by id""");
		HISTORIES.put("concern_response", "select id, concern_id, author_id, body from concern_response order by id");
		HISTORIES.put("summit_session",
				"select id, event_id, slug, title, proposal, version from summit_session order by id");
	}

	@Autowired
	JdbcTemplate current;

	@Autowired
	Fixture fixture;

	@Test
	void demoDataMigratesWithNothingLost() throws Exception {
		this.fixture.moreSessionsIn("maintainers-summit-2021", 2);
		String url = TestDatabase.createDatabase();
		TestDatabase.Server server = TestDatabase.server();
		try (SingleConnectionDataSource old = new SingleConnectionDataSource(url, server.username(), server.password(),
				true)) {
			Flyway.configure().dataSource(old).locations("classpath:db/migration").target(BEFORE).load().migrate();
			JdbcTemplate before = new JdbcTemplate(old);
			copyInto(before);
			// The same session slug at a second event: its proposal needs another key.
			before
				.update("""
						insert into event (id, slug, name, starts_on, ends_on)
						values (900001, 'maintainers-summit-2022', 'Maintainers Summit 2022', '2022-09-15', '2022-09-15')""");
			before.update("""
					insert into summit_session (id, event_id, slug, title, proposal)
					values (900001, 900001, 'using-rust-for-kernel-development', 'Rust, one year on',
						'How long is the trial?')""");
			Map<String, Long> countsBefore = counts(before);
			Map<String, List<Map<String, Object>>> historiesBefore = histories(before);

			Flyway.configure().dataSource(old).locations("classpath:db/migration").load().migrate();
			JdbcTemplate after = new JdbcTemplate(old);

			Map<String, Long> countsAfter = counts(after);
			countsBefore.forEach((table, count) -> assertThat(countsAfter.get(table)).as(table).isEqualTo(count));
			assertThat(histories(after)).isEqualTo(historiesBefore);

			long sessions = countsBefore.get("summit_session");
			assertThat(countsAfter.get("proposal")).isEqualTo(sessions);
			assertThat(after.queryForObject("select count(distinct session_id) from session_proposal", Long.class))
				.isEqualTo(sessions);
			assertThat(after.queryForObject("""
					select count(*) from summit_session s join session_proposal sp on sp.session_id = s.id
					join proposal p on p.id = sp.proposal_id
					where p.statement <> s.proposal or p.title <> s.title or p.status <> 'OPEN' or sp.seq <> 1""",
					Long.class))
				.isZero();
			// Each position and concern is about the proposal of the session it was
			// stated or raised in.
			assertThat(after.queryForObject("""
					select count(*) from position x join session_proposal sp on sp.session_id = x.session_id
					where x.proposal_id <> sp.proposal_id""", Long.class)).isZero();
			assertThat(after.queryForObject("""
					select count(*) from concern x join session_proposal sp on sp.session_id = x.session_id
					where x.proposal_id <> sp.proposal_id""", Long.class)).isZero();
			assertThat(after.queryForObject("select count(*) from proposal_subsystem", Long.class))
				.isEqualTo(countsBefore.get("session_subsystem"));
			assertThat(after.queryForList("""
					select p.key from proposal p join session_proposal sp on sp.proposal_id = p.id
					join summit_session s on s.id = sp.session_id
					where s.slug = 'using-rust-for-kernel-development' order by s.id""", String.class)).containsExactly(
					"using-rust-for-kernel-development", "using-rust-for-kernel-development-maintainers-summit-2022");
		}
	}

	/**
	 * Copies what the running application's database holds into the old one, column by
	 * column as far as the old schema has them (no triggers, no foreign key checks while
	 * copying).
	 */
	private void copyInto(JdbcTemplate old) {
		old.execute("set session_replication_role = replica");
		for (String table : tables(old)) {
			List<String> columns = old.queryForList("""
					select column_name from information_schema.columns
					where table_schema = 'public' and table_name = ? and is_generated = 'NEVER'
					order by ordinal_position""", String.class, table);
			String list = String.join(", ", columns.stream().map((c) -> "\"" + c + "\"").toList());
			String marks = String.join(", ", columns.stream().map((c) -> "?").toList());
			List<Object[]> rows = new ArrayList<>();
			this.current.query("select " + list + " from \"" + table + "\"", (rs) -> {
				Object[] row = new Object[columns.size()];
				for (int i = 0; i < row.length; i++) {
					row[i] = rs.getObject(i + 1);
				}
				rows.add(row);
			});
			// Rows the migrations seeded (concern categories) come over as the
			// application has them.
			old.update("delete from \"" + table + "\"");
			if (!rows.isEmpty()) {
				old.batchUpdate("insert into \"" + table + "\" (" + list + ") values (" + marks + ")", rows);
			}
		}
		old.execute("set session_replication_role = origin");
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList("""
				select tablename from pg_tables where schemaname = 'public'
				and tablename not in ('flyway_schema_history', 'change_stamp') order by tablename""", String.class);
	}

	private static Map<String, Long> counts(JdbcTemplate jdbc) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : tables(jdbc)) {
			counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
		}
		return counts;
	}

	private static Map<String, List<Map<String, Object>>> histories(JdbcTemplate jdbc) {
		Map<String, List<Map<String, Object>>> histories = new LinkedHashMap<>();
		HISTORIES.forEach((table, sql) -> histories.put(table, jdbc.queryForList(sql)));
		return histories;
	}

}
