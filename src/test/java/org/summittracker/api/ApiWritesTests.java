package org.summittracker.api;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNotes;
import org.summittracker.session.NoteDraft;
import org.summittracker.support.Fixture;
import org.summittracker.support.CountersKept;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The write endpoints: the pages' rules and permissions, If-Match (412 stale, 428
 * missing), Idempotency-Key replays, 422 with the field problems, the audit trail naming
 * the token.
 */
@SummitIntegrationTest
class ApiWritesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	DiscussionNotes discussionNotes;

	@Test
	void aMaintainerFilesEditsAnswersAndResolvesTheirConcern() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-raiser", true, Role.MAINTAINER);
		String session = this.fixture.newSession("api-file", 0, 0, 0).api();
		this.mvc
			.perform(Fixture.bearer(me.token(), post(session + "/concerns"))
				.content("{\"title\":\"Bisection breaks\",\"category\":\"bisection\",\"body\":\"It does.\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith(session + "/concerns/bisection-breaks")))
			.andExpect(jsonPath("$.key").value("bisection-breaks"))
			.andExpect(jsonPath("$.raisedBy.handle").value(me.handle()))
			.andExpect(jsonPath("$.version").value(0));
		String concern = session + "/concerns/bisection-breaks";
		assertThat(this.jdbc.queryForObject(
				"select summary from audit_entry where action = 'CONCERN_FILED' and actor = ? order by id desc limit 1",
				String.class, me.handle()))
			.contains("through API token “fixture-");

		// The category as the API writes it (its name), sent back as read.
		String edit = "{\"title\":\"Bisection breaks badly\",\"category\":\"Bisection\"}";
		this.mvc.perform(Fixture.bearer(me.token(), put(concern)).content(edit))
			.andExpect(status().isPreconditionRequired())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(Fixture.bearer(me.token(), put(concern)).header("If-Match", "\"7\"").content(edit))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.status").value(412));
		this.mvc.perform(Fixture.bearer(me.token(), put(concern)).header("If-Match", "\"0\"").content(edit))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Bisection breaks badly"))
			.andExpect(jsonPath("$.category").value("Bisection"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(Fixture.bearer(me.token(), put(concern)).header("If-Match", "\"0\"").content(edit))
			.andExpect(status().isPreconditionFailed());

		this.mvc
			.perform(Fixture.bearer(me.token(), post(concern + "/responses")).content("{\"body\":\"Fixed in v2.\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", concern))
			.andExpect(jsonPath("$.responses[0].body").value("Fixed in v2."));
		this.mvc
			.perform(Fixture.bearer(me.token(), post(concern + "/status"))
				.header("If-Match", "\"1\"")
				.content("{\"status\":\"resolved\",\"note\":\"Fixed.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value(containsString("esolved")));
	}

	@Test
	void badBodiesAreProblemsWithTheirFields() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-bad", true, Role.MAINTAINER);
		String session = this.fixture.newSession("api-bad", 0, 0, 0).api();
		this.mvc.perform(Fixture.bearer(me.token(), post(session + "/concerns")).content("{\"category\":\"other\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").isString());
		this.mvc
			.perform(Fixture.bearer(me.token(), post(session + "/concerns"))
				.content("{\"title\":\"Nul\\u0000here\",\"category\":\"other\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		this.mvc.perform(Fixture.bearer(me.token(), post(session + "/concerns")).content("{\"title\": [1, 2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("at org."))));
		this.mvc.perform(Fixture.bearer(me.token(), post(session + "/concerns")).content("{\"title\": {\"a\": 1}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The JSON body cannot be read: title takes a string."))
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		this.mvc
			.perform(Fixture.bearer(me.token(), post(session + "/concerns"))
				.content("{\"title\": \"T\", \"subsystems\": [\"mm\", {\"<b>\": 1}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The JSON body cannot be read: subsystems[1] takes a string."))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<b>"))));
		this.mvc
			.perform(Fixture.bearer(me.token(), post(session + "/concerns")).content("{\"title\": \"T\",\n \"x\" 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail",
					org.hamcrest.Matchers.startsWith("The JSON body is not well-formed JSON (line 2,")));
		this.mvc
			.perform(Fixture.bearer(me.token(), post(session + "/follow-ups"))
				.content("{\"title\": \"T\", \"owner\": \"x\", \"dueOn\": \"next week\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The JSON body cannot be read: dueOn takes a date (YYYY-MM-DD)."));
		this.mvc
			.perform(Fixture.bearer(me.token(), put(session + "/positions/" + me.handle()))
				.content("{\"stance\": \"supports\", \"speaksFor\": [\"mm\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The JSON body cannot be read: speaksFor takes a string."));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from concern c join summit_session s on s.id = c.session_id where s.slug = ?",
				Integer.class, session.substring(session.lastIndexOf('/') + 1)))
			.isZero();
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-retry", true, Role.MAINTAINER);
		String session = this.fixture.newSession("api-retry", 0, 0, 0).api();
		String body = "{\"title\":\"Retried\",\"category\":\"other\"}";
		MockHttpServletResponse first = this.mvc.perform(
				Fixture.bearer(me.token(), post(session + "/concerns")).header("Idempotency-Key", "k-1").content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		MockHttpServletResponse again = this.mvc.perform(
				Fixture.bearer(me.token(), post(session + "/concerns")).header("Idempotency-Key", "k-1").content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotency-Replayed", "true"))
			.andReturn()
			.getResponse();
		assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from concern where title = 'Retried'" + " and raised_by_id = ?", Integer.class,
				this.fixture.personId(me.handle())))
			.isOne();
		this.mvc
			.perform(Fixture.bearer(me.token(), post(session + "/concerns"))
				.header("Idempotency-Key", "k-1")
				.content("{\"title\":\"Another\",\"category\":\"other\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void followUpsAreAssignedByOrganizersAndMovedByTheirOwner() throws Exception {
		String organizer = this.fixture.personWithAccount("api-org", Role.ORGANIZER);
		String owner = this.fixture.personWithAccount("api-owner", Role.MAINTAINER);
		String other = this.fixture.personWithAccount("api-other", Role.MAINTAINER);
		String session = this.fixture.session("api-fu-" + owner, 0, 0, 0);
		String assign = "{\"title\":\"Write the docs\",\"owner\":\"" + owner + "\",\"dueOn\":\"2030-01-31\"}";
		this.mvc
			.perform(Fixture.bearer(this.fixture.token(owner, true), post("/api/v1" + session + "/follow-ups"))
				.content(assign))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only organizers assign follow-ups."));
		String location = this.mvc
			.perform(Fixture.bearer(this.fixture.token(organizer, true), post("/api/v1" + session + "/follow-ups"))
				.content(assign))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.owner.handle").value(owner))
			.andExpect(jsonPath("$.status").value("open"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(Fixture.bearer(this.fixture.token(other, true), post(location + "/status"))
				.header("If-Match", "\"0\"")
				.content("{\"status\":\"done\"}"))
			.andExpect(status().isForbidden());
		String ownerToken = this.fixture.token(owner, true);
		this.mvc.perform(Fixture.bearer(ownerToken, post(location + "/status")).content("{\"status\":\"done\"}"))
			.andExpect(status().isPreconditionRequired());
		this.mvc
			.perform(Fixture.bearer(ownerToken, post(location + "/status"))
				.header("If-Match", "\"0\"")
				.content("{\"status\":\"in-progress\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("in-progress"));
		this.mvc
			.perform(Fixture.bearer(ownerToken, put(location))
				.header("If-Match", "\"1\"")
				.content("{\"title\":\"Write the docs, all of them\",\"owner\":\"" + owner
						+ "\",\"dueOn\":\"2030-02-28\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Write the docs, all of them"));
		this.mvc.perform(Fixture.bearer(ownerToken, get(location))).andExpect(jsonPath("$.dueOn").value("2030-02-28"));
		// The session's minutes fields carry each follow-up's history, with who made
		// each change.
		String docs = "$.followUps[?(@.title == 'Write the docs, all of them')]";
		this.mvc.perform(Fixture.bearer(ownerToken, get("/api/v1" + session)))
			.andExpect(jsonPath(docs + ".history[0].to").value(org.hamcrest.Matchers.contains("open")))
			.andExpect(jsonPath(docs + ".history[0].by.handle").value(org.hamcrest.Matchers.contains(organizer)))
			.andExpect(jsonPath(docs + ".history[1].from").value(org.hamcrest.Matchers.contains("open")))
			.andExpect(jsonPath(docs + ".history[1].to").value(org.hamcrest.Matchers.contains("in progress")))
			.andExpect(jsonPath(docs + ".history[1].by.handle").value(org.hamcrest.Matchers.contains(owner)));
	}

	@Test
	void organizersAddDiscussionNotes() throws Exception {
		String organizer = this.fixture.personWithAccount("api-notes", Role.ORGANIZER);
		Fixture.Built built = this.fixture.newSession("api-notes", 1, 0, 1);
		this.mvc
			.perform(Fixture.bearer(this.fixture.token(organizer, true), post(built.api() + "/notes"))
				.content("{\"speaker\":\"" + built.person(0) + "\",\"kind\":\"question\",\"body\":\"Does it build?\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", built.api()))
			.andExpect(jsonPath("$.seq").value(2))
			.andExpect(jsonPath("$.speaker.handle").value(built.person(0)))
			.andExpect(jsonPath("$.kind").value("question"));
		this.mvc
			.perform(Fixture.bearer(this.fixture.token(organizer, true), post(built.api() + "/notes"))
				.content("{\"speaker\":\"" + built.person(0) + "\",\"kind\":\"shout\",\"body\":\"Hm\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
	}

	@Test
	void aMaintainerRecordsConfirmsAndWithdrawsTheirPosition() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-ack", true, Role.MAINTAINER);
		String session = this.fixture.newSession("api-ack", 0, 1, 0).api();
		String position = session + "/positions/" + me.handle();
		// An ack cites no concerns: refused, not silently dropped.
		this.mvc
			.perform(Fixture.bearer(me.token(), put(position))
				.content("{\"stance\":\"supports\",\"concerns\":[\"concern-0\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("concerns"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("\"Acked-by\" cites no concerns")));
		// The stance as the API writes it, sent back as read.
		this.mvc
			.perform(Fixture.bearer(me.token(), put(position))
				.content("{\"stance\":\"supports with conditions\",\"conditions\":\"Pin rustc\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", position))
			.andExpect(jsonPath("$.position.stance").value("supports with conditions"))
			.andExpect(jsonPath("$.version").value(0));
		this.mvc
			.perform(Fixture.bearer(me.token(), put(position))
				.header("If-Match", "\"0\"")
				.content("{\"stance\":\"supports\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.position.stance").value("supports"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(Fixture.bearer(me.token(), put(position)).content("{\"stance\":\"undecided\"}"))
			.andExpect(status().isPreconditionRequired());
		this.mvc
			.perform(Fixture.bearer(me.token(), put(position))
				.header("If-Match", "\"5\"")
				.content("{\"stance\":\"undecided\"}"))
			.andExpect(status().isPreconditionFailed());
		this.mvc
			.perform(Fixture.bearer(me.token(), put(position))
				.header("If-Match", "\"1\"")
				.content("{\"stance\":\"opposes\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rationale"));
		this.mvc.perform(Fixture.bearer(me.token(), post(position + "/withdrawal")).header("If-Match", "\"1\""))
			.andExpect(status().isOk());
		String other = this.fixture.personWithAccount("api-ack-other", Role.MAINTAINER);
		this.mvc
			.perform(Fixture.bearer(me.token(), put(session + "/positions/" + other))
				.content("{\"stance\":\"supports\"}"))
			.andExpect(status().isForbidden());
		// Each write counted its change on the position (V112).
		assertThat(this.jdbc.queryForObject(
				"select p.changes from position p join person pe on pe.id = p.person_id " + "where pe.handle = ?",
				Long.class, me.handle()))
			.isEqualTo(3);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
	}

	@Test
	void aFollowUpReadIsSentBackWithOneFieldChanged() throws Exception {
		String organizer = this.fixture.personWithAccount("api-rmw-org", Role.ORGANIZER);
		String owner = this.fixture.personWithAccount("api-rmw-owner", Role.MAINTAINER);
		String session = this.fixture.session("api-rmw-" + owner, 0, 0, 0);
		String token = this.fixture.token(organizer, true);
		String location = this.mvc
			.perform(Fixture.bearer(token, post("/api/v1" + session + "/follow-ups"))
				.content("{\"title\":\"Post v2\",\"owner\":\"" + owner + "\",\"dueOn\":\"2030-01-31\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		// What was read, its owner an object, sent back with the due day changed.
		MockHttpServletResponse got = this.mvc.perform(Fixture.bearer(token, get(location))).andReturn().getResponse();
		ObjectNode read = (ObjectNode) this.json.readTree(got.getContentAsString());
		assertThat(read.get("owner").isObject()).isTrue();
		read.put("dueOn", "2030-03-31");
		// The GET's ETag is not the version: said so, not taken for a malformed header.
		this.mvc.perform(
				Fixture.bearer(token, put(location)).header("If-Match", got.getHeader("ETag")).content(read.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"))
			.andExpect(jsonPath("$.detail").value(containsString("the ETag of a GET is for If-None-Match")));
		this.mvc
			.perform(Fixture.bearer(token, put(location))
				.header("If-Match", "\"" + read.get("version").asLong() + "\"")
				.content(read.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dueOn").value("2030-03-31"))
			.andExpect(jsonPath("$.owner.handle").value(owner))
			.andExpect(jsonPath("$.title").value("Post v2"));
		// Dropped, its reason as read: dropReason.
		read.put("status", "dropped");
		read.put("dropReason", "Superseded by v3");
		this.mvc.perform(
				Fixture.bearer(token, post(location + "/status")).header("If-Match", "\"1\"").content(read.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("dropped"))
			.andExpect(jsonPath("$.dropReason").value("Superseded by v3"));
		// An owner that is neither a handle nor a person is the field's problem.
		this.mvc
			.perform(Fixture.bearer(token, put(location))
				.header("If-Match", "\"2\"")
				.content("{\"title\":\"Post v2\",\"owner\":[\"" + owner + "\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("owner"))
			.andExpect(jsonPath("$.detail")
				.value("The JSON body cannot be read: owner takes a handle, or a person with its handle."));
	}

	@Test
	void aPositionReadIsSentBackWithOneFieldChanged() throws Exception {
		String organizer = this.fixture.personWithAccount("api-rmw-pos", Role.ORGANIZER);
		String token = this.fixture.token(organizer, true);
		Fixture.Built built = this.fixture.newSession("api-rmw-pos", 0, 2, 0);
		String position = built.api() + "/positions/" + built.person(0);
		this.mvc
			.perform(Fixture.bearer(token, put(position))
				.content("{\"stance\":\"concerned\",\"concerns\":[\"concern-1\"],\"speaksFor\":\"" + built.slug()
						+ "-s0\"}"))
			.andExpect(status().isCreated());
		JsonNode read = this.json.readTree(
				this.mvc.perform(Fixture.bearer(token, get(position))).andReturn().getResponse().getContentAsString());
		// The position as read: its cited concerns and the subsystem's name.
		ObjectNode stated = (ObjectNode) read.get("position");
		assertThat(stated.get("citedConcerns").toString()).isEqualTo("[\"concern-1\"]");
		assertThat(stated.get("speaksFor").asString()).isEqualTo("Subsystem 0 of " + built.slug());
		stated.put("rationale", "Bisection must keep working");
		this.mvc
			.perform(Fixture.bearer(token, put(position))
				.header("If-Match", "\"" + read.get("version").asLong() + "\"")
				.content(stated.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.position.stance").value("concerned"))
			.andExpect(jsonPath("$.position.rationale").value("Bisection must keep working"))
			.andExpect(jsonPath("$.position.citedConcerns[0]").value("concern-1"))
			.andExpect(jsonPath("$.position.speaksFor").value("Subsystem 0 of " + built.slug()));
	}

	/**
	 * A concern sent back as read changes nothing: not its version, its history or the
	 * audit trail (its version once rose and the edit was audited). A follow-up alike.
	 */
	@Test
	void aConcernOrFollowUpSentBackUnchangedChangesNothing() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-same", true, Role.ORGANIZER);
		Fixture.Built built = this.fixture.newSession("api-same", 0, 0, 0);
		String concern = this.mvc
			.perform(Fixture.bearer(me.token(), post(built.api() + "/concerns"))
				.content("{\"title\":\"Layout\",\"category\":\"other\",\"body\":\"Why.\",\"blocking\":true,"
						+ "\"blockingReason\":\"It breaks.\",\"subsystems\":[\"" + built.slug() + "-s1\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		long audited = audited(me.handle());
		sendBackAsRead(me.token(), concern, false);
		sendBackAsRead(me.token(), "/api/v1/follow-ups/" + this.fixture.followUpId(built.slug(), "Follow-up 0"), false);
		assertThat(audited(me.handle())).isEqualTo(audited);
	}

	/**
	 * A position stated again as read changes nothing: not its version, its history or
	 * the audit trail (it was restated, with a history row).
	 */
	@Test
	void aPositionSentBackUnchangedChangesNothing() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-same-pos", true, Role.ORGANIZER);
		Fixture.Built built = this.fixture.newSession("api-same-pos", 0, 2, 0);
		String position = built.api() + "/positions/" + built.person(0);
		this.mvc
			.perform(Fixture.bearer(me.token(), put(position))
				.content("{\"stance\":\"concerned\",\"concerns\":[\"concern-1\"],\"rationale\":\"Bisection\","
						+ "\"speaksFor\":\"" + built.slug() + "-s0\"}"))
			.andExpect(status().isCreated());
		long audited = audited(me.handle());
		long changes = this.jdbc.queryForObject("""
				select count(*) from position_change c join position p on p.id = c.position_id
				join person pp on pp.id = p.person_id where pp.handle = ?""", Long.class, built.person(0));
		sendBackAsRead(me.token(), position, true);
		assertThat(audited(me.handle())).isEqualTo(audited);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from position_change c join position p on p.id = c.position_id
				join person pp on pp.id = p.person_id where pp.handle = ?""", Long.class, built.person(0)))
			.isEqualTo(changes);
	}

	/**
	 * A note saved as it is, on the live notes page's service, changes nothing: not its
	 * version or its revisions (it was reworded into itself).
	 */
	@Test
	void aNoteSavedUnchangedChangesNothing() {
		Fixture.Built built = this.fixture.newSession("api-same-note", 1, 0, 0);
		java.util.Map<String, Object> note = this.jdbc.queryForMap("""
				select n.id, n.session_id, n.version, p.handle, n.kind, n.body from discussion_note n
				join summit_session s on s.id = n.session_id join person p on p.id = n.speaker_id where s.slug = ?""",
				built.slug());
		long noteId = ((Number) note.get("id")).longValue();
		long noteVersion = ((Number) note.get("version")).longValue();
		this.discussionNotes.edit(((Number) note.get("session_id")).longValue(), noteId, noteVersion,
				new NoteDraft((String) note.get("handle"), DiscussionNote.Kind.valueOf((String) note.get("kind")),
						(String) note.get("body")),
				this.fixture.actor("api-same-notes", Role.ORGANIZER));
		assertThat(this.jdbc.queryForObject("select version from discussion_note where id = ?", Long.class, noteId))
			.isEqualTo(noteVersion);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from discussion_note_revision where note_id = ? and change = 'EDITED'", Long.class,
				noteId))
			.isZero();
	}

	/**
	 * PUTs what a GET of the address read (a position's {@code position}) with its
	 * version: the answer keeps the version, and a GET reads the same again.
	 */
	private void sendBackAsRead(String token, String address, boolean position) throws Exception {
		JsonNode read = this.json.readTree(
				this.mvc.perform(Fixture.bearer(token, get(address))).andReturn().getResponse().getContentAsString());
		this.mvc
			.perform(Fixture.bearer(token, put(address))
				.header("If-Match", "\"" + read.get("version").asLong() + "\"")
				.content((position ? read.get("position") : read).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(read.get("version").asLong()));
		assertThat(this.json.readTree(
				this.mvc.perform(Fixture.bearer(token, get(address))).andReturn().getResponse().getContentAsString()))
			.as(address)
			.isEqualTo(read);
	}

	private long audited(String actor) {
		return this.jdbc.queryForObject("select count(*) from audit_entry where actor = ?", Long.class, actor);
	}

	@Test
	void aConcernReadIsSentBackWithOneFieldChanged() throws Exception {
		Fixture.ApiCaller me = this.fixture.apiCaller("api-rmw-concern", true, Role.ORGANIZER);
		Fixture.Built built = this.fixture.newSession("api-rmw-concern", 0, 0, 1);
		String raiser = built.person(0);
		// Filed for someone as the API writes people: raisedBy, a person.
		String concern = this.mvc
			.perform(Fixture.bearer(me.token(), post(built.api() + "/concerns"))
				.content("{\"title\":\"Layout\",\"category\":\"other\",\"subsystems\":[\"" + built.slug()
						+ "-s1\"],\"raisedBy\":{\"handle\":\"" + raiser + "\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.raisedBy.handle").value(raiser))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		ObjectNode read = (ObjectNode) this.json.readTree(this.mvc.perform(Fixture.bearer(me.token(), get(concern)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(read.get("subsystems").toString()).isEqualTo("[\"Subsystem 1 of " + built.slug() + "\"]");
		read.put("title", "Layout of rust/");
		this.mvc
			.perform(Fixture.bearer(me.token(), put(concern))
				.header("If-Match", "\"" + read.get("version").asLong() + "\"")
				.content(read.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Layout of rust/"))
			.andExpect(jsonPath("$.subsystems[0]").value("Subsystem 1 of " + built.slug()));
		// Deferred, its note as read: statusNote.
		read.put("status", "deferred");
		read.put("statusNote", "After the merge window");
		read.put("revisitOn", "2030-01-15");
		this.mvc
			.perform(Fixture.bearer(me.token(), post(concern + "/status"))
				.header("If-Match", "\"1\"")
				.content(read.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("deferred"))
			.andExpect(jsonPath("$.statusNote").value("After the merge window"));
	}

	@Test
	void aNoteNamesItsSpeakerAsTheNotesHaveIt() throws Exception {
		String organizer = this.fixture.personWithAccount("api-note-speaker", Role.ORGANIZER);
		Fixture.Built built = this.fixture.newSession("api-note-speaker", 1, 0, 1);
		this.mvc
			.perform(Fixture.bearer(this.fixture.token(organizer, true), post(built.api() + "/notes"))
				.content("{\"speaker\":{\"handle\":\"" + built.person(0)
						+ "\",\"name\":\"Someone\"},\"kind\":\"remark\",\"body\":\"It builds.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.seq").value(2));
	}

}
