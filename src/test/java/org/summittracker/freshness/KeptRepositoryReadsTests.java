package org.summittracker.freshness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The reads of repositories and of methods annotated {@code KeptByTables}, kept by the
 * tables they read: pages read that way are read from what is kept, are the pages read
 * whole, and show a write to any table they read at once.
 */
@SummitIntegrationTest
class KeptRepositoryReadsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReadsByTables reads;

	@Autowired
	ChangeStamps stamps;

	@Autowired
	CacheManager caches;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MaintainershipRepository maintainerships;

	@Autowired
	PersonRepository people;

	Fixture.Built session;

	@BeforeEach
	void session() {
		this.session = this.fixtures.newSession("kept-repo", 3, 3, 3);
	}

	@Test
	void pagesReadThroughRepositoriesShowAWriteToEachTableTheyReadAndAreThePagesReadWhole() throws Exception {
		String sessionPage = page(this.session.url());
		String concern = link(sessionPage, Pattern.quote(this.session.url()) + "/concerns/[a-z0-9-]+");
		String subsystem = link(sessionPage, "/subsystems/[a-z0-9-]+");
		String resolution = link(sessionPage, Pattern.quote(this.session.url()) + "/resolutions/[0-9]+");
		String raiserHandle = this.jdbc.queryForObject("""
				select p.handle from concern c join person p on p.id = c.raised_by_id
				join summit_session s on s.id = c.session_id where s.slug = ? order by c.id limit 1""", String.class,
				this.session.slug());
		String raiser = "/people/" + raiserHandle;
		String concerns = "/concerns?event=" + this.session.eventSlug();
		String followUps = "/follow-ups?event=" + this.session.eventSlug();
		String search = "/search?q=keptbytables";
		String event = "/events/" + this.session.eventSlug();
		List<String> pages = List.of(event, concern, raiser, subsystem, concerns, followUps, search, resolution);
		for (String page : pages) {
			page(address(page, "first"));
			long found = this.reads.found();
			String again = page(address(page, "again"));
			assertThat(this.reads.found() - found).as("reads of %s answered from what is kept", page).isPositive();
			assertThat(again).as(page).isEqualTo(readWhole(address(page, "again")));
		}
		// A write to each table the pages read: each shows on the pages that show it.
		write(pages, "Retitled keptbytables", List.of(concern, raiser, concerns, search),
				"update concern set title = ? where id = (select min(c.id) from concern c "
						+ "join summit_session s on s.id = c.session_id where s.slug = ?)",
				this.session.slug());
		write(pages, "Renamed Keptbytables", List.of(raiser), "update person set name = ? where handle = ?",
				raiserHandle);
		write(pages, "Session keptbytables", List.of(event, concern, subsystem, followUps, resolution),
				"update summit_session set title = ? where slug = ?", this.session.slug());
		write(pages, "Resolved keptbytables", List.of(resolution),
				"update resolution set statement = ? where id = (select min(r.id) from resolution r "
						+ "join summit_session s on s.id = r.session_id where s.slug = ?)",
				this.session.slug());
		write(pages, "Followed keptbytables", List.of(followUps),
				"update follow_up set title = ? where id = (select min(f.id) from follow_up f "
						+ "join summit_session s on s.id = f.session_id where s.slug = ?)",
				this.session.slug());
	}

	@Test
	void aRepositoryReadIsKeptInAReadersRequestAndNowhereElse() {
		Long personId = this.fixtures.personId(this.session.person(0));
		long found = this.reads.found();
		this.maintainerships.findByPersonId(personId);
		this.maintainerships.findByPersonId(personId);
		assertThat(this.reads.found()).as("kept outside a reader's request").isEqualTo(found);
		inAReadersRequest(() -> {
			List<SubsystemMaintainer> first = List.copyOf(this.maintainerships.findByPersonId(personId));
			assertThat(first).isNotEmpty();
			long before = this.reads.found();
			List<SubsystemMaintainer> mine = this.maintainerships.findByPersonId(personId);
			assertThat(this.reads.found() - before).as("answered from what is kept").isEqualTo(1);
			assertThat(mine).isEqualTo(first);
			// Each caller is handed its own list, which it may change.
			mine.clear();
			assertThat(this.maintainerships.findByPersonId(personId)).isEqualTo(first);
			before = this.reads.found();
			this.transactions.execute((status) -> this.maintainerships.findByPersonId(personId));
			assertThat(this.reads.found()).as("answered from what is kept in a transaction that may write")
				.isEqualTo(before);
			// Entities are never kept: each read is the database's, and the caller's own.
			Person once = this.people.findByHandle(this.session.person(0)).orElseThrow();
			Person twice = this.people.findByHandle(this.session.person(0)).orElseThrow();
			assertThat(this.reads.found()).as("entities answered from what is kept").isEqualTo(before);
			assertThat(twice).isNotSameAs(once);
			return null;
		});
	}

	@Test
	void onlyArgumentsThatAreValuesMakeAKeyAndCollectionsAreCopied() {
		List<Long> ids = new ArrayList<>(List.of(1L, 2L));
		List<Object> inputs = KeptRepositoryReads.inputsOf(new Object[] { ids, PageRequest.of(0, 20), "text", null });
		ids.add(3L);
		assertThat(inputs).containsExactly(List.of(1L, 2L), PageRequest.of(0, 20), "text", null);
		assertThat(KeptRepositoryReads.inputsOf(new Object[] { new Long[] { 1L } })).containsExactly(List.of(1L));
		assertThat(KeptRepositoryReads.inputsOf(new Object[] { Set.of("a") })).containsExactly(Set.of("a"));
		assertThat(KeptRepositoryReads.inputsOf(new Object[] { new StringBuilder("can change") })).isNull();
		assertThat(KeptRepositoryReads.inputsOf(new Object[] { new Person("handle", "Name", null, null) })).isNull();
	}

	/**
	 * Writes {@code text} with the statement, then reads every page again: each is the
	 * page read whole, and those {@code showing} it show the text.
	 */
	private void write(List<String> pages, String text, List<String> showing, String sql, String where)
			throws Exception {
		for (String page : pages) {
			page(address(page, "before-" + text.hashCode()));
		}
		assertThat(this.jdbc.update(sql, text, where)).isEqualTo(1);
		for (String page : pages) {
			String after = page(address(page, "after-" + text.hashCode()));
			if (showing.contains(page)) {
				assertThat(after).as("%s after %s", page, text).contains(text);
			}
			assertThat(after).as("%s after %s", page, text)
				.isEqualTo(readWhole(address(page, "after-" + text.hashCode())));
		}
	}

	private <T> T inAReadersRequest(Supplier<T> read) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/somewhere");
		request.setAttribute(FreshPagesFilter.STAMP_READ, this.stamps.current());
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return read.get();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static String address(String page, String mark) {
		return page + (page.contains("?") ? "&" : "?") + "at=" + mark;
	}

	private static String link(String html, String pattern) {
		Matcher link = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
		assertThat(link.find()).as("a link matching %s", pattern).isTrue();
		return link.group(1);
	}

	/** The page read with nothing kept. */
	private String readWhole(String path) throws Exception {
		this.caches.getCacheNames().forEach((name) -> this.caches.getCache(name).clear());
		long found = this.reads.found();
		String whole = page(path);
		assertThat(this.reads.found()).as("reads kept while %s was read whole", path).isEqualTo(found);
		return whole;
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
