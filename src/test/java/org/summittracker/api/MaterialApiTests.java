package org.summittracker.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
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
 * A session's material through the API: a speaker of the session adds an item (once, for
 * a retried Idempotency-Key), edits it against its version (428 without If-Match, 412
 * stale) and withdraws it with a reason; the list keeps it, marked. The material page's
 * rules hold (kind, title, address, person; who may), refused as problems naming the
 * field, with nothing changed.
 */
@SummitIntegrationTest
class MaterialApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built session;

	Fixture.ApiCaller speaker;

	String material;

	@BeforeEach
	void aSessionWithASpeaker() {
		this.session = this.fixture.newSession("api-material", 0, 0, 0);
		this.speaker = this.fixture.apiCaller("api-speaker", true, Role.MAINTAINER);
		this.jdbc.update("""
				insert into session_participant (session_id, person_id, role)
				select s.id, p.id, 'SPEAKER' from summit_session s, person p where s.slug = ? and p.handle = ?
				""", this.session.slug(), this.speaker.handle());
		this.material = this.session.api() + "/material";
	}

	@Test
	void aSpeakerAddsEditsAndWithdrawsAnItemWhichTheListKeepsMarked() throws Exception {
		String added = "{\"kind\":\"slides\",\"title\":\"Rust slides\",\"url\":\"https://example.org/rust.pdf\","
				+ "\"by\":\"" + this.session.person(0) + "\"}";
		String location = this.mvc
			.perform(Fixture.bearer(this.speaker.token(), post(this.material))
				.header("Idempotency-Key", "add-rust-slides")
				.content(added))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("slides"))
			.andExpect(jsonPath("$.title").value("Rust slides"))
			.andExpect(jsonPath("$.url").value("https://example.org/rust.pdf"))
			.andExpect(jsonPath("$.by.handle").value(this.session.person(0)))
			.andExpect(jsonPath("$.event").value(this.session.eventSlug()))
			.andExpect(jsonPath("$.session").value(this.session.slug()))
			.andExpect(jsonPath("$.withdrawn").value(false))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(location).startsWith(this.material + "/");
		// A retry with the same key is answered as made, and made once.
		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), post(this.material))
				.header("Idempotency-Key", "add-rust-slides")
				.content(added))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotency-Replayed", "true"))
			.andExpect(header().string("Location", location));
		assertThat(items()).isEqualTo(1);
		this.mvc.perform(Fixture.bearer(this.speaker.token(), get(location)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Rust slides"));

		// The item as read, sent back with one field changed.
		String edited = "{\"kind\":\"slides\",\"title\":\"Rust slides, v2\",\"url\":\"https://example.org/rust-v2.pdf\","
				+ "\"by\":{\"handle\":\"" + this.session.person(0) + "\",\"name\":\"Whoever\"}}";
		this.mvc.perform(Fixture.bearer(this.speaker.token(), put(location)).content(edited))
			.andExpect(status().isPreconditionRequired())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), put(location)).header("If-Match", "\"4\"").content(edited))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type", endsWith("stale-version")));
		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), put(location)).header("If-Match", "\"0\"").content(edited))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Rust slides, v2"))
			.andExpect(jsonPath("$.url").value("https://example.org/rust-v2.pdf"))
			.andExpect(jsonPath("$.version").value(1));
		// Sent back unchanged, it changes nothing: same version, no history row.
		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), put(location)).header("If-Match", "\"1\"").content(edited))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		assertThat(this.jdbc.queryForList("""
				select c.change from session_material_change c join session_material m on m.id = c.material_id
				join summit_session s on s.id = m.session_id where s.slug = ? order by c.id
				""", String.class, this.session.slug())).containsExactly("ADDED", "EDITED");

		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), post(location + "/withdrawal"))
				.header("If-Match", "\"1\"")
				.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("Say why it is withdrawn."));
		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), post(location + "/withdrawal"))
				.header("If-Match", "\"1\"")
				.content("{\"reason\":\"Posted the wrong deck\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawn").value(true))
			.andExpect(jsonPath("$.withdrawnAt").isString())
			.andExpect(jsonPath("$.withdrawalReason").value("Posted the wrong deck"));
		// Withdrawn, it is no longer changed, and stays listed, marked.
		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), put(location)).header("If-Match", "\"2\"").content(edited))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("This material was withdrawn; it is no longer changed."));
		this.mvc.perform(Fixture.bearer(this.speaker.token(), get(this.material)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].withdrawn").value(true))
			.andExpect(jsonPath("$.items[0].withdrawalReason").value("Posted the wrong deck"));
		assertThat(this.jdbc.queryForList("""
				select action from audit_entry where entity_type = 'Material' and actor = ? order by id
				""", String.class, this.speaker.handle())).containsExactly("MATERIAL_ADDED", "MATERIAL_EDITED",
				"MATERIAL_WITHDRAWN");
	}

	@Test
	void theMaterialPagesRulesHoldAndARefusalNamesItsFieldAndChangesNothing() throws Exception {
		refused("{\"kind\":\"flyer\",\"title\":\"A flyer\",\"url\":\"https://example.org/f\"}", "kind");
		refused("{\"title\":\"No kind\",\"url\":\"https://example.org/f\"}", "kind");
		refused("{\"kind\":\"slides\",\"title\":\"Script\",\"url\":\"javascript:alert(1)\"}", "url");
		refused("{\"kind\":\"slides\",\"title\":\"Secret\",\"url\":\"https://user:pw@example.org/x\"}", "url");
		refused("{\"kind\":\"slides\",\"title\":\"Two\\nlines\",\"url\":\"https://example.org/x\"}", "title");
		refused("{\"kind\":\"slides\",\"title\":\"" + "t".repeat(201) + "\",\"url\":\"https://example.org/x\"}",
				"title");
		refused("{\"kind\":\"slides\",\"title\":\"Nobody's\",\"url\":\"https://example.org/x\",\"by\":\"no-such-one\"}",
				"by");
		assertThat(items()).isZero();
	}

	@Test
	void onlyOrganizersAndTheSessionsContributorsChangeItsMaterialSayingWhy() throws Exception {
		Fixture.ApiCaller bystander = this.fixture.apiCaller("api-bystander", true, Role.MAINTAINER);
		this.mvc
			.perform(Fixture.bearer(bystander.token(), post(this.material))
				.content("{\"kind\":\"flyer\",\"title\":\"Not mine\",\"url\":\"https://example.org/n\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type", endsWith("not-allowed")))
			.andExpect(jsonPath("$.detail")
				.value("Only organizers, and the session's leads, speakers and note-takers, may do this."));
		Fixture.ApiCaller organizer = this.fixture.apiCaller("api-material-org", true, Role.ORGANIZER);
		this.mvc
			.perform(Fixture.bearer(organizer.token(), post(this.material))
				.content("{\"kind\":\"report\",\"title\":\"LWN\",\"url\":\"https://lwn.net/Articles/870555/\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(Fixture.bearer(this.speaker.token(), post(this.material))
				.content("{\"kind\":\"RECORDING\",\"title\":\"Video\",\"url\":\"https://example.org/v\"}"))
			.andExpect(status().isCreated());
		// Read with a read token, a page at a time.
		String reader = this.fixture.token(bystander.handle(), false);
		this.mvc.perform(Fixture.bearer(reader, get(this.material)).param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].title").value("LWN"))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(header().string("Link", containsString("rel=\"next\"")));
		this.mvc.perform(Fixture.bearer(reader, get(this.material)).param("size", "1").param("page", "3"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.lastPage").value(2));
		this.mvc.perform(Fixture.bearer(reader, get(this.material + "/987654321"))).andExpect(status().isNotFound());
	}

	private void refused(String body, String field) throws Exception {
		this.mvc.perform(Fixture.bearer(this.speaker.token(), post(this.material)).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem(field)));
	}

	private long items() {
		return this.jdbc.queryForObject(
				"select count(*) from session_material m join summit_session s on s.id = m.session_id where s.slug = ?",
				Long.class, this.session.slug());
	}

}
