package org.summittracker.freshness;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.shared.KeptReads;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Reads kept by the stamps of the tables they name: the session page's queries are sent
 * again only when a table they read was written, and a page read from kept rows is the
 * page read from the database.
 */
@SummitIntegrationTest
class ReadsByTablesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReadsByTables reads;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CacheManager caches;

	String session;

	String slug;

	@BeforeEach
	void session() {
		this.session = this.fixtures.session("reads-" + System.nanoTime(), 3, 3, 3);
		this.slug = this.session.substring(this.session.lastIndexOf('/') + 1);
	}

	@Test
	void afterANoteIsWrittenOnlyTheNotesAreReadAgain() throws Exception {
		page(this.session);
		long found = this.reads.found();
		String again = page(this.session + "?again=1");
		long queries = this.reads.found() - found;
		assertThat(queries).as("the session page's queries answered with kept rows").isGreaterThanOrEqualTo(5);
		assertThat(again).isEqualTo(readWhole(this.session + "?again=1"));

		page(this.session + "?before=note");
		this.jdbc.update("""
				update discussion_note set body = 'A note written after the page was read' where id = (select min(n.id)
				from discussion_note n join summit_session s on s.id = n.session_id where s.slug = ?)""", this.slug);
		found = this.reads.found();
		String afterNote = page(this.session + "?after=note");
		assertThat(afterNote).contains("A note written after the page was read");
		assertThat(this.reads.found() - found).as("queries answered with kept rows after the note changed")
			.isEqualTo(queries - 1);
		assertThat(afterNote).isEqualTo(readWhole(this.session + "?after=note"));
	}

	@Test
	void aWriteAnywhereElseLeavesTheRowsKept() throws Exception {
		page(this.session);
		this.jdbc.update("update person set name = name where id = (select min(id) from person)");
		this.jdbc.update("update change_stamp set stamp = stamp + 1");
		long found = this.reads.found();
		page(this.session + "?elsewhere=1");
		assertThat(this.reads.found() - found).as("queries answered with kept rows").isGreaterThanOrEqualTo(5);
	}

	@Test
	void rowsAreKeptOnlyInReadOnlyTransactions() {
		assertThat(this.reads.now()).as("outside a transaction").isNull();
		Boolean inOneThatMayWrite = this.transactions.execute((status) -> this.reads.now() == null);
		assertThat(inOneThatMayWrite).as("nothing kept in a transaction that may write").isTrue();
		Boolean inAReadOnlyOne = readOnly(() -> this.reads.now() != null);
		assertThat(inAReadOnlyOne).as("kept in a read-only one").isTrue();
	}

	@Test
	void aQueryIsKeptUnderTheStampsOfTheTablesItNamesAndNoOthers() {
		String query = "select p.handle from person p where p.id = any(?)";
		Object before = readOnly(() -> this.reads.now().keyOf(query, List.of(1L), List.of()));
		this.jdbc.update("update concern set title = title where id = (select min(id) from concern)");
		assertThat(readOnly(() -> this.reads.now().keyOf(query, List.of(1L), List.of())))
			.as("after a write to another table")
			.isEqualTo(before);
		this.jdbc.update("update person set name = name where id = (select min(id) from person)");
		assertThat(readOnly(() -> this.reads.now().keyOf(query, List.of(1L), List.of())))
			.as("after a write to its table")
			.isNotEqualTo(before);
		assertThat(readOnly(() -> this.reads.now().keyOf(query, List.of(2L), List.of()))).as("other ids")
			.isNotEqualTo(readOnly(() -> this.reads.now().keyOf(query, List.of(1L), List.of())));
	}

	@Test
	void queriesWhoseRowsDependOnMoreThanTheirTablesAreNotKept() {
		for (String query : List.of("select count(*) from sign_in_failure", "select now() from person",
				"select p.id from person p where p.created_at > current_date - 1",
				"select nextval('person_id_seq') from person", "select relname from pg_class")) {
			assertThat(readOnly(() -> this.reads.now().keyOf(query, List.of(), List.of()))).as(query).isNull();
		}
	}

	@Test
	void rowsHoldingValuesThatCanChangeAreNotKept() {
		String query = "select p.handle from person p where p.id = any(?) and " + System.nanoTime() + " > 0";
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "handle", new StringBuilder("can change") });
		assertThat(readOnly(() -> {
			KeptReads.Now now = this.reads.now();
			Object key = now.keyOf(query, List.of(1L), List.of());
			now.keep(key, rows);
			return now.find(key);
		})).isNull();
		rows.set(0, new Object[] { "handle", new String[] { "a", "b" } });
		List<Object[]> kept = readOnly(() -> {
			KeptReads.Now now = this.reads.now();
			Object key = now.keyOf(query, List.of(1L), List.of());
			now.keep(key, rows);
			((String[]) rows.get(0)[1])[0] = "changed by its reader";
			return now.find(key);
		});
		assertThat(kept).hasSize(1);
		assertThat((String[]) kept.get(0)[1]).as("a copy was kept").containsExactly("a", "b");
	}

	private <T> T readOnly(java.util.function.Supplier<T> read) {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		return readOnly.execute((status) -> read.get());
	}

	/** The page read with no rows kept. */
	private String readWhole(String path) throws Exception {
		this.caches.getCacheNames().forEach((name) -> this.caches.getCache(name).clear());
		long found = this.reads.found();
		String whole = page(path);
		assertThat(this.reads.found()).as("rows kept while the page was read whole").isEqualTo(found);
		return whole;
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

}
