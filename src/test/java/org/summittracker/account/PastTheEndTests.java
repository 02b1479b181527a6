package org.summittracker.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page a list or a section of which is paged ({@code page}, or a section's own
 * parameter), asked for page 9999 of it: 404, saying which page is past the end and how
 * many there are, with a link to the last page that keeps every other parameter, and that
 * link answers. The pages come from {@link HostileRoutes#PAGES} and their parameters from
 * their handlers, so a new paged page is asked as soon as it exists.
 */
@SummitIntegrationTest
class PastTheEndTests {

	/** The parameters that page one section of a page of several. */
	static final Set<String> SECTIONS = Set.of("maintains", "maintainers", "discussed", "concerns", "movements",
			"sessions", "citing", "addressing");

	/** What a page needs besides its path to list anything: the search, a text. */
	static final Map<String, String> LISTING = Map.of("/search", "q=session");

	/** A parameter no page reads, which the last page's link keeps all the same. */
	static final String KEPT = "kept=yes";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyPagedListOrSectionAskedPastItsEndIsNotFoundWithALinkToItsLastPage() throws Exception {
		HostileRoutes.Seen seen = HostileRoutes.Seen.of(this.fixture, this.jdbc, "past-end");
		MockHttpSession admin = this.fixture.signedIn(this.mvc, "past-end-admin", Role.ADMIN, Role.ORGANIZER);
		List<String> asked = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, java.util.function.Function<HostileRoutes.Seen, Map<String, String>>> page : HostileRoutes.PAGES
			.entrySet()) {
			String pattern = page.getKey();
			String path = UriComponentsBuilder.fromPath(pattern)
				.encode()
				.buildAndExpand(page.getValue().apply(seen))
				.toUriString();
			for (String param : HostileRoutes.fieldsOf(HostileRoutes.handler(this.mappings, "GET", pattern))) {
				if (!"page".equals(param) && !SECTIONS.contains(param)) {
					continue;
				}
				String query = KEPT + (LISTING.containsKey(pattern) ? "&" + LISTING.get(pattern) : "");
				String url = path + "?" + query + "&" + param + "=9999";
				asked.add(url);
				String problem = pastTheEnd(url, param, admin);
				if (problem != null) {
					wrong.add(url + ": " + problem);
				}
			}
		}
		assertThat(asked).as("the paged pages asked")
			.anyMatch((url) -> url.startsWith("/events?"))
			.anyMatch((url) -> url.contains("maintains=9999"))
			.anyMatch((url) -> url.contains("citing=9999"))
			.anyMatch((url) -> url.contains("/proposals/") && url.contains("sessions=9999"));
		assertThat(wrong).isEmpty();
	}

	/** What is wrong with the answer to a page asked past its end; null when nothing. */
	private String pastTheEnd(String url, String param, MockHttpSession admin) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url).session(admin).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		if (response.getStatus() != 404) {
			return "answered " + response.getStatus();
		}
		Document page = Jsoup.parse(response.getContentAsString());
		String said = page.select("p.past-end").text();
		if (!said.matches("Page 9999 (of .+ )?is past the end: there (is 1 page|are [0-9,]+ pages)\\.")) {
			return "says '" + said + "'";
		}
		if (!"page".equals(param) && !said.startsWith("Page 9999 of ")) {
			return "does not name the section: '" + said + "'";
		}
		String last = page.select("a.last-page").attr("href");
		if (last.contains(param + "=9999") || !last.contains(KEPT)) {
			return "links to " + last;
		}
		int status = this.mvc.perform(get(last).session(admin).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getStatus();
		return (status == 200) ? null : "the last page " + last + " answered " + status;
	}

}
