package org.summittracker.minutes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;

import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// The demo summit loaded at start, in a database of its own.
@SummitIntegrationTest(properties = "summit.demo-data.enabled=true")
class MinutesPublicationTests {

	static final String SESSION = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixture fixture;

	@Autowired
	JsonMapper json;

	// Other test classes share this database and expect the demo minutes to be a draft.
	@BeforeEach
	@AfterEach
	void backToDraft() {
		this.jdbc.update("update summit_session set minutes_final_at = null, status = 'HELD' where slug = ?",
				"using-rust-for-kernel-development");
	}

	@Test
	void onlyOrganizersMarkMinutesFinal() throws Exception {
		this.mvc.perform(post(SESSION + "/minutes/final").with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		MockHttpSession viro = SignIn.as(this.mvc, "viro");
		this.mvc.perform(post(SESSION + "/minutes/final").session(viro).with(csrf())).andExpect(status().isForbidden());
		assertThat(text()).contains("Status: Draft minutes");

		MockHttpSession organizer = SignIn.as(this.mvc, "organizer");
		this.mvc.perform(post(SESSION + "/minutes/final").session(organizer)).andExpect(status().isForbidden());
		FlashMap flash = this.mvc.perform(post(SESSION + "/minutes/final").session(organizer).with(csrf()))
			.andExpect(redirectedUrl(SESSION))
			.andReturn()
			.getFlashMap();
		// The session page after the redirect says so (WholeSummitBrowserTests found it a
		// 500).
		this.mvc.perform(get(SESSION).session(organizer).flashAttrs(flash))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The minutes are final.")));
		assertThat(text()).contains("Status: Final minutes, published").doesNotContain("amended");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'MINUTES_FINAL' and summary = 'Minutes held → final'",
				Long.class))
			.isPositive();
	}

	@Test
	void changesAfterPublicationAreListedAsAmendments() throws Exception {
		MockHttpSession organizer = SignIn.as(this.mvc, "organizer");
		this.mvc.perform(post(SESSION + "/minutes/final").session(organizer).with(csrf()));
		Instant published = this.jdbc
			.queryForObject(
					"select minutes_final_at from summit_session where slug = 'using-rust-for-kernel-development'",
					java.sql.Timestamp.class)
			.toInstant();
		// A response added after publication, as the concern thread would record it.
		this.jdbc.update("""
				insert into concern_response (concern_id, author_id, body, created_at)
				select c.id, p.id, 'Second thoughts after the summit.', ?
				from concern c join person p on p.handle = 'viro' where c.key = 'bisection'
				""", java.sql.Timestamp.from(published.plusSeconds(3600)));
		try {
			String text = text();
			assertThat(text).contains("Amended after publication on", "Al Viro responded to concern bisection");
			assertThat(download(SESSION + "/minutes.md")).contains("Amended after publication on");
		}
		finally {
			this.jdbc.update("delete from concern_response where body = 'Second thoughts after the summit.'");
		}
	}

	@Test
	void notesAndResolutionsAddedAfterPublicationAreListedAsAmendments() throws Exception {
		Built built = this.fixture.newSession("published-late", 1, 0, 0);
		MockHttpSession organizer = SignIn.as(this.mvc, "organizer");
		this.mvc.perform(post(built.url() + "/minutes/final").session(organizer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(download(built.url() + "/minutes.md")).doesNotContain("amended after publication");
		this.mvc
			.perform(post(built.url() + "/notes").session(organizer)
				.with(csrf())
				.param("speaker", built.person(0))
				.param("kind", "REMARK")
				.param("body", "Said in the corridor afterwards."))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(built.url() + "/resolutions").session(organizer)
				.with(csrf())
				.param("statement", "Decided after the minutes were published.")
				.param("outcome", "AGREED")
				.param("decidedOn", "2024-09-02"))
			.andExpect(status().is3xxRedirection());
		String markdown = download(built.url() + "/minutes.md");
		assertThat(markdown).contains("Said in the corridor afterwards.", "Decided after the minutes were published.",
				"amended after publication on", "Demo Organizer took note 2", "Demo Organizer recorded resolution ");
	}

	/**
	 * Follow-ups added, moved or revised after publication are amendments, as notes and
	 * resolutions are (before, only those added were listed), in every format read from
	 * the same facts; the change names the person of the account that made it.
	 */
	@Test
	void followUpsChangedAfterPublicationAreListedAsAmendments() throws Exception {
		Built built = this.fixture.newSession("follow-ups-late", 0, 0, 1);
		MockHttpSession organizer = SignIn.as(this.mvc, "organizer");
		this.mvc.perform(post(built.url() + "/minutes/final").session(organizer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long moved = this.fixture.followUpId(built.slug(), "Follow-up 0");
		this.mvc
			.perform(post("/follow-ups/{id}/status", moved).session(organizer)
				.with(csrf())
				.param("status", "done")
				.param("version", Long.toString(this.fixture.followUpVersion(moved))))
			.andExpect(status().is3xxRedirection());
		long revised = this.fixture.followUpId(built.slug(), "Follow-up 1");
		this.mvc
			.perform(post("/follow-ups/{id}", revised).session(organizer)
				.with(csrf())
				.param("title", "Follow-up 1, renamed later")
				.param("owner", built.person(0))
				.param("version", Long.toString(this.fixture.followUpVersion(revised))))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(built.url() + "/follow-ups").session(organizer)
				.with(csrf())
				.param("title", "Assigned after the summit")
				.param("owner", built.person(0)))
			.andExpect(status().is3xxRedirection());
		String markdown = download(built.url() + "/minutes.md");
		assertThat(markdown).contains("Amended after publication on",
				"Demo Organizer moved a follow-up from open to done: Follow-up 0",
				"Demo Organizer revised a follow-up: Follow-up 1, renamed later",
				"Follow-up added for Person 0 of " + built.slug() + ": Assigned after the summit");
		assertThat(download(built.url() + "/minutes.json"))
			.contains("Demo Organizer moved a follow-up from open to done: Follow-up 0");
	}

	/**
	 * Material added, edited or withdrawn after publication is an amendment, as notes,
	 * resolutions and follow-ups are, in every format of the session's minutes and in its
	 * event's; an item added before is not.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "md", "txt", "html", "json", "pdf" })
	void materialChangedAfterPublicationIsListedAsAmendments(String format) throws Exception {
		Built built = this.fixture.newSession("material-late", 0, 0, 0);
		MockHttpSession organizer = SignIn.as(this.mvc, "organizer");
		this.mvc
			.perform(post(built.url() + "/material").session(organizer)
				.with(csrf())
				.param("kind", "SLIDES")
				.param("title", "Slides shown in the session")
				.param("url", "https://example.org/s"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post(built.url() + "/minutes/final").session(organizer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(amendments(built.url() + "/minutes." + format, format)).doesNotContain("added material");

		this.mvc
			.perform(post(built.url() + "/material").session(organizer)
				.with(csrf())
				.param("kind", "RECORDING")
				.param("title", "Recording found later")
				.param("url", "https://example.org/r"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.queryForObject(
				"select m.id from session_material m join summit_session s"
						+ " on s.id = m.session_id where s.slug = ? and m.title = 'Recording found later'",
				Long.class, built.slug());
		this.mvc
			.perform(post(built.url() + "/material/" + id).session(organizer)
				.with(csrf())
				.param("kind", "RECORDING")
				.param("title", "Recording, retitled")
				.param("url", "https://example.org/r2")
				.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(built.url() + "/material/" + id + "/withdrawal").session(organizer)
				.with(csrf())
				.param("reason", "The wrong session's")
				.param("version", "1"))
			.andExpect(status().is3xxRedirection());

		List<String> said = List.of(
				"Demo Organizer added material: recording “Recording found later” <https://example.org/r>",
				"Demo Organizer edited material, now: recording “Recording, retitled” <https://example.org/r2>",
				"Demo Organizer withdrew material: recording “Recording, retitled” <https://example.org/r2>"
						+ " (The wrong session's)");
		String session = amendments(built.url() + "/minutes." + format, format);
		assertThat(session).contains("Amended after publication on").contains(said);
		assertThat(session).doesNotContain("added material: slides");
		assertThat(amendments("/events/" + built.eventSlug() + "/minutes." + format, format)).contains(said);
	}

	@Test
	void theSessionPageOffersTheButtonOnlyToOrganizers() throws Exception {
		assertThat(page(null)).contains("Minutes: draft").doesNotContain("Mark minutes final");
		assertThat(page(SignIn.as(this.mvc, "viro"))).doesNotContain("Mark minutes final");
		assertThat(page(SignIn.as(this.mvc, "organizer"))).contains("Mark minutes final");
	}

	private String page(MockHttpSession session) throws Exception {
		var request = get(SESSION);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	/**
	 * What the minutes at {@code url} say, as a reader reads them: the text of the HTML
	 * and the PDF, the JSON's amendments (a line each), white space made one space.
	 */
	private String amendments(String url, String format) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String text = switch (format) {
			case "pdf" -> {
				try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
					yield new PDFTextStripper().getText(document).replaceAll("-\\R", "-");
				}
			}
			case "html" -> Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).text();
			case "json" -> {
				JsonNode minutes = this.json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
				List<String> lines = new ArrayList<>();
				Iterable<JsonNode> sessions = minutes.has("sessions") ? minutes.get("sessions") : List.of(minutes);
				for (JsonNode session : sessions) {
					if (session.at("/amendments/amended").asBoolean()) {
						lines.add("Amended after publication on " + session.at("/amendments/publishedAt").asString());
					}
					session.at("/amendments/changes").forEach((change) -> lines.add(change.asString()));
				}
				yield String.join("\n", lines);
			}
			default -> response.getContentAsString(StandardCharsets.UTF_8);
		};
		return text.replaceAll("\\s+", " ");
	}

	private String text() throws Exception {
		return download(SESSION + "/minutes.txt");
	}

	private String download(String url) throws Exception {
		return this.mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
