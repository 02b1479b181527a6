package org.summittracker.notes;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The live notes: taking notes with and without htmx, refusing bad input, editing with
 * every wording kept, moving, striking and restoring, and filing a concern or a follow-up
 * from a note.
 */
@SummitIntegrationTest
class LiveNotesPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built session;

	String notes;

	MockHttpSession organizer;

	@BeforeEach
	void aSession() throws Exception {
		this.session = this.fixture.newSession("live", 2, 0, 3);
		this.notes = this.session.url() + "/notes";
		this.organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
	}

	@Test
	void withoutJavaScriptTheNoteIsSavedAndThePageReloadsAtTheForm() throws Exception {
		this.mvc.perform(take("remark", "It has to build with the distro compiler."))
			.andExpect(redirectedUrl(this.notes + "#new-note"));
		this.mvc.perform(get(this.notes))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It has to build with the distro compiler.")));
		assertThat(this.jdbc.queryForObject("""
				select n.seq from discussion_note n join summit_session s on s.id = n.session_id
				where s.slug = ? and n.body = ?
				""", Integer.class, this.session.slug(), "It has to build with the distro compiler.")).isEqualTo(3);
		assertThat(count("select count(*) from audit_entry a join summit_session s on s.id = a.session_id"
				+ " where s.slug = ? and a.action = 'NOTE_TAKEN'", this.session.slug()))
			.isEqualTo(1);
		// In words, as the people reading a session's history speak: no action codes or
		// database ids (the audit page keeps those for administrators).
		this.mvc.perform(get(this.session.url() + "/history"))
			.andExpect(content().string(containsString("Note 3 taken")))
			.andExpect(content().string(not(containsString("NOTE_TAKEN"))));
		assertThat(count("select count(*) from discussion_note_revision r join discussion_note n on n.id = r.note_id"
				+ " where n.body = ? and r.change = 'TAKEN'", "It has to build with the distro compiler."))
			.isEqualTo(1);
	}

	@Test
	void withHtmxTheAnswerIsTheNewNoteAndAClearedForm() throws Exception {
		this.mvc.perform(take("question", "Which compiler versions?").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<li id=\"note-"),
					containsString("Which compiler versions?"), containsString("data-hx-swap-oob=\"true\""),
					containsString("Note 3 saved."), not(containsString("<html")))));
	}

	/**
	 * A session with more notes than the live view shows at once: the latest are shown,
	 * with the form, and all of them are on numbered pages, in order.
	 */
	@Test
	void theLatestNotesAreShownAndAllOfThemPageByPage() throws Exception {
		Built crowded = this.fixture.newSession("live-crowded", 2, 0, 1);
		String crowdedNotes = crowded.url() + "/notes";
		this.jdbc.update("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body)
				select n.session_id, n.seq + g, n.speaker_id, n.kind, 'Later note ' || (n.seq + g)
				from discussion_note n join summit_session s on s.id = n.session_id, generate_series(1, 203) g
				where s.slug = ? and n.seq = 2
				""", crowded.slug());

		String latest = this.mvc.perform(get(crowdedNotes).session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("The latest 200 of 205"), containsString(crowdedNotes + "?page=1"),
						containsString("id=\"note-form\""), containsString("Later note 205"),
						containsString("Later note 6<"), not(containsString("Later note 5<")))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(latest.indexOf("Later note 6<")).isLessThan(latest.indexOf("Later note 205"));
		this.mvc.perform(get(crowdedNotes).param("page", "1").session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Page 1 of 2"), containsString("Later note 200<"),
					not(containsString("Later note 201")), not(containsString("id=\"note-form\"")),
					containsString("The latest notes, and the form"))));
		this.mvc.perform(get(crowdedNotes).param("page", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Page 2 of 2"), containsString("Later note 201<"),
					containsString("Later note 205<"), not(containsString("Later note 200<")))));
	}

	@Test
	void badInputIsRefusedWithMessagesNextToTheFieldsAndNothingSaved() throws Exception {
		long before = notesInSession();
		this.mvc
			.perform(post(this.notes).session(this.organizer)
				.with(csrf())
				.param("speaker", "nobody-by-that-name")
				.param("kind", "remark")
				.param("body", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Nobody has the handle nobody-by-that-name."),
					containsString("Write what was said."))));
		this.mvc
			.perform(post(this.notes).session(this.organizer)
				.with(csrf())
				.param("speaker", this.session.person(0))
				.param("kind", "shout")
				.param("body", "Nul \u0000 here"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose remark, question, answer, proposal or objection.")));
		// A kind that is none hides neither the unknown speaker nor the empty body.
		this.mvc
			.perform(post(this.notes).session(this.organizer)
				.with(csrf())
				.param("speaker", "nobody-by-that-name")
				.param("kind", "shout")
				.param("body", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Choose remark, question, answer, proposal or objection."),
					containsString("Nobody has the handle nobody-by-that-name."),
					containsString("Write what was said."))));
		this.mvc
			.perform(post(this.notes).session(this.organizer)
				.with(csrf())
				.param("speaker", this.session.person(0))
				.param("kind", "remark")
				.param("body", "x".repeat(10_001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most 10000 characters")));
		this.mvc
			.perform(post(this.notes).session(this.organizer)
				.with(csrf())
				.header("HX-Request", "true")
				.param("speaker", "")
				.param("kind", "remark")
				.param("body", "Who said it?"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("HX-Retarget", "#note-form"))
			.andExpect(content().string(containsString("Say who spoke: their handle.")));
		assertThat(notesInSession()).isEqualTo(before);
	}

	@Test
	void aMaintainerWritesNotesOnlyWhereTheyAreTheNoteTaker() throws Exception {
		String handle = this.fixture.personWithAccount("taker", Role.MAINTAINER);
		MockHttpSession maintainer = this.fixture.signIn(this.mvc, handle);
		this.mvc.perform(get(this.notes).session(maintainer))
			.andExpect(content().string(not(containsString("id=\"note-form\""))));
		this.mvc.perform(take("remark", "Not mine to write").session(maintainer)).andExpect(status().isForbidden());
		this.jdbc.update("""
				insert into session_participant (session_id, person_id, role)
				select s.id, ?, 'NOTE_TAKER' from summit_session s where s.slug = ?
				""", this.fixture.personId(handle), this.session.slug());
		this.mvc.perform(get(this.notes).session(maintainer))
			.andExpect(content().string(containsString("id=\"note-form\"")));
		this.mvc.perform(take("remark", "Mine to write").session(maintainer))
			.andExpect(redirectedUrl(this.notes + "#new-note"));
	}

	@Test
	void anEditKeepsEveryWordingAndAStaleEditIsAConflict() throws Exception {
		long id = noteId(1);
		this.mvc
			.perform(post(this.notes + "/" + id).session(this.organizer)
				.with(csrf())
				.param("speaker", this.session.person(1))
				.param("kind", "objection")
				.param("body", "Reworded note")
				.param("version", "0"))
			.andExpect(redirectedUrl(this.notes + "#note-" + id));
		this.mvc.perform(get(this.notes + "/" + id))
			.andExpect(content().string(allOf(containsString("Reworded note"), containsString("Edited (note 1)"),
					containsString("Note 0"))));
		this.mvc
			.perform(post(this.notes + "/" + id).session(this.organizer)
				.with(csrf())
				.param("speaker", this.session.person(0))
				.param("kind", "remark")
				.param("body", "An edit against the first version")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this note")));
		assertThat(this.jdbc.queryForObject("select body from discussion_note where id = ?", String.class, id))
			.isEqualTo("Reworded note");
	}

	@Test
	void aNoteMovesUpAndDown() throws Exception {
		long second = noteId(2);
		this.mvc
			.perform(post(this.notes + "/" + second + "/move").session(this.organizer)
				.with(csrf())
				.param("direction", "up")
				.param("version", "0"))
			.andExpect(redirectedUrl(this.notes + "#note-" + second));
		assertThat(bodies()).containsExactly("Note 1", "Note 0");
		this.mvc
			.perform(post(this.notes + "/" + second + "/move").session(this.organizer)
				.with(csrf())
				.param("direction", "down")
				.param("version", "1"))
			.andExpect(redirectedUrl(this.notes + "#note-" + second));
		assertThat(bodies()).containsExactly("Note 0", "Note 1");
	}

	@Test
	void aStruckNoteStaysShownStruckWithItsReasonAndLeavesTheMinutes() throws Exception {
		long id = noteId(1);
		this.mvc
			.perform(post(this.notes + "/" + id + "/strike").session(this.organizer)
				.with(csrf())
				.param("reason", "")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say why the note is struck.")));
		this.mvc
			.perform(post(this.notes + "/" + id + "/strike").session(this.organizer)
				.with(csrf())
				.param("reason", "Said by someone else")
				.param("version", "0"))
			.andExpect(redirectedUrl(this.notes + "#note-" + id));
		this.mvc.perform(get(this.notes))
			.andExpect(content()
				.string(allOf(containsString("<s>Note 0</s>"), containsString("Struck: Said by someone else"))));
		this.mvc.perform(get(this.session.url()))
			.andExpect(content().string(containsString("Struck: Said by someone else")));
		this.mvc.perform(get(this.session.url() + "/minutes.md"))
			.andExpect(content().string(allOf(not(containsString("Note 0")), containsString("Note 1"))));
		this.mvc
			.perform(
					post(this.notes + "/" + id + "/restore").session(this.organizer).with(csrf()).param("version", "1"))
			.andExpect(redirectedUrl(this.notes + "#note-" + id));
		this.mvc.perform(get(this.session.url() + "/minutes.md")).andExpect(content().string(containsString("Note 0")));
		// Its first wording (taken before the revisions were kept), struck, restored.
		assertThat(count("select count(*) from discussion_note_revision where note_id = ?", id)).isEqualTo(3);
	}

	@Test
	void aConcernFiledFromANoteIsPrefilledAndLinksBackToIt() throws Exception {
		long id = noteId(2);
		String speaker = this.session.person(1);
		this.mvc
			.perform(get(this.session.url() + "/concerns/new").param("fromNote", Long.toString(id))
				.session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"" + speaker + "\""),
					containsString("value=\"Note 1\""), containsString("name=\"fromNote\""))));
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.organizer)
				.with(csrf())
				.param("title", "Note 1")
				.param("category", "other")
				.param("raiser", speaker)
				.param("body", "Note 1")
				.param("fromNote", Long.toString(id)))
			.andExpect(redirectedUrl(this.session.url() + "/concerns/note-1"));
		this.mvc.perform(get(this.session.url() + "/concerns/note-1"))
			.andExpect(content().string(allOf(containsString("From the discussion"),
					containsString("href=\"" + this.notes + "/" + id + "\""))));
		this.mvc.perform(get(this.notes))
			.andExpect(content().string(containsString("href=\"" + this.session.url() + "/concerns/note-1\"")));
	}

	@Test
	void aFollowUpAssignedFromANoteIsPrefilledAndLinksBackToIt() throws Exception {
		long id = noteId(1);
		String speaker = this.session.person(0);
		this.mvc
			.perform(get(this.session.url() + "/follow-ups/new").param("fromNote", Long.toString(id))
				.session(this.organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"" + speaker + "\""),
					containsString("value=\"Note 0\""), containsString("name=\"fromNote\""))));
		String location = this.mvc
			.perform(post(this.session.url() + "/follow-ups").session(this.organizer)
				.with(csrf())
				.param("title", "Note 0")
				.param("owner", speaker)
				.param("fromNote", Long.toString(id)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(location))
			.andExpect(content().string(allOf(containsString("From the discussion"),
					containsString("href=\"" + this.notes + "/" + id + "\""))));
		this.mvc.perform(get(this.notes)).andExpect(content().string(containsString("href=\"" + location + "\"")));
	}

	@Test
	void aNoteOfAnotherSessionIsNotFound() throws Exception {
		Built other = this.fixture.newSession("other-live", 1, 0, 1);
		long foreign = this.jdbc.queryForObject("""
				select n.id from discussion_note n join summit_session s on s.id = n.session_id where s.slug = ?
				""", Long.class, other.slug());
		this.mvc.perform(get(this.notes + "/" + foreign)).andExpect(status().isNotFound());
		this.mvc
			.perform(get(this.session.url() + "/concerns/new").param("fromNote", Long.toString(foreign))
				.session(this.organizer))
			.andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder take(String kind, String body) {
		return post(this.notes).session(this.organizer)
			.with(csrf())
			.param("speaker", this.session.person(0))
			.param("kind", kind)
			.param("body", body);
	}

	private long noteId(int seq) {
		return this.jdbc.queryForObject("""
				select n.id from discussion_note n join summit_session s on s.id = n.session_id
				where s.slug = ? and n.seq = ?
				""", Long.class, this.session.slug(), seq);
	}

	private List<String> bodies() {
		return this.jdbc.queryForList("""
				select n.body from discussion_note n join summit_session s on s.id = n.session_id
				where s.slug = ? order by n.seq
				""", String.class, this.session.slug());
	}

	private long notesInSession() {
		return count("select count(*) from discussion_note n join summit_session s on s.id = n.session_id"
				+ " where s.slug = ?", this.session.slug());
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

}
