package org.summittracker.freshness;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import org.summittracker.account.HostileRoutes;
import org.summittracker.account.Role;
import org.summittracker.browser.PageType;
import org.summittracker.browser.PageTypes;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every page an anonymous reader gets (an HTML page answering 200) is kept by what it
 * shows: read twice, then after a write elsewhere it is sent as rendered before, byte for
 * byte, not rendered again. The pages are every route of {@link HostileRoutes#PAGES} (for
 * a fixture session, its resolution, follow-up and note revised) and the address of every
 * page type of {@link PageTypes} (the demo summit), so a new page is checked as soon as
 * it exists. The few pages that are never kept are {@link #NEVER_KEPT}, each with its
 * reason, and must still not be kept.
 */
@SummitIntegrationTest(properties = "summit.demo-data.enabled=true")
class EveryPageKeptTests {

	/**
	 * The pages never kept by their model, by route (or demo page type), and why. Each
	 * must still be a page, and still not be kept.
	 */
	static final Map<String, String> NEVER_KEPT = Map.ofEntries(
			entry("/login", "the sign-in form: left alone by the freshness filter; a CSRF token of its reader's own"),
			entry("/benchmark/reference", "the benchmark's yardstick (TechEmpower's Fortunes): rendered every time"),
			entry("demo minutes-print", "a session's printable minutes: written by the minutes writer, not a view"),
			entry("demo event-minutes-print", "an event's printable minutes: written by the minutes writer"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RenderingsByModel renderings;

	@Autowired
	Clock clock;

	@Test
	void everyAnonymousPageIsSentAsRenderedBeforeAfterAWriteElsewhere() throws Exception {
		List<String> notKept = new ArrayList<>();
		Set<String> checked = new TreeSet<>();
		for (Map.Entry<String, String> page : pages().entrySet()) {
			if (NEVER_KEPT.containsKey(page.getKey())) {
				continue;
			}
			String kept = keptOrWhyNot(page.getValue());
			if (kept != null) {
				checked.add(page.getKey());
				if (!kept.isEmpty()) {
					notKept.add(page.getKey() + " (" + page.getValue() + "): " + kept);
				}
			}
		}
		assertThat(checked).as("pages checked").hasSizeGreaterThan(40);
		assertThat(notKept).as("anonymous pages not sent as kept after a write elsewhere").isEmpty();
	}

	@Test
	void thePagesNeverKeptAreStillPagesNotKept() throws Exception {
		Map<String, String> pages = pages();
		assertThat(pages).as("pages").containsKeys(NEVER_KEPT.keySet().toArray(String[]::new));
		for (String page : NEVER_KEPT.keySet()) {
			String address = pages.get(page);
			seen(address);
			long found = this.renderings.found();
			writeElsewhere();
			assertThat(read(address).getStatus()).as("%s answers", page).isEqualTo(200);
			assertThat(this.renderings.found() - found).as("%s sent as kept (%s)", page, NEVER_KEPT.get(page)).isZero();
		}
	}

	/**
	 * Whether the page at this address is kept: an empty text if it is, why not if it is
	 * not, null if it is no anonymous HTML page answering 200. A page whose check crossed
	 * a quarter of an hour (part of what a page is kept by) is checked again.
	 */
	private String keptOrWhyNot(String address) throws Exception {
		String why = null;
		for (int attempt = 0; attempt < 2; attempt++) {
			long slot = slot();
			MockHttpServletResponse first = read(address);
			if (first.getStatus() != 200 || first.getContentType() == null
					|| !MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(first.getContentType()))) {
				return null;
			}
			String before = read(address).getContentAsString();
			long found = this.renderings.found();
			writeElsewhere();
			MvcResult third = this.mvc.perform(get(address)).andReturn();
			String again = third.getResponse().getContentAsString();
			long sentAsKept = this.renderings.found() - found;
			if (sentAsKept == 1 && again.equals(before)) {
				return "";
			}
			why = (sentAsKept != 1) ? "rendered again, " + notValues(third) : "sent as kept but not the same";
			if (slot() == slot) {
				return why;
			}
		}
		return why;
	}

	/**
	 * Every page's route and an address of it: the routes of {@link HostileRoutes#PAGES}
	 * for a fixture session, and the addresses of the page types of the demo summit.
	 */
	private Map<String, String> pages() throws Exception {
		HostileRoutes.Seen seen = HostileRoutes.Seen.of(this.fixture, this.jdbc, "kept");
		revise(seen);
		Map<String, String> pages = new TreeMap<>();
		HostileRoutes.PAGES.forEach((pattern, variables) -> pages.put(pattern,
				UriComponentsBuilder.fromPath(pattern).encode().buildAndExpand(variables.apply(seen)).toUriString()));
		// Each page type's address, also those shown signed in: read anonymously, those
		// answering 200 are checked.
		for (PageType type : PageTypes.ALL) {
			if (type.thenFollows() == null && type.status() == 200 && !pages.containsValue(type.path())) {
				pages.put("demo " + type.name(), type.path());
			}
		}
		return pages;
	}

	/**
	 * Revises the session's first resolution, follow-up and note through their forms, so
	 * that their pages show a history (an empty list would prove nothing of its rows).
	 */
	private void revise(HostileRoutes.Seen seen) throws Exception {
		MockHttpSession organizer = this.fixture.signedIn(this.mvc, "kept-organizer", Role.ORGANIZER);
		String session = seen.session().url();
		for (MockHttpServletRequestBuilder change : List.of(
				post(session + "/resolutions/1").param("statement", "Resolution 0, revised")
					.param("outcome", "AGREED")
					.param("version",
							version("resolution",
									"session_id = (select session_id from discussion_note"
											+ " where id = ?) and seq = 1",
									seen.noteId())),
				post("/follow-ups/{id}", seen.followUpId()).param("title", "Follow-up 0, revised")
					.param("owner", seen.handle())
					.param("version", version("follow_up", "id = ?", seen.followUpId())),
				post(session + "/notes/" + seen.noteId()).param("speaker", seen.handle())
					.param("kind", "answer")
					.param("body", "Note 0, revised")
					.param("version", version("discussion_note", "id = ?", seen.noteId())))) {
			MockHttpServletResponse response = this.mvc.perform(change.session(organizer).with(csrf()))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as("%s", response.getContentAsString()).isEqualTo(302);
		}
	}

	private String version(String table, String where, long id) {
		return this.jdbc.queryForObject("select version from " + table + " where " + where, String.class, id);
	}

	/** A write no page shows: a person nobody links to (the change stamp moves). */
	private void writeElsewhere() {
		String handle = "elsewhere-" + System.nanoTime();
		this.jdbc.update("insert into person (handle, name, email) values (?, ?, ?)", handle, "Elsewhere " + handle,
				handle + "@example.org");
	}

	/** Reads the page twice: an address is kept once it has been asked for before. */
	private void seen(String address) throws Exception {
		read(address);
		read(address);
	}

	private MockHttpServletResponse read(String address) throws Exception {
		return this.mvc.perform(get(address)).andReturn().getResponse();
	}

	/** The model's attributes that are not values, with their types. */
	private static String notValues(MvcResult result) {
		ModelAndView view = result.getModelAndView();
		if (view == null) {
			return "no view";
		}
		Map<String, String> notValues = new TreeMap<>();
		view.getModel().forEach((name, value) -> {
			if (!name.startsWith(BindingResult.MODEL_KEY_PREFIX)
					&& ModelDigest.of(Collections.singletonMap(name, value)) == null) {
				notValues.put(name, value.getClass().getSimpleName());
			}
		});
		return notValues.isEmpty() ? "its model is values (did it read the request, start a session, set a cookie?)"
				: "not values: " + notValues;
	}

	private long slot() {
		return this.clock.instant().getEpochSecond() / FreshPagesFilter.SLOT.toSeconds();
	}

}
