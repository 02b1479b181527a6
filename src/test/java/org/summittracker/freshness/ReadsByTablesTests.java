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

	/**
	 * The queries of the session page's round trip (SessionPage.PARTS): participants,
	 * notes, resolutions, follow-ups, concerns, material and the asks sent, then the
	 * buy-in's.
	 */
	static final int PARTS_QUERIES = 7 + org.summittracker.position.BuyInQueries.Shown.QUERIES.size();

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

	@Autowired
	jakarta.persistence.EntityManager entityManager;

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
		assertThat(this.reads.found() - found).as("the session page's reads answered from what is kept").isPositive();
		assertThat(again).isEqualTo(readWhole(this.session + "?again=1"));

		page(this.session + "?before=note");
		this.jdbc.update("""
				update discussion_note set body = 'A note written after the page was read' where id = (select min(n.id)
				from discussion_note n join summit_session s on s.id = n.session_id where s.slug = ?)""", this.slug);
		found = this.reads.found();
		String afterNote = page(this.session + "?after=note");
		assertThat(afterNote).contains("A note written after the page was read");
		// The session's header, and every query of the round trip but the notes'.
		assertThat(this.reads.found() - found).as("reads answered from what is kept after the note changed")
			.isEqualTo(1 + PARTS_QUERIES - 1);
		assertThat(afterNote).isEqualTo(readWhole(this.session + "?after=note"));
	}

	@Test
	void aWriteAnywhereElseLeavesTheReadsKept() throws Exception {
		page(this.session);
		this.jdbc.update("update person set name = name where id = (select min(id) from person)");
		this.jdbc.update("update change_stamp set stamp = stamp + 1");
		long found = this.reads.found();
		page(this.session + "?elsewhere=1");
		assertThat(this.reads.found() - found).as("reads answered from what is kept").isPositive();
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
		readOnly(() -> {
			KeptReads.Now now = this.reads.now();
			now.keep(now.keyOf(query, List.of(1L), List.of()), List.<Object[]>of(new Object[] { "kept-handle" }));
			return null;
		});
		this.jdbc.update("update concern set title = title where id = (select min(id) from concern)");
		assertThat(kept(query, 1L)).as("after a write to another table")
			.singleElement()
			.satisfies((row) -> assertThat(row).containsExactly("kept-handle"));
		assertThat(kept(query, 2L)).as("other ids").isNull();
		this.jdbc.update("update person set name = name where id = (select min(id) from person)");
		assertThat(kept(query, 1L)).as("after a write to its table").isNull();
	}

	/** The rows kept for the query with this id, at the stamps of now. */
	private List<Object[]> kept(String query, long id) {
		return readOnly(() -> {
			KeptReads.Now now = this.reads.now();
			return now.find(now.keyOf(query, List.of(id), List.of()));
		});
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

	@Test
	void theProposalPageIsReadFromKeptReadsAndShowsAWriteToEveryTableItReads() throws Exception {
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/proposals/[a-z0-9-]+)\"")
			.matcher(page(this.session));
		assertThat(link.find()).as("the session page links its proposal").isTrue();
		String proposal = link.group(1);
		page(proposal);
		long found = this.reads.found();
		String again = page(proposal + "?again=1");
		assertThat(this.reads.found() - found).as("reads answered from what is kept").isPositive();
		assertThat(again).isEqualTo(readWhole(proposal + "?again=1"));
		page(proposal + "?before=title");
		this.jdbc.update("update summit_session set title = 'A title changed after the page was read' where slug = ?",
				this.slug);
		String afterTitle = page(proposal + "?after=title");
		assertThat(afterTitle).contains("A title changed after the page was read");
		assertThat(afterTitle).isEqualTo(readWhole(proposal + "?after=title"));
		page(proposal + "?before=concern");
		this.jdbc.update("""
				update concern set title = 'A concern changed after the page was read' where id = (select min(c.id)
				from concern c join summit_session s on s.id = c.session_id where s.slug = ?)""", this.slug);
		String afterConcern = page(proposal + "?after=concern");
		assertThat(afterConcern).contains("A concern changed after the page was read");
		assertThat(afterConcern).isEqualTo(readWhole(proposal + "?after=concern"));
	}

	@Test
	void aReadWithinAReadMakesTheOuterOneDependOnTheTablesOfWhatItTookFromWhatIsKept() {
		String handle = "reads-inner-" + System.nanoTime();
		this.jdbc.update("insert into person (handle, name, email) values (?, 'Inner', ? || '@example.org')", handle,
				handle);
		java.util.function.Supplier<String> inner = () -> this.reads.read("inner", List.of(handle),
				() -> this.jdbc.queryForObject("select name from person where handle = ?", String.class, handle));
		assertThat(readOnly(inner)).isEqualTo("Inner");
		java.util.function.Supplier<String> outer = () -> this.reads.read("outer", List.of(handle),
				() -> "Outer of " + inner.get());
		assertThat(readOnly(outer)).isEqualTo("Outer of Inner");
		long found = this.reads.found();
		assertThat(readOnly(outer)).isEqualTo("Outer of Inner");
		assertThat(this.reads.found() - found).as("the outer read answered from what is kept").isEqualTo(1);
		this.jdbc.update("update person set name = 'Renamed' where handle = ?", handle);
		assertThat(readOnly(outer)).isEqualTo("Outer of Renamed");
	}

	@Test
	void aReadWhoseStatementsCannotAllBeNotedOrWhoseAnswerCanChangeIsNotKept() {
		String plain = "plain-" + System.nanoTime();
		java.util.function.Supplier<Long> unnoted = () -> this.reads.read(plain, List.of(),
				() -> this.jdbc.queryForObject("select count(*) from person", Long.class));
		readOnly(unnoted);
		long found = this.reads.found();
		readOnly(unnoted);
		assertThat(this.reads.found()).as("a plain statement's read answered from what is kept").isEqualTo(found);
		java.util.function.Supplier<StringBuilder> changing = () -> this.reads.read(plain, List.of(1),
				() -> new StringBuilder(
						this.jdbc.queryForObject("select count(*) from person where id > ?", String.class, 0)));
		readOnly(changing);
		readOnly(changing);
		assertThat(this.reads.found()).as("an answer that can change answered from what is kept").isEqualTo(found);
	}

	@Test
	void aReadInATransactionThatHoldsEntitiesIsNotKept() {
		String what = "after-entities-" + System.nanoTime();
		java.util.function.Supplier<Long> read = () -> {
			this.entityManager.createQuery("select p from Person p", org.summittracker.people.Person.class)
				.setMaxResults(1)
				.getResultList();
			return this.reads.read(what, List.of(),
					() -> this.jdbc.queryForObject("select count(*) from person where id > ?", Long.class, 0));
		};
		readOnly(read);
		long found = this.reads.found();
		readOnly(read);
		assertThat(this.reads.found()).as("a read after an entity was loaded answered from what is kept")
			.isEqualTo(found);
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
