package org.summittracker.directory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.summittracker.account.Role;
import org.summittracker.people.Person;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers create and edit people and subsystems; administrators merge two records of
 * one person.
 */
@SummitIntegrationTest
class DirectoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpSession organizer;

	MockHttpSession admin;

	@BeforeEach
	void signIn() throws Exception {
		this.organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
		this.admin = this.fixture.signedIn(this.mvc, "admin", Role.ADMIN, Role.ORGANIZER);
	}

	@Test
	void anOrganizerCreatesAPersonWhoseHandleComesFromTheName() throws Exception {
		this.mvc.perform(get("/people/new").session(this.organizer)).andExpect(status().isOk());
		this.mvc
			.perform(post("/people").session(this.organizer)
				.with(csrf())
				.param("name", "Miguel Ojeda Sandonís")
				.param("email", "ojeda-new@example.org")
				.param("affiliation", "Rust for Linux"))
			.andExpect(redirectedUrl("/people/miguel-ojeda-sandonis"));
		this.mvc.perform(get("/people/miguel-ojeda-sandonis"))
			.andExpect(content().string(containsString("Miguel Ojeda Sandonís")));
	}

	/**
	 * A data set loaded while the application runs, with ids of its own ahead of the
	 * sequence (as a generator using generate_series makes them), does not make the next
	 * person created through the pages fail on the primary key.
	 */
	@Test
	void aPersonIsCreatedAfterPeopleWereLoadedWithIdsOfTheirOwn() throws Exception {
		long next = this.jdbc.queryForObject("select nextval(pg_get_serial_sequence('person', 'id'))", Long.class) + 1;
		this.jdbc.update("insert into person (id, handle, name) select g, 'loaded-' || g, 'Loaded ' || g "
				+ "from generate_series(?, ?) g", next, next + 99);
		long audited = this.jdbc.queryForObject("select nextval(pg_get_serial_sequence('audit_entry', 'id'))",
				Long.class) + 1;
		this.jdbc.update("insert into audit_entry (id, actor, action, entity_type, summary) select g, 'loader', "
				+ "'load', 'person', 'loaded' from generate_series(?, ?) g", audited, audited + 49);

		this.mvc.perform(
				post("/people").session(this.organizer).with(csrf()).param("name", "Created After People Were Loaded"))
			.andExpect(redirectedUrl("/people/created-after-people-were-loaded"));

		assertThat(this.jdbc.queryForObject("select id from person where handle = 'created-after-people-were-loaded'",
				Long.class))
			.isEqualTo(next + 100);
	}

	@Test
	void badPeopleAnswer422AndAStaleForm409() throws Exception {
		String taken = this.fixture.person("taken");
		this.mvc
			.perform(post("/people").session(this.organizer)
				.with(csrf())
				.param("name", "")
				.param("handle", "Bad Handle!")
				.param("email", "not-an-address"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the person&#39;s name.")))
			.andExpect(content().string(containsString("A handle is lower-case letters")))
			.andExpect(content().string(containsString("Give an email address such as name@example.org.")));
		this.mvc
			.perform(post("/people").session(this.organizer).with(csrf()).param("name", "Copy").param("handle", taken))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The handle " + taken + " is taken")));
		// An affiliation too long hides neither the missing name nor the taken handle.
		this.mvc
			.perform(post("/people").session(this.organizer)
				.with(csrf())
				.param("name", "")
				.param("handle", taken)
				.param("affiliation", "a".repeat(201)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most 200 characters.")))
			.andExpect(content().string(containsString("Give the person&#39;s name.")))
			.andExpect(content().string(containsString("The handle " + taken + " is taken")));
		String handle = this.fixture.person("stale");
		long version = version(handle);
		editPerson(handle, handle, "First edit", version).andExpect(redirectedUrl("/people/" + handle));
		editPerson(handle, handle, "Stale edit", version).andExpect(status().isConflict())
			.andExpect(content().string(containsString("First edit")));
	}

	@Test
	void aChangedHandleAnswers301() throws Exception {
		String handle = this.fixture.person("rename");
		editPerson(handle, handle + "-new", "Renamed", version(handle))
			.andExpect(redirectedUrl("/people/" + handle + "-new"));
		this.mvc.perform(get("/people/" + handle + "/follow-ups.ics"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/people/" + handle + "-new/follow-ups.ics"));
	}

	@Test
	void anOrganizerCreatesAndEditsASubsystemWithItsMaintainersAndReviewers() throws Exception {
		String maintainer = this.fixture.person("maint");
		String reviewer = this.fixture.person("review");
		this.mvc
			.perform(post("/subsystems").session(this.organizer)
				.with(csrf())
				.param("name", "Frobnicator drivers " + maintainer)
				.param("status", "ODD_FIXES")
				.param("mailingList", "frob@vger.kernel.org")
				.param("maintainers", maintainer)
				.param("reviewers", reviewer))
			.andExpect(redirectedUrl("/subsystems/frobnicator-drivers-" + maintainer));
		String slug = "frobnicator-drivers-" + maintainer;
		this.mvc.perform(get("/subsystems/" + slug))
			.andExpect(content().string(containsString("Person " + maintainer)))
			.andExpect(content().string(containsString("Person " + reviewer)))
			.andExpect(content().string(containsString("Odd fixes")));
		long version = this.jdbc.queryForObject("select version from subsystem where slug = ?", Long.class, slug);
		this.mvc
			.perform(post("/subsystems/" + slug).session(this.organizer)
				.with(csrf())
				.param("name", "Frobnicator drivers")
				.param("slug", slug)
				.param("status", "MAINTAINED")
				.param("maintainers", reviewer)
				.param("reviewers", "")
				.param("version", Long.toString(version)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("select p.handle || ':' || m.role from maintainership m"
				+ " join person p on p.id = m.person_id join subsystem s on s.id = m.subsystem_id where s.slug = ?",
				String.class, slug))
			.containsExactly(reviewer + ":MAINTAINER");
		this.mvc
			.perform(post("/subsystems").session(this.organizer)
				.with(csrf())
				.param("name", "Unknown people")
				.param("maintainers", "no-such-person"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nobody has the handle no-such-person.")));
		// A status that is none hides neither the missing name nor the unknown people.
		this.mvc
			.perform(post("/subsystems").session(this.organizer)
				.with(csrf())
				.param("name", "")
				.param("status", "SOMETIMES")
				.param("reviewers", "no-such-reviewer"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the subsystem a name.")))
			.andExpect(content().string(containsString("Nobody has the handle no-such-reviewer.")));
	}

	@Test
	void aNewSubsystemLikeAnExistingOneIsAddedOnlyOnceThePersonConfirms() throws Exception {
		// As the demo's "Rust support" holds the slug rust, and "Rust" is added.
		String word = this.fixture.person("widget");
		this.mvc
			.perform(post("/subsystems").session(this.organizer)
				.with(csrf())
				.param("name", "Widget support " + word)
				.param("slug", "widget-" + word))
			.andExpect(redirectedUrl("/subsystems/widget-" + word));
		long before = this.jdbc.queryForObject("select count(*) from subsystem", Long.class);
		this.mvc.perform(post("/subsystems").session(this.organizer).with(csrf()).param("name", "Widget " + word))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A subsystem like this one exists: Widget support " + word
					+ " (widget-" + word + "). This one would be added as widget-" + word + "-2.")))
			.andExpect(content().string(containsString("name=\"alongsideSimilar\"")))
			.andExpect(content().string(containsString("href=\"/subsystems/widget-" + word + "\"")));
		assertThat(this.jdbc.queryForObject("select count(*) from subsystem", Long.class)).isEqualTo(before);
		MvcResult added = this.mvc
			.perform(post("/subsystems").session(this.organizer)
				.with(csrf())
				.param("name", "Widget " + word)
				.param("alongsideSimilar", "true"))
			.andExpect(redirectedUrl("/subsystems/widget-" + word + "-2"))
			.andReturn();
		this.mvc
			.perform(get("/subsystems/widget-" + word + "-2").session(this.organizer).flashAttrs(added.getFlashMap()))
			.andExpect(content().string(containsString("Added the subsystem Widget " + word + " as widget-" + word
					+ "-2, beside Widget support " + word + " (widget-" + word + ").")));
		// The same name again, whatever its case: warned of both.
		this.mvc.perform(post("/subsystems").session(this.organizer).with(csrf()).param("name", "WIDGET " + word))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Widget " + word + " (widget-" + word + "-2)")));
		// A slug of one's own choosing is not second-guessed; nothing like it, no word.
		this.mvc
			.perform(post("/subsystems").session(this.organizer)
				.with(csrf())
				.param("name", "Widget " + word)
				.param("slug", "widgets-" + word))
			.andExpect(redirectedUrl("/subsystems/widgets-" + word));
		this.mvc.perform(get("/subsystems/new").session(this.organizer))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("alongsideSimilar"))));
	}

	@Test
	void anAdministratorMergesTwoRecordsOfOnePerson() throws Exception {
		Built built = this.fixture.newSession("merge", 3, 2, 2);
		String kept = this.fixture.person("kept");
		String duplicate = built.person(1);
		this.mvc
			.perform(post("/admin/people/merge").session(this.organizer)
				.with(csrf())
				.param("kept", kept)
				.param("merged", duplicate))
			.andExpect(status().isForbidden());
		// The first submission shows the two records and merges nothing.
		this.mvc
			.perform(post("/admin/people/merge").session(this.admin)
				.with(csrf())
				.param("kept", kept)
				.param("merged", duplicate))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Check the two records"),
					containsString("Everything " + duplicate + " has moves to " + kept),
					containsString("A merge cannot be undone"), containsString("name=\"confirmed\" value=\"true\""))));
		assertThat(count("select count(*) from person where merged_into_id is not null and handle = ?", duplicate))
			.isZero();
		this.mvc
			.perform(post("/admin/people/merge").session(this.admin)
				.with(csrf())
				.param("kept", kept)
				.param("merged", duplicate)
				.param("confirmed", "true"))
			.andExpect(redirectedUrl("/people/" + kept));
		long keptId = this.fixture.personId(kept);
		assertThat(count("select count(*) from position where person_id = ?", keptId)).isEqualTo(1);
		assertThat(count("select count(*) from concern where raised_by_id = ?", keptId)).isPositive();
		assertThat(count("select count(*) from discussion_note where speaker_id = ?", keptId)).isPositive();
		assertThat(count("select count(*) from follow_up where owner_id = ?", keptId)).isPositive();
		assertThat(count("select count(*) from maintainership where person_id = ?", keptId)).isPositive();
		assertThat(count("select count(*) from person where merged_into_id = ?", keptId)).isEqualTo(1);
		this.mvc.perform(get("/people/" + duplicate))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/people/" + kept));
		this.mvc.perform(get(built.url() + "/minutes.txt"))
			.andExpect(content().string(containsString("Person " + kept)));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'PERSON_MERGED' and summary like ?", Integer.class,
				"Merged " + duplicate + "%"))
			.isEqualTo(1);
		this.mvc.perform(
				post("/admin/people/merge").session(this.admin).with(csrf()).param("kept", kept).param("merged", kept))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose two different people.")));
	}

	@Test
	void aHandleTooLongDoesNotHideAnUnknownDuplicate() throws Exception {
		this.mvc
			.perform(post("/admin/people/merge").session(this.admin)
				.with(csrf())
				.param("kept", "k".repeat(Person.HANDLE_MAX + 1))
				.param("merged", "ghost-duplicate"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most " + Person.HANDLE_MAX + " characters.")))
			.andExpect(content().string(containsString("Nobody has the handle ghost-duplicate.")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'PERSON_MERGED' and summary like 'Merged ghost-duplicate%'",
				Integer.class))
			.isZero();
	}

	private org.springframework.test.web.servlet.ResultActions editPerson(String handle, String newHandle, String name,
			long version) throws Exception {
		return this.mvc.perform(post("/people/" + handle).session(this.organizer)
			.with(csrf())
			.param("handle", newHandle)
			.param("name", name)
			.param("version", Long.toString(version)));
	}

	private long version(String handle) {
		return this.jdbc.queryForObject("select version from person where handle = ?", Long.class, handle);
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

}
