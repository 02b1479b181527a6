package org.summittracker.session;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Participants are picked by handle (with suggestions by handle or name), created on the
 * spot when unknown, and removed; affected subsystems are found by searching, never from
 * one long list, and readiness follows at once.
 */
@SummitIntegrationTest
class ParticipantsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpSession organizer;

	Built built;

	long participantsAtFirst;

	@BeforeEach
	void aSession() throws Exception {
		this.organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
		this.built = this.fixture.newSession("people", 0, 0, 2);
		this.participantsAtFirst = participants();
	}

	long participants() {
		return this.jdbc.queryForObject(
				"select count(*) from session_participant sp"
						+ " join summit_session s on s.id = sp.session_id where s.slug = ?",
				Long.class, this.built.slug());
	}

	@Test
	void aSearchByNameSuggestsHandlesInTheDatalist() throws Exception {
		String handle = this.fixture.person("zanzibar");
		this.mvc.perform(get(this.built.url() + "/participants").session(this.organizer).param("q", "person zanz"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"" + handle + "\"")));
	}

	@Test
	void anOrganizerAddsAKnownPersonByHandleAndRemovesThem() throws Exception {
		String handle = this.fixture.person("speaker");
		this.mvc
			.perform(post(this.built.url() + "/participants").session(this.organizer)
				.with(csrf())
				.param("person", handle)
				.param("role", "SPEAKER"))
			.andExpect(redirectedUrl(this.built.url() + "/participants#add"));
		this.mvc.perform(get(this.built.url())).andExpect(content().string(containsString("Person " + handle)));
		long id = this.jdbc
			.queryForObject("select sp.id from session_participant sp join person p on p.id = sp.person_id"
					+ " where p.handle = ? and sp.role = 'SPEAKER'", Long.class, handle);
		this.mvc
			.perform(post(this.built.url() + "/participants/" + id + "/removal").session(this.organizer).with(csrf()))
			.andExpect(redirectedUrl(this.built.url() + "/participants"));
		this.mvc.perform(get(this.built.url())).andExpect(content().string(not(containsString("Person " + handle))));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action in"
						+ " ('PARTICIPANT_ADDED', 'PARTICIPANT_REMOVED') and summary like ?",
				Integer.class, "%" + handle + "%"))
			.isEqualTo(2);
	}

	@Test
	void anUnknownHandleNeedsANameAndThenMakesANewPerson() throws Exception {
		this.mvc
			.perform(post(this.built.url() + "/participants").session(this.organizer)
				.with(csrf())
				.param("person", "newcomer-x")
				.param("role", "NOTE_TAKER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nobody has the handle newcomer-x.")));
		MvcResult added = this.mvc
			.perform(post(this.built.url() + "/participants").session(this.organizer)
				.with(csrf())
				.param("person", "newcomer-x")
				.param("role", "NOTE_TAKER")
				.param("name", "Nora Newcomer")
				.param("email", "nora@example.org"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		// The notice names the role as the form does.
		this.mvc
			.perform(get(this.built.url() + "/participants").session(this.organizer).flashAttrs(added.getFlashMap()))
			.andExpect(content().string(containsString("Added Nora Newcomer as note-taker.")));
		this.mvc.perform(get("/people/newcomer-x")).andExpect(content().string(containsString("Nora Newcomer")));
		this.mvc.perform(get(this.built.url())).andExpect(content().string(containsString("Nora Newcomer")));
	}

	@Test
	void aValueThatDidNotBindDoesNotHideWhoCannotBeAdded() throws Exception {
		this.mvc
			.perform(post(this.built.url() + "/participants").session(this.organizer)
				.with(csrf())
				.param("person", "newcomer-zz")
				.param("role", "EMPEROR"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose lead, speaker, participant or note-taker.")))
			.andExpect(content().string(containsString("Nobody has the handle newcomer-zz.")));
		// A new person's name too long does not hide that their handle is no handle.
		this.mvc
			.perform(post(this.built.url() + "/participants").session(this.organizer)
				.with(csrf())
				.param("person", "Not A Handle")
				.param("role", "SPEAKER")
				.param("name", "n".repeat(Person.NAME_MAX + 1)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most " + Person.NAME_MAX + " characters.")))
			.andExpect(content().string(containsString("A handle is lower-case letters")));
		assertThat(this.jdbc
			.queryForObject("select count(*) from person where handle in ('newcomer-zz', 'Not A Handle')", Long.class))
			.isZero();
		assertThat(participants()).isEqualTo(this.participantsAtFirst);
	}

	@Test
	void affectedSubsystemsAreFoundBySearchAndReadinessFollows() throws Exception {
		String slug = this.built.slug() + "-extra";
		this.jdbc.update("insert into subsystem (slug, name) values (?, ?)", slug, "Zebra crossing drivers");
		this.mvc.perform(get(this.built.url() + "/subsystems").session(this.organizer).param("q", "zebra cross"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Add Zebra crossing drivers")));
		this.mvc.perform(get(this.built.url() + "/subsystems").session(this.organizer).param("q", slug))
			.andExpect(content().string(containsString("Add Zebra crossing drivers")));
		this.mvc.perform(
				post(this.built.url() + "/subsystems").session(this.organizer).with(csrf()).param("subsystem", slug))
			.andExpect(redirectedUrl(this.built.url() + "/subsystems#search"));
		this.mvc.perform(get(this.built.url()))
			.andExpect(content().string(containsString("Zebra crossing drivers: no maintainer is recorded")));
		this.mvc
			.perform(post(this.built.url() + "/subsystems").session(this.organizer)
				.with(csrf())
				.param("subsystem", "no-such-subsystem"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("No subsystem is known as no-such-subsystem.")));
		// A slug mistyped in the field: the message next to it, what was typed kept, and
		// the subsystems it names in part offered.
		String typed = this.built.slug() + "-extr";
		this.mvc.perform(
				post(this.built.url() + "/subsystems").session(this.organizer).with(csrf()).param("subsystem", typed))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("name=\"subsystem\" maxlength=\"120\" value=\"" + typed + "\"")))
			.andExpect(content().string(containsString(
					"<span id=\"subsystem-error\" class=\"field-error\" role=\"alert\">No subsystem is known as "
							+ typed + ".</span>")))
			.andExpect(content().string(containsString("Add Zebra crossing drivers")));
		this.mvc
			.perform(post(this.built.url() + "/subsystems/" + slug + "/removal").session(this.organizer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.built.url()))
			.andExpect(content().string(not(containsString("Zebra crossing drivers"))));
	}

	@Test
	void maintainersMayNotChangeParticipants() throws Exception {
		MockHttpSession maintainer = this.fixture.signedIn(this.mvc, "maintainer", Role.MAINTAINER);
		this.mvc.perform(get(this.built.url() + "/participants").session(maintainer)).andExpect(status().isForbidden());
		this.mvc
			.perform(post(this.built.url() + "/participants").session(maintainer)
				.with(csrf())
				.param("person", this.built.person(0))
				.param("role", "SPEAKER"))
			.andExpect(status().isForbidden());
	}

}
