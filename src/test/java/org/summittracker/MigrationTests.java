package org.summittracker;

import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernCategory;
import org.summittracker.followup.FollowUp;
import org.summittracker.material.Material;
import org.summittracker.people.Person;
import org.summittracker.support.Fixture;
import org.summittracker.support.CountersKept;
import org.summittracker.support.SummitIntegrationTest;
import org.summittracker.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The context starts on a copy of the database that Flyway migrated from empty for this
 * test JVM (see {@code TestDatabase}), so every migration has been applied to an empty
 * database, and the context's Flyway found nothing left to apply.
 */
@SummitIntegrationTest
class MigrationTests {

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixture fixture;

	@Test
	void everyMigrationAppliesToAnEmptyDatabase() {
		MigrationInfo[] applied = this.flyway.info().applied();
		assertThat(applied).isNotEmpty().allSatisfy((m) -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
		assertThat(this.flyway.info().pending()).isEmpty();
	}

	@Test
	void schemaHoldsTheWholeDomain() {
		List<String> tables = this.jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = 'public'", String.class);
		assertThat(tables).contains("event", "summit_session", "session_participant", "discussion_note",
				"session_subsystem", "person", "subsystem", "maintainership", "concern_category", "concern",
				"concern_subsystem", "concern_response", "concern_status_change", "position", "position_concern",
				"position_change", "resolution", "resolution_concern", "follow_up", "follow_up_change", "account",
				"account_role", "audit_entry", "concern_reraise", "proposal_change", "session_material",
				"session_material_change");
	}

	/**
	 * Rows inserted with ids of their own while the application runs (a bulk load, a data
	 * set generated with {@code generate_series}) move the identity sequence past them at
	 * once: the next row created takes the next free id, with no restart.
	 */
	@Test
	void rowsInsertedWithIdsOfTheirOwnMoveTheSequencePastThem() {
		long next = this.jdbc.queryForObject("select nextval(pg_get_serial_sequence('person', 'id'))", Long.class) + 1;
		this.jdbc.update("insert into person (id, handle, name) values (?, 'inserted-with-its-id', 'Inserted')", next);
		this.jdbc.update(
				"insert into person (id, handle, name) select g, 'inserted-' || g, 'Inserted' from generate_series(?, ?) g",
				next + 1, next + 500);

		Long created = this.jdbc.queryForObject(
				"insert into person (handle, name) values ('created-after-the-insert', 'Created') returning id",
				Long.class);

		assertThat(created).isEqualTo(next + 501);
	}

	/**
	 * Every table with an identity column has the trigger, including tables added later.
	 */
	@Test
	void everyIdentityTableMovesItsSequencePastInsertedRows() {
		List<String> without = this.jdbc.queryForList("""
				select c.relname from pg_attribute a join pg_class c on c.oid = a.attrelid
				where a.attidentity <> '' and c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
				  and not exists (select 1 from pg_trigger t
				                  where t.tgrelid = c.oid and t.tgname = 'identity_past_inserted_rows')
				""", String.class);
		assertThat(without).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pg_trigger where tgname = 'identity_past_inserted_rows'", Integer.class))
			.isGreaterThan(20);
	}

	/**
	 * A data set loaded with ids of its own while triggers could not fire (a data-only
	 * restore with triggers disabled) leaves the identity sequences behind: at the next
	 * start (Flyway's afterMigrate callback) each is moved past its table's largest id,
	 * so creating a row does not fail on the primary key.
	 */
	@Test
	void identitySequencesBehindLoadedRowsAreMovedPastThemAtStart() {
		long next = this.jdbc.queryForObject("select nextval(pg_get_serial_sequence('person', 'id'))", Long.class) + 1;
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local session_replication_role = replica");
				statement.execute(
						"insert into person (id, handle, name) values (" + next + ", 'loaded-with-its-id', 'Loaded')");
				statement.execute("insert into person (id, handle, name) values (" + (next + 1000)
						+ ", 'loaded-far-ahead', 'Loaded')");
				connection.commit();
			}
			finally {
				connection.setAutoCommit(true);
			}
			return null;
		});
		assertThat(this.jdbc.queryForObject("select pg_sequence_last_value(pg_get_serial_sequence('person', 'id'))",
				Long.class))
			.as("the trigger did not fire")
			.isEqualTo(next - 1);

		this.flyway.migrate();

		Long created = this.jdbc.queryForObject(
				"insert into person (handle, name) values ('created-after-the-load', 'Created') returning id",
				Long.class);
		assertThat(created).isEqualTo(next + 1001);
		List<String> behind = this.jdbc.queryForList(
				"""
						select c.relname from pg_attribute a join pg_class c on c.oid = a.attrelid
						where a.attidentity <> '' and c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
						  and (xpath('/row/m/text()', query_to_xml(format('select max(%I) as m from %s', a.attname,
						        c.oid::regclass), false, true, '')))[1]::text::bigint
						      > coalesce(pg_sequence_last_value(pg_get_serial_sequence(c.oid::regclass::text, a.attname)::regclass), 0)
						""",
				String.class);
		assertThat(behind).isEmpty();
	}

	/**
	 * Counters the database keeps by triggers ({@code concern.steps}: V111;
	 * {@code position.changes}: V112) fall behind their rows when rows are loaded while
	 * triggers cannot fire: at the next start (Flyway's afterMigrate callback) each one
	 * that differs is counted again, and when none differs nothing is written.
	 */
	@Test
	void countersThatDifferFromTheirRowsAreCountedAgainAtStart() {
		this.fixture.newSession("counted", 1, 2, 2);
		long concern = this.jdbc.queryForObject("select max(id) from concern", Long.class);
		long position = this.jdbc.queryForObject("select max(id) from position", Long.class);
		this.jdbc.update("update concern set steps = steps + 3 where id = ?", concern);
		this.jdbc.update("update position set changes = changes + 5 where id = ?", position);
		assertThatThrownBy(() -> CountersKept.everyConcernsStepsAreCounted(this.jdbc))
			.as("a concern's steps made wrong")
			.isInstanceOf(AssertionError.class);

		this.flyway.migrate();

		CountersKept.everyConcernsStepsAreCounted(this.jdbc);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
		long stamp = this.jdbc.queryForObject("select stamp from change_stamp", Long.class);
		this.flyway.migrate();
		assertThat(this.jdbc.queryForObject("select stamp from change_stamp", Long.class))
			.as("the change stamp after a start with every counter right")
			.isEqualTo(stamp);
	}

	@Test
	void everyForeignKeyHasAnIndex() {
		List<String> unindexed = this.jdbc.queryForList("""
				select c.conrelid::regclass || '.' || a.attname
				from pg_constraint c
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
				where c.contype = 'f' and c.connamespace = 'public'::regnamespace
				  and not exists (select 1 from pg_index i
				                  where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
				""", String.class);
		assertThat(unindexed).isEmpty();
	}

	@Test
	void enumerationsAndDateRangesAreChecked() {
		assertThatThrownBy(
				() -> this.jdbc.update("insert into subsystem (slug, name, status) values ('s', 'S', 'BOGUS')"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc
			.update("insert into event (slug, name, starts_on, ends_on) values ('e', 'E', '2021-01-02', '2021-01-01')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	/**
	 * Each limit is declared once, in the domain: the forms' {@code @Size} and the pages'
	 * {@code maxlength} follow it, and the schema must agree.
	 */
	@Test
	void theSchemaAgreesWithTheLimitsTheDomainDeclares() {
		assertThat(length("person", "handle")).isEqualTo(Person.HANDLE_MAX);
		assertThat(length("concern", "key")).isEqualTo(Concern.KEY_MAX);
		assertThat(length("concern_former_key", "key")).isEqualTo(Concern.KEY_MAX);
		assertThat(length("concern", "title")).isEqualTo(Concern.TITLE_MAX);
		assertThat(length("concern_category", "name")).isEqualTo(ConcernCategory.NAME_MAX);
		assertThat(length("follow_up", "title")).isEqualTo(FollowUp.TITLE_MAX);
		assertThat(length("session_material", "title")).isEqualTo(Material.TITLE_MAX);
		assertThat(length("session_material", "withdrawal_reason")).isEqualTo(Material.REASON_MAX);
	}

	private int length(String table, String column) {
		return this.jdbc.queryForObject(
				"select character_maximum_length from information_schema.columns "
						+ "where table_schema = 'public' and table_name = ? and column_name = ?",
				Integer.class, table, column);
	}

	/**
	 * V120 on positions imported by mail before it: a reply's condition was given in the
	 * reply; an ack carried forward whose history holds the earlier mail it kept the
	 * condition of, in that mail, on the version its mail says it was first given on; one
	 * carried whose history holds no earlier mail stays unknown (read as before: given in
	 * the mail it rests on).
	 */
	@Test
	void theMailAConditionWasGivenInIsFilledInForPositionsImportedBefore() {
		across("119", (before) -> {
			before.update("insert into person (id, handle, name) values (1, 'replied', 'R'), (2, 'carried', 'C'),"
					+ " (3, 'carried-once', 'O'), (4, 'organizer', 'G')");
			before.update("insert into event (id, slug, name, starts_on, ends_on)"
					+ " values (1, 'e', 'E', date '2024-09-01', date '2024-09-01')");
			before.update(
					"insert into summit_session (id, event_id, slug, title, proposal) values (1, 1, 's', 'S', 'P')");
			before.update("insert into proposal (id, key, title) values (1, 'p', 'P')");
			before
				.update("""
						insert into position (id, proposal_id, session_id, person_id, entered_by_id, stance, conditions,
							entry_method, mail_trailer, mail_message_id, mail_version, mail_first_given_on, mail_carried)
						values (1, 1, 1, 1, 4, 'SUPPORTS_WITH_CONDITIONS', 'If x', 'BY_MAIL', 'ACKED', 'reply-v2', 2, null,
						        false),
						       (2, 1, 1, 2, 4, 'SUPPORTS_WITH_CONDITIONS', 'If y', 'BY_MAIL', 'ACKED', 'patch-v3', 3, 2, true),
						       (3, 1, 1, 3, 4, 'SUPPORTS_WITH_CONDITIONS', 'If z', 'BY_MAIL', 'ACKED', 'patch-v2', 2, 1, true)""");
			before.update("""
					insert into position_change (position_id, entered_by_id, session_id, entry_method, kind, new_stance,
						conditions, mail_message_id, changed_at)
					values (1, 4, 1, 'BY_MAIL', 'STATED', 'SUPPORTS_WITH_CONDITIONS', 'If x', 'reply-v2',
					        timestamptz '2024-09-01 10:00Z'),
					       (2, 4, 1, 'BY_MAIL', 'STATED', 'SUPPORTS_WITH_CONDITIONS', 'If y', 'reply-v2b',
					        timestamptz '2024-09-01 10:00Z'),
					       (2, 4, 1, 'BY_MAIL', 'CHANGED', 'SUPPORTS_WITH_CONDITIONS', 'If y', 'patch-v3',
					        timestamptz '2024-09-02 10:00Z'),
					       (3, 4, 1, 'BY_MAIL', 'STATED', 'SUPPORTS_WITH_CONDITIONS', 'If z', 'patch-v2',
					        timestamptz '2024-09-01 10:00Z')""");
		}, (after) -> {
			assertThat(after.queryForList("""
					select coalesce(mail_condition_message_id || ' on v' || mail_condition_given_on, 'unknown')
					from position order by id""", String.class)).containsExactly("reply-v2 on v2", "reply-v2b on v2",
					"unknown");
		});
	}

	/**
	 * A subsystem a MAINTAINERS import named before V121 is told by its files (only the
	 * import records them): imported, at the first import logged since it was made; one
	 * without files is of unknown origin (null), as one made by hand.
	 */
	@Test
	void subsystemsImportedBeforeTheirOriginWasRecordedAreToldByTheirFiles() {
		across("120", (before) -> {
			before.update("""
					insert into subsystem (id, slug, name, created_at)
					values (1, 'imported', 'IMPORTED', timestamptz '2024-09-01 10:00Z'),
					       (2, 'matched-later', 'Matched later', timestamptz '2024-08-01 10:00Z'),
					       (3, 'by-hand', 'By hand', timestamptz '2024-09-02 10:00Z')""");
			before.update("""
					insert into subsystem_file_pattern (subsystem_id, kind, pattern)
					values (1, 'F', 'drivers/imported/'), (2, 'F', 'drivers/matched/')""");
			before.update("""
					insert into audit_entry (occurred_at, actor, action, entity_type, summary)
					values (timestamptz '2024-09-01 10:00Z', 'admin', 'MAINTAINERS_IMPORTED', 'Subsystem', 'Imported'),
					       (timestamptz '2024-09-03 10:00Z', 'admin', 'MAINTAINERS_IMPORTED', 'Subsystem', 'Again')""");
		}, (after) -> {
			assertThat(after.queryForList("""
					select coalesce(to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'), 'unknown')
					from subsystem order by id""", String.class)).containsExactly("2024-09-01 10:00",
					"2024-09-01 10:00", "unknown");
		});
	}

	/**
	 * A subsystem an import made before V121 from an entry without files is told by the
	 * import's audit entry: made in the import's transaction (with the others it made, at
	 * one moment) as many subsystems and people as the entry counts, none made by hand.
	 * Those made by hand, one at a time or with people in one transaction counted by no
	 * import, and one an import only matched, stay unknown.
	 */
	@Test
	void subsystemsAnImportMadeWithoutFilesAreToldByTheImportsAuditEntry() {
		across("126", (before) -> {
			// An import at 10:00 made three subsystems (one of them with files) and two
			// people, and matched "Matched" (made by hand before, no files).
			before.update("""
					insert into subsystem (id, slug, name, created_at)
					values (1, 'with-files', 'WITH FILES', timestamptz '2024-09-01 10:00Z'),
					       (2, 'no-files', 'NO FILES', timestamptz '2024-09-01 10:00Z'),
					       (3, 'no-files-either', 'NO FILES EITHER', timestamptz '2024-09-01 10:00Z'),
					       (4, 'matched', 'Matched', timestamptz '2024-08-01 10:00Z'),
					       (5, 'by-hand', 'By hand', timestamptz '2024-09-02 10:00Z'),
					       (6, 'demo-a', 'Demo A', timestamptz '2024-09-03 10:00Z'),
					       (7, 'demo-b', 'Demo B', timestamptz '2024-09-03 10:00Z')""");
			before.update("""
					insert into subsystem_file_pattern (subsystem_id, kind, pattern)
					values (1, 'F', 'drivers/with-files/')""");
			before.update("""
					insert into person (id, handle, name, email, created_at)
					values (1, 'first', 'First', 'first@example.org', timestamptz '2024-09-01 10:00Z'),
					       (2, 'second', 'Second', 'second@example.org', timestamptz '2024-09-01 10:00Z'),
					       (3, 'demo', 'Demo', 'demo@example.org', timestamptz '2024-09-03 10:00Z')""");
			before.update("update subsystem set imported_at = timestamptz '2024-09-01 10:00:05Z' where id = 1");
			// "By hand" was made on its form; the demo's two with a person, before an
			// import that made two subsystems but no person.
			before.update("""
					insert into audit_entry (occurred_at, actor, action, entity_type, entity_id, summary)
					values (timestamptz '2024-09-01 10:00:05Z', 'admin', 'MAINTAINERS_IMPORTED', 'Subsystem', null,
					        'Imported 4 MAINTAINERS entries: 3 subsystems, 2 people and 5 maintainerships added'),
					       (timestamptz '2024-09-02 10:00Z', 'organizer', 'SUBSYSTEM_CREATED', 'Subsystem', 5, 'Added'),
					       (timestamptz '2024-09-02 10:00:01Z', 'admin', 'MAINTAINERS_IMPORTED', 'Subsystem', null,
					        'Imported 1 MAINTAINERS entries: 1 subsystems, 0 people and 0 maintainerships added'),
					       (timestamptz '2024-09-04 10:00Z', 'admin', 'MAINTAINERS_IMPORTED', 'Subsystem', null,
					        'Imported 2 MAINTAINERS entries: 2 subsystems, 0 people and 0 maintainerships added')""");
		}, (after) -> assertThat(after.queryForList("""
				select coalesce(to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), 'unknown')
				from subsystem order by id""", String.class)).containsExactly("2024-09-01 10:00:05",
				"2024-09-01 10:00:05", "2024-09-01 10:00:05", "unknown", "unknown", "unknown", "unknown"));
	}

	/**
	 * A fresh database migrated to {@code target}, the data {@code before} writes, then
	 * every later migration; {@code check} reads the result.
	 */
	private static void across(String target, Consumer<JdbcTemplate> before, Consumer<JdbcTemplate> check) {
		String url = TestDatabase.createDatabase();
		TestDatabase.Server server = TestDatabase.server();
		try (SingleConnectionDataSource db = new SingleConnectionDataSource(url, server.username(), server.password(),
				true)) {
			Flyway.configure().dataSource(db).locations("classpath:db/migration").target(target).load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(db);
			before.accept(jdbc);
			Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
			check.accept(jdbc);
		}
	}

	@Test
	void theAuditTrailCannotBeChanged() {
		this.jdbc.update("insert into audit_entry (actor, action, entity_type, summary) values ('t', 'x', 'y', 'z')");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_entry")).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("update audit_entry set actor = 'u'"))
			.hasMessageContaining("append-only");
	}

}
