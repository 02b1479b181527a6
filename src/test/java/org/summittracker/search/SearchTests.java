package org.summittracker.search;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Search on PostgreSQL: ranking, snippets, filters, prefixes and phrases, hostile input,
 * and a number of statements that does not grow with the matches.
 */
@SummitIntegrationTest
class SearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	CacheManager caches;

	@Test
	void findsEveryKindGroupedInOrderWithPermalinks() throws Exception {
		SearchData data = new SearchData(this.jdbc, "every", 2021);
		data.note(1, "The quuxbisect tooling was mentioned.");
		long concern = data.concern("quuxbisect-breaks", "Quuxbisect breaks", "It breaks.");
		data.response(concern, "Quuxbisect is fine by me.");
		data.resolution(1, "Keep quuxbisect working.");
		data.followUp("Document quuxbisect");
		data.person("quuxbisect-fan", "Quuxbisect Fan");
		Document page = search("/search?q=quuxbisect");
		assertThat(page.select(".search-group h3").eachText()).containsExactly("Discussion notes", "Concerns",
				"Responses to concerns", "Resolutions", "Follow-ups", "People");
		assertThat(titles("/search?q=" + data.tag)).contains("Session " + data.tag);
		String session = "/events/" + data.event + "/sessions/" + data.session;
		assertThat(page.select(".search-hits a").eachAttr("href")).contains(session + "#note-1",
				session + "/concerns/quuxbisect-breaks", session + "/concerns/quuxbisect-breaks#responses",
				session + "/resolutions/1", "/people/quuxbisect-fan");
		assertThat(page.select("h2#found").text()).isEqualTo("6 results");
	}

	@Test
	void ranksTitlesAboveBodiesAndMarksTheMatchesInEscapedSnippets() throws Exception {
		SearchData data = new SearchData(this.jdbc, "rank", 2022);
		data.concern("body-only", "Something else", "Only the body says <b>florpstability</b> & more.");
		data.concern("in-title", "Florpstability of the toolchain", "The title says it.");
		Document page = search("/search?q=florpstability&kind=concerns");
		List<Element> hits = page.select(".search-hits li");
		assertThat(hits).hasSize(2);
		assertThat(hits.get(0).selectFirst("a").text()).isEqualTo("Florpstability of the toolchain");
		Element snippet = hits.get(1).selectFirst(".snippet");
		assertThat(snippet.select("mark").eachText()).containsExactly("florpstability");
		// What people wrote is text, never markup: the <b> is shown, not obeyed.
		assertThat(snippet.select("b")).isEmpty();
		assertThat(snippet.text()).contains("<b>florpstability</b> & more");
	}

	@Test
	void findsProposalsByKeyTitleAndStatementWithTheirFilters() throws Exception {
		SearchData data = new SearchData(this.jdbc, "proposal", 2019);
		String key = "zorblang-trial-" + data.tag;
		long proposal = data.proposal(key, "Zorblang trial", "Try the <zorblang> toolchain for two years.");
		Document page = search("/search?q=zorblang");
		assertThat(page.select(".search-group h3").eachText()).contains("Proposals");
		Element hit = page.selectFirst("section:has(h3#kind-proposals) .search-hits li");
		assertThat(hit.selectFirst("a").attr("href")).isEqualTo("/proposals/" + key);
		assertThat(hit.select(".snippet mark").eachText()).contains("zorblang");
		assertThat(hit.select(".snippet").text()).contains("<zorblang>");
		assertThat(titles("/search?kind=proposals&q=" + key)).containsExactly("Zorblang trial");
		assertThat(titles("/search?kind=proposals&q=zorbl*")).contains("Zorblang trial");
		assertThat(titles("/search?kind=proposals&q=" + enc("\"zorblang trial\""))).contains("Zorblang trial");
		assertThat(titles("/search?kind=proposals&q=" + enc("zorblang -toolchain"))).isEmpty();
		// Filters: an event or year that discussed it, a subsystem of a session that
		// did, a person who took a position on it.
		assertThat(titles("/search?kind=proposals&q=zorblang&event=" + data.event)).containsExactly("Zorblang trial");
		assertThat(titles("/search?kind=proposals&q=zorblang&year=2019")).contains("Zorblang trial");
		assertThat(titles("/search?kind=proposals&q=zorblang&year=2018")).doesNotContain("Zorblang trial");
		assertThat(titles("/search?kind=proposals&q=zorblang&subsystem=" + data.subsystem))
			.containsExactly("Zorblang trial");
		assertThat(titles("/search?kind=proposals&q=zorblang&person=" + data.speaker)).isEmpty();
		data.position(proposal);
		assertThat(titles("/search?kind=proposals&q=zorblang&person=" + data.speaker))
			.containsExactly("Zorblang trial");
	}

	@Test
	void stemsPrefixesPhrasesAndExclusions() throws Exception {
		SearchData data = new SearchData(this.jdbc, "syntax", 2023);
		data.concern("one", "Grozzling toolchains", "Flumbrous grozzlers break.");
		data.concern("two", "Toolchain grozzle", "Nothing else.");
		data.concern("three", "Mentions grozzletron once", "And rust.");
		assertThat(titles("/search?kind=concerns&q=grozzle")).containsExactlyInAnyOrder("Grozzling toolchains",
				"Toolchain grozzle");
		assertThat(titles("/search?kind=concerns&q=grozzl*")).containsExactlyInAnyOrder("Grozzling toolchains",
				"Toolchain grozzle", "Mentions grozzletron once");
		assertThat(titles("/search?kind=concerns&q=" + enc("\"toolchain grozzle\"")))
			.containsExactly("Toolchain grozzle");
		assertThat(titles("/search?kind=concerns&q=" + enc("grozzl* -rust")))
			.containsExactlyInAnyOrder("Grozzling toolchains", "Toolchain grozzle");
		assertThat(titles("/search?kind=concerns&q=" + enc("grozzl* -grozzletron*"))).hasSize(2);
		assertThat(titles("/search?kind=concerns&q=" + enc("grozzletron or flumbrous"))).hasSize(2);
	}

	@Test
	void aSearchOfPartOfAWordThatFindsNothingOffersTheWordsStartingSo() throws Exception {
		SearchData data = new SearchData(this.jdbc, "part", 2023);
		data.concern("firm", "Snorfleware loading from drivers", "No abstraction yet.");
		Document page = search("/search?kind=concerns&q=snorfle");
		assertThat(page.select(".search-hits li")).isEmpty();
		Element offer = page.selectFirst("a[href*='snorfle*']");
		assertThat(offer).as("a link to the words starting so").isNotNull();
		assertThat(offer.text()).isEqualTo("snorfle*");
		assertThat(titles(offer.attr("href"))).containsExactly("Snorfleware loading from drivers");
		// Nothing is offered for a search with operators, nor when something is found.
		assertThat(search("/search?kind=concerns&q=" + enc("\"snorfle x\"")).select("a[href*='snorfle*']")).isEmpty();
		assertThat(search("/search?kind=concerns&q=snorfleware").select("a[href*='snorfleware*']")).isEmpty();
		assertThat(search("/search?kind=concerns&q=" + enc("snorfle or zwonk")).select("a[href*='snorfle*']").text())
			.isEqualTo("snorfle* or zwonk*");
	}

	@Test
	void filtersByKindEventYearSubsystemAndPerson() throws Exception {
		SearchData early = new SearchData(this.jdbc, "early", 2019);
		SearchData late = new SearchData(this.jdbc, "late", 2025);
		early.concern("a", "Wibblecache early", "x");
		late.concern("b", "Wibblecache late", "x");
		late.note(1, "wibblecache in a note");
		long other = late.person("wibble-other", "Wibblecache Other");
		assertThat(other).isPositive();
		assertThat(titles("/search?q=wibblecache")).hasSize(4);
		assertThat(titles("/search?q=wibblecache&kind=concerns")).hasSize(2);
		assertThat(titles("/search?q=wibblecache&event=" + early.event)).containsExactly("Wibblecache early");
		assertThat(titles("/search?q=wibblecache&year=2025")).containsExactlyInAnyOrder("Wibblecache late",
				"Note 1 in Session " + late.tag);
		assertThat(titles("/search?q=wibblecache&subsystem=" + late.subsystem + "&kind=concerns")).isEmpty();
		assertThat(titles("/search?q=wibblecache&subsystem=" + late.subsystem))
			.containsExactly("Note 1 in Session " + late.tag);
		assertThat(titles("/search?q=wibblecache&person=" + early.speaker)).containsExactly("Wibblecache early");
		assertThat(titles("/search?q=wibblecache&person=nobody-at-all")).isEmpty();
		// The kind links keep the other filters.
		Document page = search("/search?q=wibblecache&year=2025");
		assertThat(page.select(".kind-counts a").eachAttr("href"))
			.allMatch((href) -> href.contains("year=2025") && href.contains("q=wibblecache"));
	}

	@Test
	void findsPeopleByNameHandleAndEmail() throws Exception {
		SearchData data = new SearchData(this.jdbc, "people", 2024);
		long ted = data.person("tsotest", "Theodore Ts'otest");
		// By a further address too (person_address), as the mail import finds people.
		this.jdbc.update("insert into person_address (person_id, address, source) values (?, ?, 'MANUAL')", ted,
				"ted-further@mit-search.example");
		assertThat(titles("/search?kind=people&q=" + enc("ted-further@mit-search.example")))
			.containsExactly("Theodore Ts'otest");
		assertThat(titles("/search?kind=people&q=" + enc("Ts'otest"))).containsExactly("Theodore Ts'otest");
		assertThat(titles("/search?kind=people&q=tsotest")).containsExactly("Theodore Ts'otest");
		assertThat(titles("/search?kind=people&q=" + enc(data.speaker + "@example.org"))).hasSize(1);
		assertThat(titles("/search?kind=subsystems&q=" + enc(data.subsystem))).containsExactly("Subsystem " + data.tag);
	}

	@Test
	void twentyFiveAPage() throws Exception {
		SearchData data = new SearchData(this.jdbc, "pages", 2024);
		for (int i = 1; i <= 30; i++) {
			data.note(i, "Plinthwarp number " + i);
		}
		assertThat(titles("/search?q=plinthwarp")).hasSize(25);
		assertThat(titles("/search?q=plinthwarp&page=2")).hasSize(5);
		Document page = search("/search?q=plinthwarp");
		assertThat(page.select("h2#found").text()).isEqualTo("30 results");
		assertThat(page.select(".pager a[rel=next]").attr("href")).contains("q=plinthwarp").contains("page=2");
	}

	@Test
	void saysSoWhenThereIsNothingToSearchFor() throws Exception {
		assertThat(search("/search").select("main").text()).contains("Type what to look for");
		assertThat(search("/search?q=").select("main").text()).contains("Type what to look for");
		assertThat(search("/search?q=" + enc("the and of")).select("main").text()).contains("only common words");
		assertThat(search("/search?q=" + enc("zzzznothingmatchesthis")).select("main").text())
			.contains("Nothing matches");
	}

	@Test
	void hostileQueriesAnswerWithoutHarm() throws Exception {
		new SearchData(this.jdbc, "hostile", 2024).concern("h", "Hostile target", "drop table person");
		String[] queries = { "'; drop table person; --", "\"unclosed phrase", "!!! & | ( ) :* <->", "a:* & b", "-", "*",
				"**", "-*", "\"\"", "or or or", "-rust -bisect", "<script>alert(1)</script>", "\\\\", "%_", "é* ü* 漢字*",
				"x".repeat(200), "bisec* ".repeat(28), "robert'); select pg_sleep(10); --", "\uE000mark\uE001" };
		for (String query : queries) {
			MockHttpServletResponse response = this.mvc.perform(get("/search").param("q", query))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(query).isEqualTo(200);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from person", Long.class)).isPositive();
		// Control characters are refused when the address is read, as in every form.
		assertThat(this.mvc.perform(get("/search").param("q", "\u0000null\u0007bell"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		MockHttpServletResponse tooLong = this.mvc.perform(get("/search").param("q", "x".repeat(201)))
			.andReturn()
			.getResponse();
		assertThat(tooLong.getStatus()).isEqualTo(400);
		assertThat(tooLong.getContentAsString()).contains("at most 200 characters");
		assertThat(this.mvc.perform(get("/search?q=x&kind=bogus")).andReturn().getResponse().getStatus())
			.isEqualTo(400);
		assertThat(this.mvc.perform(get("/search?q=x&year=soon")).andReturn().getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void statementsPerSearchDoNotGrowWithTheMatches() throws Exception {
		SearchData data = new SearchData(this.jdbc, "bounds", 2024);
		data.note(1, "Snorkelbound once");
		long one = statementsFor("/search?q=snorkelbound");
		for (int i = 2; i <= 40; i++) {
			data.note(i, "Snorkelbound again " + i);
			long concern = data.concern("c" + i, "Snorkelbound " + i, "x");
			data.response(concern, "snorkelbound reply");
			data.followUp("Snorkelbound " + i);
		}
		long many = statementsFor("/search?q=snorkelbound");
		assertThat(many).isEqualTo(one).isLessThanOrEqualTo(4);
		assertThat(statementsFor("/search?q=snorkelbound&page=3&year=2024&person=" + data.speaker))
			.isLessThanOrEqualTo(4);
	}

	private long statementsFor(String url) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		// What a search's reads cost, not what was kept of them.
		this.caches.getCache("reads").clear();
		statistics.clear();
		assertThat(this.mvc.perform(get(java.net.URI.create(url))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		return statistics.getPrepareStatementCount();
	}

	private List<String> titles(String url) throws Exception {
		return search(url).select(".search-hits li > a").eachText();
	}

	private Document search(String url) throws Exception {
		// The address as it is, already encoded (MockMvc would encode a template again).
		MockHttpServletRequestBuilder request = get(java.net.URI.create(url));
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

}
