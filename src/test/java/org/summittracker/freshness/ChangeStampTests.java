package org.summittracker.freshness;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The change stamp is kept by the database: every table moves it, once per committed
 * transaction, whoever writes; a rolled-back write does not.
 */
@SummitIntegrationTest
class ChangeStampTests {

	@Autowired
	ChangeStamps stamps;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void everyTableOfTheApplicationMovesTheStamp() {
		List<String> without = this.jdbc.queryForList(
				"""
						select t.tablename from pg_tables t
						where t.schemaname = current_schema() and t.tablename not in ('change_stamp', 'table_stamp', 'flyway_schema_history', 'sign_in_failure', 'api_token_use', 'api_rate_window')
						and t.tablename not like 'spring\\_session%'
						  and not exists (select 1 from pg_trigger g
						                  where g.tgrelid = (quote_ident(t.schemaname) || '.' || quote_ident(t.tablename))::regclass
						                    and g.tgname = 'change_stamp')
						""",
				String.class);
		assertThat(without).as("tables whose writes would not move the change stamp").isEmpty();
	}

	@Test
	void everyTableThatMovesTheStampMovesItWhenEmptiedAndWhenWrittenAsAReplica() {
		List<String> without = this.jdbc.queryForList("""
				select g.tgrelid::regclass::text from pg_trigger g
				where g.tgname = 'change_stamp'
				  and (g.tgenabled <> 'A'
				       or not exists (select 1 from pg_trigger t
				                      where t.tgrelid = g.tgrelid and t.tgname = 'change_stamp_truncate'
				                        and t.tgenabled = 'A'))
				""", String.class);
		assertThat(without).as("tables whose TRUNCATE, or writes as a replica, would not move the change stamp")
			.isEmpty();
	}

	@Test
	void emptyingATableMovesTheStamp() {
		long before = this.stamps.current().value();
		// Rolled back, so that the other tests keep their rows: the stamp is read in the
		// transaction that emptied the table, where the move is already seen.
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("truncate person_former_handle");
			assertThat(this.jdbc.queryForObject("select stamp from change_stamp", Long.class)).isEqualTo(before + 1);
			assertThat(tableStamp("person_former_handle")).isEqualTo(before + 1);
			throw new IllegalStateException("keep the rows");
		})).hasMessage("keep the rows");
		assertThat(this.stamps.current().value()).isEqualTo(before);
	}

	@Test
	void aWriteAsAReplicaMovesTheStamp() {
		long before = this.stamps.current().value();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("set local session_replication_role = replica");
			this.jdbc.update(
					"insert into person (handle, name, email) values ('stamp-replica', 'Replica', 'stamp-replica@example.org')");
		});
		assertThat(this.stamps.current().value()).isEqualTo(before + 1);
	}

	@Test
	void aCommittedTransactionMovesTheStampOnceAndLaterInTime() {
		ChangeStamp before = this.stamps.current();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update(
					"insert into person (handle, name, email) values ('stamp-a', 'Stamp A', 'stamp-a@example.org')");
			this.jdbc.update(
					"insert into person (handle, name, email) values ('stamp-b', 'Stamp B', 'stamp-b@example.org')");
			this.jdbc.update("update person set name = 'Stamp B2' where handle = 'stamp-b'");
		});
		ChangeStamp after = this.stamps.current();
		assertThat(after.value()).isEqualTo(before.value() + 1);
		assertThat(after.changedAt()).isAfterOrEqualTo(before.changedAt().plusSeconds(1));
		this.jdbc.update("delete from person where handle = 'stamp-a'");
		assertThat(this.stamps.current().value()).isEqualTo(after.value() + 1);
	}

	@Test
	void aCommittedTransactionMovesTheStampOfEachTableItWroteAndOfNoOther() {
		long concern = tableStamp("concern");
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update(
					"insert into person (handle, name, email) values ('table-stamp-a', 'Table A', 'table-stamp-a@example.org')");
			this.jdbc.update("update person set name = 'Table A2' where handle = 'table-stamp-a'");
			this.jdbc.update("insert into subsystem (slug, name) values ('table-stamp-' || ?, 'Table stamp')",
					System.nanoTime());
		});
		long stamp = this.stamps.current().value();
		assertThat(tableStamp("person")).isEqualTo(stamp);
		assertThat(tableStamp("subsystem")).isEqualTo(stamp);
		assertThat(tableStamp("concern")).isEqualTo(concern).isLessThan(stamp);
	}

	@Test
	void aRolledBackTransactionLeavesTheStampAlone() {
		ChangeStamp before = this.stamps.current();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update(
					"insert into person (handle, name, email) values ('stamp-rolled-back', 'Never', 'never@example.org')");
			throw new IllegalStateException("changed my mind");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.stamps.current()).isEqualTo(before);
		assertThat(tableStamp("person")).isLessThanOrEqualTo(before.value());
	}

	private long tableStamp(String table) {
		return this.jdbc.queryForObject("select stamp from table_stamp where table_name = ?", Long.class, table);
	}

}
