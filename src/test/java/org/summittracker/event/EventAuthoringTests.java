package org.summittracker.event;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SummitIntegrationTest
class EventAuthoringTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpSession organizer;

	@BeforeEach
	void signIn() throws Exception {
		this.organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
	}

	@Test
	void anOrganizerCreatesAnEventWhoseSlugComesFromTheName() throws Exception {
		this.mvc.perform(get("/events/new").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New event")));
		this.mvc
			.perform(post("/events").session(this.organizer)
				.with(csrf())
				.param("name", "Kernel Maintainers Summit 2031")
				.param("startsOn", "2031-12-08")
				.param("endsOn", "2031-12-10")
				.param("location", "Tokyo")
				.param("description", "Held *alongside* Open Source Summit.")
				.param("status", "UPCOMING"))
			.andExpect(redirectedUrl("/events/kernel-maintainers-summit-2031"));
		this.mvc.perform(get("/events/kernel-maintainers-summit-2031"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tokyo")))
			.andExpect(content().string(containsString("<em>alongside</em>")))
			.andExpect(content().string(containsString("Upcoming")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'EVENT_CREATED' and summary like ?", Integer.class,
				"Created the event kernel-maintainers-summit-2031%"))
			.isEqualTo(1);
	}

	@Test
	void upcomingEventsComeFirstOnTheListAndAtHome() throws Exception {
		create("Summit held long ago", "1999-01-01", "HELD");
		create("Summit coming soon", "1998-06-01", "UPCOMING");
		String list = this.mvc.perform(get("/events")).andReturn().getResponse().getContentAsString();
		String firstRow = list.substring(list.indexOf("<tbody>"));
		assertThat(firstRow.substring(0, firstRow.indexOf("</tr>"))).contains("Summit coming soon");
		String home = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(home.indexOf("Summit coming soon")).isPositive().isLessThan(home.indexOf("Recent events"));
	}

	@Test
	void badInputAnswers422WithMessagesNextToTheFieldsAndSavesNothing() throws Exception {
		this.mvc
			.perform(post("/events").session(this.organizer)
				.with(csrf())
				.param("name", "")
				.param("startsOn", "2031-12-08")
				.param("endsOn", "2031-12-01")
				.param("location", "Tok\u0000yo"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(post("/events").session(this.organizer)
				.with(csrf())
				.param("name", "")
				.param("startsOn", "2031-12-08")
				.param("endsOn", "2031-12-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the event a name.")))
			.andExpect(content().string(containsString("The last day cannot be before the first.")));
		this.mvc
			.perform(post("/events").session(this.organizer)
				.with(csrf())
				.param("name", "Bad slug")
				.param("slug", "Not A Slug")
				.param("startsOn", "31-12-2031")
				.param("endsOn", "2031-12-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a day between 1990 and 2200 as YYYY-MM-DD")));
		assertThat(this.jdbc.queryForObject("select count(*) from event where name = 'Bad slug'", Integer.class))
			.isZero();
	}

	@Test
	void aDayThatIsNoDayDoesNotHideTheOtherMistakes() throws Exception {
		String taken = create("Summit whose slug is taken", "2031-11-01", "UPCOMING");
		this.mvc
			.perform(post("/events").session(this.organizer)
				.with(csrf())
				.param("name", "")
				.param("slug", taken)
				.param("startsOn", "31-12-2031")
				.param("endsOn", "2031-12-01")
				.param("location", "Hidden mistakes"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a day between 1990 and 2200 as YYYY-MM-DD")))
			.andExpect(content().string(containsString("Give the event a name.")))
			.andExpect(content().string(containsString("Another event already has the slug " + taken)))
			.andExpect(content().string(containsString("Hidden mistakes")));
		assertThat(this.jdbc.queryForObject("select count(*) from event where location = 'Hidden mistakes'",
				Integer.class))
			.isZero();
		long version = this.jdbc.queryForObject("select version from event where slug = ?", Long.class, taken);
		this.mvc
			.perform(post("/events/" + taken).session(this.organizer)
				.with(csrf())
				.param("name", " ")
				.param("slug", taken)
				.param("startsOn", "2031-11-01")
				.param("endsOn", "the day after")
				.param("version", Long.toString(version)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a day between 1990 and 2200 as YYYY-MM-DD")))
			.andExpect(content().string(containsString("Give the event a name.")));
		assertThat(this.jdbc.queryForObject("select name from event where slug = ?", String.class, taken))
			.isEqualTo("Summit whose slug is taken");
	}

	@Test
	void newDaysThatLeaveASessionOutsideAreRefusedNextToTheField() throws Exception {
		String slug = create("Shrinking summit", "2032-03-01", "UPCOMING");
		long version = this.jdbc.queryForObject("select version from event where slug = ?", Long.class, slug);
		edit(slug, "Shrinking summit", slug, version, "2032-03-01", "2032-03-03")
			.andExpect(redirectedUrl("/events/" + slug));
		this.mvc
			.perform(post("/events/" + slug + "/sessions").session(this.organizer)
				.with(csrf())
				.param("title", "On the second day")
				.param("day", "2032-03-02")
				.param("startTime", "09:30")
				.param("durationMinutes", "45"))
			.andExpect(status().is3xxRedirection());
		version = this.jdbc.queryForObject("select version from event where slug = ?", Long.class, slug);
		edit(slug, "Shrunk summit", slug, version, "2032-03-03", "2032-03-04")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A session is scheduled on 2032-03-02, outside these days")));
		edit(slug, "Shrunk summit", slug, version, "2032-02-01", "2032-03-01")
			.andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.queryForObject("select name from event where slug = ?", String.class, slug))
			.isEqualTo("Shrinking summit");
		edit(slug, "Shrunk summit", slug, version, "2032-03-02", "2032-03-02")
			.andExpect(redirectedUrl("/events/" + slug));
	}

	@Test
	void aStaleFormAnswers409WithTheSavedVersion() throws Exception {
		String slug = create("Stale summit", "2032-01-01", "UPCOMING");
		edit(slug, "Stale summit, renamed", slug, 0).andExpect(redirectedUrl("/events/" + slug));
		edit(slug, "My older edit", slug, 0).andExpect(status().isConflict())
			.andExpect(content().string(containsString("Stale summit, renamed")))
			.andExpect(content().string(containsString("My older edit")));
		assertThat(this.jdbc.queryForObject("select name from event where slug = ?", String.class, slug))
			.isEqualTo("Stale summit, renamed");
	}

	@Test
	void aChangedSlugKeepsTheOldAddressesWorkingWith301() throws Exception {
		String url = this.fixture.session("renamed-event", 1, 1, 1);
		String old = url.split("/")[2];
		long version = this.jdbc.queryForObject("select version from event where slug = ?", Long.class, old);
		edit(old, "Renamed event", "moved-event", version).andExpect(redirectedUrl("/events/moved-event"));
		this.mvc.perform(get("/events/" + old))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/events/moved-event"));
		this.mvc.perform(get(url + "/minutes.txt"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location",
					url.replaceFirst("/events/" + old + "/", "/events/moved-event/") + "/minutes.txt"));
		this.mvc.perform(get("/events/no-such-event")).andExpect(status().isNotFound());
	}

	@Test
	void maintainersMayNotCreateEvents() throws Exception {
		MockHttpSession maintainer = this.fixture.signedIn(this.mvc, "maintainer", Role.MAINTAINER);
		this.mvc.perform(get("/events/new").session(maintainer)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/events").session(maintainer)
				.with(csrf())
				.param("name", "Not mine")
				.param("startsOn", "2031-12-08")
				.param("endsOn", "2031-12-09"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/events")).andExpect(content().string(not(containsString("href=\"/events/new\""))));
	}

	private String create(String name, String day, String status) throws Exception {
		String location = this.mvc
			.perform(post("/events").session(this.organizer)
				.with(csrf())
				.param("name", name)
				.param("startsOn", day)
				.param("endsOn", day)
				.param("status", status))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return location.substring("/events/".length());
	}

	private org.springframework.test.web.servlet.ResultActions edit(String slug, String name, String newSlug,
			long version) throws Exception {
		return edit(slug, name, newSlug, version, "2024-09-01", "2024-09-02");
	}

	private org.springframework.test.web.servlet.ResultActions edit(String slug, String name, String newSlug,
			long version, String startsOn, String endsOn) throws Exception {
		return this.mvc.perform(post("/events/" + slug).session(this.organizer)
			.with(csrf())
			.param("name", name)
			.param("slug", newSlug)
			.param("startsOn", startsOn)
			.param("endsOn", endsOn)
			.param("status", "HELD")
			.param("version", Long.toString(version)));
	}

}
