package org.summittracker.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.summittracker.account.PagesShowingChanges.Reader;
import org.summittracker.account.PagesShowingChanges.Shown;
import org.summittracker.account.Probe.Who;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No stale pages: for every route that changes data (from the handler mappings, as in
 * {@link AuthorizationMatrixTests}), the pages and exports that show the change
 * ({@link PagesShowingChanges}) are read, as anonymous readers read them (so from the
 * cache of rendered pages once it holds them) or signed in as the reader each names (an
 * administrator, the organizer, the target's person for their {@code /me}), the change is
 * made by someone allowed to, and every one of those pages must answer with a new ETag
 * and new content.
 */
@SummitIntegrationTest
class NoStalePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Fixture fixture;

	@Autowired
	ApplicationContext context;

	ProbeSetUp setUp;

	ProbeSetUp.SignedIn signedIn;

	final Map<String, MockHttpSession> targets = new HashMap<>();

	@BeforeEach
	void signIn() throws Exception {
		this.setUp = new ProbeSetUp(this.fixture, this.context);
		this.signedIn = this.setUp.signInEach(this.mvc);
	}

	@Test
	void everyDataChangingRouteSaysWhichPagesShowItsChange() {
		Set<String> routes = new TreeSet<>(DataChangingRoutes.in(this.mappings));
		DataChangingRoutes.ALL.stream()
			.filter((probe) -> probe.request() == null)
			.map(Probe::key)
			.forEach(routes::remove);
		assertThat(routes).as("data-changing routes without an entry in PagesShowingChanges")
			.isSubsetOf(PagesShowingChanges.BY_ROUTE.keySet());
		assertThat(PagesShowingChanges.BY_ROUTE.keySet()).as("entries in PagesShowingChanges for no route")
			.isSubsetOf(routes);
	}

	@Test
	void afterEveryChangeEveryPageAndExportShowingItIsNew() throws Exception {
		List<String> stale = new ArrayList<>();
		for (Probe probe : DataChangingRoutes.ALL) {
			if (probe.request() == null) {
				continue;
			}
			Who who = probe.allowed().contains(Who.ORGANIZER) ? Who.ORGANIZER
					: probe.allowed().contains(Who.ADMIN) ? Who.ADMIN : Who.MAINTAINER_ON_SELF;
			Probe.Target target = this.setUp.target(who, this.signedIn);
			// Building the request makes what it acts on (a concern, a follow-up...):
			// before the pages are read.
			MockHttpServletRequestBuilder change = probe.request().apply(target);
			String path = change.buildRequest(new MockServletContext()).getRequestURI();
			List<Shown> shown = PagesShowingChanges.BY_ROUTE.get(probe.key()).apply(target, path);
			List<MockHttpServletResponse> before = new ArrayList<>();
			for (Shown page : shown) {
				before.add(read(page, target));
			}
			int status = this.mvc
				.perform(change.with(csrf()).session(this.signedIn.of(who)).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(probe.key() + " as " + who).isLessThan(400);
			for (int i = 0; i < shown.size(); i++) {
				MockHttpServletResponse after = read(shown.get(i), target);
				String was = before.get(i).getHeader(HttpHeaders.ETAG);
				String is = after.getHeader(HttpHeaders.ETAG);
				if (was == null || was.equals(is)) {
					stale.add(probe.key() + ": " + shown.get(i).url() + " kept its ETag " + was);
				}
				if (shownPart(shown.get(i), before.get(i)).equals(shownPart(shown.get(i), after))) {
					stale.add(probe.key() + ": " + shown.get(i).url() + " as " + shown.get(i).reader()
							+ " kept its content");
				}
			}
		}
		assertThat(stale).isEmpty();
	}

	/**
	 * The routes whose changes a session's minutes list as amendments once they are final
	 * (and its page with them, {@code AmendmentView}).
	 */
	static final Set<String> AMENDING = Set.of("POST /events/{event}/sessions/{session}/concerns",
			"POST /events/{event}/sessions/{session}/concerns/{key}/responses",
			"POST /events/{event}/sessions/{session}/concerns/{key}/status",
			"POST /events/{event}/sessions/{session}/positions",
			"POST /events/{event}/sessions/{session}/positions/{handle}",
			"POST /events/{event}/sessions/{session}/resolutions",
			"POST /events/{event}/sessions/{session}/resolutions/{seq}",
			"POST /events/{event}/sessions/{session}/follow-ups", "POST /follow-ups/{id}",
			"POST /follow-ups/{id}/status", "POST /events/{event}/sessions/{session}/notes",
			"POST /events/{event}/sessions/{session}/notes/{id}",
			"POST /events/{event}/sessions/{session}/notes/{id}/move",
			"POST /events/{event}/sessions/{session}/notes/{id}/strike",
			"POST /events/{event}/sessions/{session}/notes/{id}/restore",
			"POST /events/{event}/sessions/{session}/material", "POST /events/{event}/sessions/{session}/material/{id}",
			"POST /events/{event}/sessions/{session}/material/{id}/withdrawal");

	/**
	 * Once a session's minutes are final, every change they list as an amendment is
	 * listed on the session page at once, as anonymous readers read it (from the cache of
	 * rendered pages): the probes of {@link PagesShowingChanges} change sessions whose
	 * minutes are a draft, where a response, say, leaves the page as it was.
	 */
	@Test
	void afterTheFinalMinutesEveryAmendmentIsListedOnTheSessionPage() throws Exception {
		assertThat(AMENDING).isSubsetOf(DataChangingRoutes.ALL.stream().map(Probe::key).toList());
		List<String> stale = new ArrayList<>();
		for (Probe probe : DataChangingRoutes.ALL) {
			if (!AMENDING.contains(probe.key())) {
				continue;
			}
			Who who = probe.allowed().contains(Who.ORGANIZER) ? Who.ORGANIZER : Who.MAINTAINER_ON_SELF;
			Probe.Target target = this.setUp.target(who, this.signedIn);
			this.mvc
				.perform(post(target.sessionPath() + "/minutes/final").with(csrf())
					.session(this.signedIn.organizerSession()))
				.andExpect(status().is3xxRedirection());
			MockHttpServletRequestBuilder change = probe.request().apply(target);
			Shown page = Shown.page(target.sessionPath());
			MockHttpServletResponse before = read(page, target);
			assertThat(this.mvc.perform(change.with(csrf()).session(this.signedIn.of(who)).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse()
				.getStatus()).as(probe.key() + " as " + who).isLessThan(400);
			MockHttpServletResponse after = read(page, target);
			if (Objects.equals(before.getHeader(HttpHeaders.ETAG), after.getHeader(HttpHeaders.ETAG))
					|| amendments(before).equals(amendments(after))) {
				stale.add(probe.key() + ": " + amendments(after));
			}
		}
		assertThat(stale).isEmpty();
	}

	/** The text of the page's list of what changed since its final minutes. */
	private static String amendments(MockHttpServletResponse page) throws Exception {
		return Jsoup.parse(page.getContentAsString()).select("section.amendments li").eachText().toString();
	}

	/**
	 * A response given in a later session to a concern carried into it, then a status
	 * change made there, are in that session's minutes: after each, every format of them
	 * is new (the probes of {@link PagesShowingChanges} answer and move a concern of the
	 * session itself).
	 */
	@Test
	void aCarriedConcernAnsweredOrMovedInALaterSessionRenewsThatSessionsMinutes() throws Exception {
		Probe.Target target = this.setUp.target(Who.ORGANIZER, this.signedIn);
		String concern = ConcernProbes.path(target, ConcernProbes.carriedIntoTarget(target));
		List<Shown> minutes = List.of(".md", ".txt", ".html", ".pdf", ".json")
			.stream()
			.map((format) -> Shown.page(target.sessionPath() + "/minutes" + format))
			.toList();
		List<String> stale = new ArrayList<>();
		for (MockHttpServletRequestBuilder change : List.of(
				post(concern + "/responses").param("body", "Answered in the later session"),
				post(concern + "/status").param("status", "RESOLVED").param("note", "Resolved in the later session"))) {
			List<MockHttpServletResponse> before = new ArrayList<>();
			for (Shown page : minutes) {
				before.add(read(page, target));
			}
			this.mvc.perform(change.with(csrf()).session(this.signedIn.of(Who.ORGANIZER)).accept(MediaType.TEXT_HTML))
				.andExpect(status().is3xxRedirection());
			for (int i = 0; i < minutes.size(); i++) {
				MockHttpServletResponse after = read(minutes.get(i), target);
				if (Objects.equals(before.get(i).getHeader(HttpHeaders.ETAG), after.getHeader(HttpHeaders.ETAG))
						|| before.get(i).getContentAsString().equals(after.getContentAsString())) {
					stale.add(change.buildRequest(new MockServletContext()).getRequestURI() + ": "
							+ minutes.get(i).url());
				}
			}
		}
		assertThat(stale).isEmpty();
	}

	/**
	 * Reads a page twice, so that the second answer comes from the cache if any (for
	 * anonymous readers), as its {@link Reader} reads it.
	 */
	private MockHttpServletResponse read(Shown page, Probe.Target target) throws Exception {
		MockHttpServletResponse response = null;
		for (int i = 0; i < 2; i++) {
			MockHttpServletRequestBuilder request = get(page.url());
			switch (page.reader()) {
				case ANONYMOUS -> {
				}
				case ADMIN -> request.session(this.signedIn.adminSession());
				case ORGANIZER -> request.session(this.signedIn.organizerSession());
				case TARGET -> request.session(signedInAs(target.handle()));
			}
			response = this.mvc.perform(request).andReturn().getResponse();
		}
		assertThat(response.getStatus()).as(page.url() + " as " + page.reader()).isEqualTo(200);
		return response;
	}

	/**
	 * What must change of a page: the whole of what anonymous readers are sent; for a
	 * reader signed in, the page's {@code <main>}, as the header's "Waiting on me" count
	 * follows many a change that the page itself might miss.
	 */
	private static String shownPart(Shown page, MockHttpServletResponse response) throws Exception {
		String content = response.getContentAsString();
		int main = content.indexOf("<main");
		if (page.reader() == Reader.ANONYMOUS || main < 0) {
			return content;
		}
		return content.substring(main, content.indexOf("</main>", main));
	}

	/** The target's person signed in with their own account, once each. */
	private MockHttpSession signedInAs(String handle) throws Exception {
		MockHttpSession session = this.targets.get(handle);
		if (session == null) {
			session = this.fixture.signIn(this.mvc, handle);
			this.targets.put(handle, session);
		}
		return session;
	}

}
