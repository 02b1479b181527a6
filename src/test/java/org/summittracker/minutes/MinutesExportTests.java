package org.summittracker.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.ThreadWrites;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Minutes in every format, checked against golden files for the demo session. Run with
 * {@code -Dminutes.update-golden=true} to rewrite the golden files after an intended
 * change, then read the diff.
 */
// The demo summit loaded at start, in a database of its own; statements counted
// (/benchmark/statements).
@SummitIntegrationTest(properties = { "summit.demo-data.enabled=true", "summit.benchmark.enabled=true" })
class MinutesExportTests {

	static final String SESSION = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	static final String STEM = "maintainers-summit-2021--using-rust-for-kernel-development";

	static final Path GOLDEN = Path.of("src/test/resources/minutes");

	@Autowired
	MockMvc mvc;

	@Autowired
	PdfFonts pdfFonts;

	@Autowired
	MinutesExporter exporter;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CacheManager caches;

	@Value("${summit.minutes.pdf-rows-at-most}")
	long pdfRowsAtMost;

	@Autowired
	JsonMapper json;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@ParameterizedTest
	@ValueSource(strings = { "md", "txt", "html", "json" })
	void theDemoSessionMatchesItsGoldenFile(String format) throws Exception {
		MockHttpServletResponse response = download(SESSION + "/minutes." + format);
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"" + STEM + "." + format + "\"");
		byte[] body = response.getContentAsByteArray();
		Path golden = GOLDEN.resolve(STEM + "." + format);
		if (Boolean.getBoolean("minutes.update-golden")) {
			Files.write(golden, format.equals("json")
					? this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(this.json.readTree(body)) : body);
		}
		if (format.equals("json")) {
			// Compact JSON against an indented golden file: the same document.
			assertThat(this.json.readTree(body)).isEqualTo(this.json.readTree(Files.readString(golden)));
		}
		else {
			assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(Files.readString(golden));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "md", "txt", "html", "json" })
	void sameDataGivesTheSameBytes(String format) throws Exception {
		assertThat(download(SESSION + "/minutes." + format).getContentAsByteArray())
			.isEqualTo(download(SESSION + "/minutes." + format).getContentAsByteArray());
	}

	@Test
	void plainTextIsMailReady() throws Exception {
		String text = download(SESSION + "/minutes.txt").getContentAsString(StandardCharsets.UTF_8);
		assertThat(text.lines()).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(72));
		assertThat(text).doesNotContain("**", "`", "</", "<p>", "|")
			.contains("Acked-by: Linus Walleij <walleij@example.org>",
					"Acked-by: Greg Kroah-Hartman <gregkh@example.org>", "Concerned: Al Viro <viro@example.org>",
					"No-record: Kalle Valo <kvalo@example.org>", "No-objection: Thomas Gleixner <tglx@example.org>",
					"[toolchain-stability] Requires the newest Rust compiler", "Readiness: NOT READY");
	}

	@Test
	void theJsonHoldsEveryFact() throws Exception {
		JsonNode root = this.json.readTree(download(SESSION + "/minutes.json").getContentAsString());
		assertThat(root.get("event").get("slug").asString()).isEqualTo("maintainers-summit-2021");
		assertThat(root.get("notes")).hasSize(17);
		assertThat(root.get("concerns")).hasSize(6);
		assertThat(root.get("buyIn")).hasSize(14);
		assertThat(root.get("resolutions")).hasSize(2);
		assertThat(root.get("followUps")).hasSize(6);
		assertThat(root.get("readiness").get("ready").asBoolean()).isFalse();
		JsonNode viro = find(root.get("buyIn"), "viro");
		assertThat(viro.get("stance").asString()).isEqualTo("concerned");
		assertThat(viro.get("history")).hasSize(1);
		assertThat(find(root.get("buyIn"), "kvalo").get("stance").isNull()).isTrue();
	}

	/**
	 * The formats printed for people read nothing they do not print: a follow-up's
	 * history, a concern's subsystems and its body are in the JSON alone, so only the
	 * JSON's read sends their queries or columns (a session's, an event's), in the one
	 * statement all read. A concern's and a position's history the other formats print
	 * only as the amendments of final minutes: they read them for final minutes alone, so
	 * none for this draft.
	 */
	@ParameterizedTest
	@EnumSource(MinutesFormatKind.class)
	void onlyTheJsonReadsWhatOnlyTheJsonPrints(MinutesFormatKind format) throws Exception {
		Fixture.Built built = this.fixture.newSession("data-only", 2, 2, 2);
		this.jdbc.update("""
				insert into follow_up_change (follow_up_id, from_status, to_status, note, changed_by, changed_at)
				select f.id, 'OPEN', 'IN_PROGRESS', 'Started', 'admin', timestamptz '2024-09-02 12:00Z'
				from follow_up f join summit_session s on s.id = f.session_id join event e on e.id = s.event_id
				where e.slug = ? and f.title = 'Follow-up 0'""", built.eventSlug());
		MinutesQueries.SessionRows session = this.exporter.session(built.eventSlug(), built.slug()).orElseThrow();
		MinutesQueries.EventSessions event = this.exporter.event(built.eventSlug()).orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (ThreadWrites.Work export : List.<ThreadWrites.Work>of(
				() -> this.exporter.writeSession(session, format, out),
				() -> this.exporter.writeEvent(event, format, out))) {
			this.caches.getCache("reads").clear();
			List<String> sent = ThreadWrites.sentDuring(export);
			int read = (format == MinutesFormatKind.JSON) ? 1 : 0;
			assertThat(sent).as(format.name())
				.filteredOn((sql) -> sql.contains("from follow_up_change h"))
				.hasSize(read);
			assertThat(sent).as(format.name())
				.filteredOn((sql) -> sql.contains("join subsystem s on s.id = cs.subsystem_id"))
				.hasSize(read);
			assertThat(sent).as(format.name()).filteredOn((sql) -> sql.contains("c.body")).hasSize(read);
			assertThat(sent).as(format.name())
				.filteredOn((sql) -> query(sql, "where h.concern_id = any(").contains("minutes_final_at is not null")
						&& query(sql, "where pc.position_id = any(").contains("minutes_final_at is not null"))
				.hasSize(1 - read);
		}
		if (format == MinutesFormatKind.JSON) {
			JsonNode minutes = this.json.readTree(download(built.url() + "/minutes.json").getContentAsString());
			assertThat(minutes.get("followUps").findValues("history")).anySatisfy((history) -> {
				assertThat(history).hasSize(1);
				assertThat(history.get(0).get("to").asString()).isEqualTo("in progress");
			});
			assertThat(minutes.get("concerns").get(0).get("subsystems")).isNotEmpty();
		}
	}

	/**
	 * The query of a statement that starts its {@code where} clause so, up to its
	 * {@code order by}; empty when there is none.
	 */
	private static String query(String statement, String where) {
		int at = statement.indexOf(where);
		return (at < 0) ? "" : statement.substring(at, statement.indexOf("order by", at));
	}

	@Test
	void thePdfHasTheMinutesWithEmbeddedFonts() throws Exception {
		this.jdbc.update("update person set name = 'Jérôme Łukasiewicz-Ørsted' where handle = 'tglx'");
		try {
			byte[] pdf = download(SESSION + "/minutes.pdf").getContentAsByteArray();
			try (PDDocument document = Loader.loadPDF(pdf)) {
				// Lines wrap anywhere in a PDF; compare the words, not the line breaks.
				String text = new PDFTextStripper().getText(document).replaceAll("-\\R", "-").replaceAll("\\s+", " ");
				assertThat(text).contains("Kernel Maintainers Summit 2021: Using Rust for kernel development",
						"NOT READY", "Luiz Augusto von Dentz", "toolchain-stability", "Jérôme Łukasiewicz-Ørsted",
						"Post the Rust patch set every one to two weeks");
				// Buy-in: what a person maintains, only when they maintain something.
				assertThat(text)
					.contains("Luiz Augusto von Dentz (maintains: Bluetooth subsystem): No record",
							"Arnd Bergmann: Concerned")
					.doesNotContain("(maintains: )");
				// The summary's Markdown reads as text: "**experiment**" is "experiment".
				assertThat(text).contains("in mainline as an experiment, with buy-in").doesNotContain("**");
				assertThat(fonts(document)).extracting(PDFont::getName)
					.hasSize(2)
					.allSatisfy((name) -> assertThat(name).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"));
				assertThat(fonts(document)).allSatisfy((font) -> assertThat(font.isEmbedded()).isTrue());
				assertThat(document.getDocumentInformation().getTitle())
					.isEqualTo("Kernel Maintainers Summit 2021: Using Rust for kernel development");
			}
		}
		finally {
			this.jdbc.update("update person set name = 'Thomas Gleixner' where handle = 'tglx'");
		}
	}

	@Test
	void aNackCitingConcernsKeepsItsRationaleInTheMinutes() throws Exception {
		// The sixth position is a Nacked-by "Because 5" citing concern-0: before, the
		// minutes gave the keys alone and left the rationale out.
		Fixture.Built built = this.fixture.newSession("nack-cites", 0, 1, 6);
		for (String format : new String[] { "md", "txt", "html" }) {
			assertThat(download(built.url() + "/minutes." + format).getContentAsString(StandardCharsets.UTF_8)
				.replaceAll("\\s+", " ")).as(format).contains("Because 5 (cites concern-0)");
		}
	}

	/**
	 * Every format, of the session and of its event, says who entered each position as
	 * the pages do: a maintainer's own entry is by them themself (before, "confirmed by
	 * the maintainer"), one stated in session says whether its person confirmed it since.
	 */
	@Test
	void everyFormatSaysWhoEnteredEachPositionAsThePagesDo() throws Exception {
		Fixture.Built built = this.fixture.newSession("entered-by", 0, 0, 3);
		String position = "update position set %s where person_id = (select id from person where handle = ?)";
		this.jdbc.update(
				position
					.formatted("entry_method = 'BY_MAINTAINER', entered_by_id = person_id, confirmed_at = updated_at"),
				built.person(1));
		this.jdbc.update(position.formatted("confirmed_at = updated_at + interval '1 hour'"), built.person(2));
		this.caches.getCacheNames().forEach((cache) -> this.caches.getCache(cache).clear());
		String by = "Person 0 of " + built.slug();
		List<String> said = List.of("by Person 1 of " + built.slug() + " themself",
				"stated in session, entered by " + by + "; confirmed by " + built.person(2),
				"stated in session, entered by " + by + "; not yet confirmed");
		String page = this.mvc.perform(get(built.url())).andReturn().getResponse().getContentAsString();
		said.forEach((words) -> assertThat(page).contains("<td>" + MinutesFormat.capitalize(words) + "</td>"));
		for (String minutes : List.of(built.url() + "/minutes.", "/events/" + built.eventSlug() + "/minutes.")) {
			for (String format : List.of("md", "txt", "html", "pdf")) {
				MockHttpServletResponse response = download(minutes + format);
				String text = format.equals("pdf") ? pdfText(response.getContentAsByteArray())
						: response.getContentAsString(StandardCharsets.UTF_8);
				assertThat(text.replaceAll("\\s+", "")).as(minutes + format)
					.contains(said.stream().map((words) -> words.replaceAll("\\s+", "")).toList())
					.doesNotContain("confirmedbythemaintainer");
			}
			JsonNode json = this.json.readTree(download(minutes + "json").getContentAsString());
			for (int i = 0; i < 3; i++) {
				String handle = built.person(i);
				JsonNode row = json.findParents("person")
					.stream()
					.filter((r) -> r.has("entry") && handle.equals(r.get("person").get("handle").asString()))
					.findFirst()
					.orElseThrow();
				assertThat(row.get("entry").asString()).as(handle)
					.isEqualTo((i == 1) ? "by maintainer" : "stated in session");
				assertThat(row.get("enteredBy").get("handle").asString()).as(handle)
					.isEqualTo((i == 1) ? handle : built.person(0));
				assertThat(row.has("confirmedAt")).as(handle).isEqualTo(i != 0);
			}
		}
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	@Test
	void theMinutesOfACancelledSessionSayItWasCancelledNotHeld() throws Exception {
		assertMinutesSay("cancelled-minutes", "CANCELLED", "Cancelled (it was scheduled for 2024-09-01 09:00 UTC)");
	}

	@Test
	void theMinutesOfASessionStillPlannedSayWhenItIsScheduledNotHeld() throws Exception {
		assertMinutesSay("planned-minutes", "PLANNED", "Scheduled: 2024-09-01 09:00 UTC");
	}

	/**
	 * A session that discusses no proposal and has no proposal text of its own: no format
	 * shows an empty "Proposal" section (before, each had its heading over nothing), and
	 * the JSON says null; the readiness and the buy-in are still there.
	 */
	@Test
	void theMinutesOfASessionWithoutProposalTextLeaveTheProposalSectionOut() throws Exception {
		Fixture.Built built = this.fixture.newSession("no-proposal-text", 1, 0, 0);
		String session = "(select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?)";
		this.jdbc.update("delete from session_proposal where session_id = " + session, built.eventSlug(), built.slug());
		this.jdbc.update("update summit_session set proposal = '' where id = " + session, built.eventSlug(),
				built.slug());
		assertThat(text(built, "md")).doesNotContain("## Proposal").contains("## Readiness", "## Buy-in");
		assertThat(text(built, "txt")).doesNotContainPattern("(?m)^Proposal$").contains("Readiness", "Buy-in");
		assertThat(text(built, "html")).doesNotContain(">Proposal<").contains(">Buy-in<");
		JsonNode header = this.json.readTree(text(built, "json")).get("session");
		assertThat(header.get("proposal").isNull()).isTrue();
		assertThat(header.get("statement").isNull()).isTrue();
		try (PDDocument document = Loader.loadPDF(download(built.url() + "/minutes.pdf").getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document)).doesNotContainPattern("(?m)^Proposal\\s*$")
				.containsPattern("(?m)^Buy-in\\s*$");
		}
	}

	private String text(Fixture.Built built, String format) throws Exception {
		return download(built.url() + "/minutes." + format).getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * A new session of that status, scheduled for 2024-09-01 09:00 UTC: every format of
	 * its minutes says {@code said}, and none says it was held.
	 */
	private void assertMinutesSay(String prefix, String status, String said) throws Exception {
		Fixture.Built built = this.fixture.newSession(prefix, 1, 0, 0);
		this.jdbc.update(
				"update summit_session set status = ?, scheduled_at = '2024-09-01T09:00:00Z'"
						+ " where slug = ? and event_id = (select id from event where slug = ?)",
				status, built.slug(), built.eventSlug());
		for (String format : new String[] { "md", "txt", "html" }) {
			assertThat(download(built.url() + "/minutes." + format).getContentAsString(StandardCharsets.UTF_8))
				.as(format)
				.contains(said)
				.doesNotContain("Held:");
		}
		try (PDDocument document = Loader.loadPDF(download(built.url() + "/minutes.pdf").getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(said)
				.doesNotContain("Held:");
		}
	}

	@Test
	void eventMinutesPutEachSessionOnANewPage() throws Exception {
		MockHttpServletResponse response = download("/events/maintainers-summit-2021/minutes.html");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"maintainers-summit-2021.html\"");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("class=\"session first\"",
				"<h1>Kernel Maintainers Summit 2021</h1>", "Using Rust for kernel development");
	}

	@Test
	void aHundredSessionEventExportsABatchAtATime() throws Exception {
		String url = this.fixture.session("hundred", 3, 2, 3);
		String event = url.substring("/events/".length(), url.indexOf("/sessions/"));
		this.fixture.moreSessionsIn(event, 99);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		JsonNode root = this.json.readTree(download("/events/" + event + "/minutes.json").getContentAsString());
		assertThat(root.get("sessions")).hasSize(100);
		long batches = 100 / MinutesExporter.SESSIONS_PER_BATCH;
		// A fixed number of statements per batch of sessions, never one per session.
		assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(2 + batches * 20);
		for (String format : List.of("md", "txt")) {
			assertThat(download("/events/" + event + "/minutes." + format).getContentAsByteArray()).isNotEmpty();
		}
		// The PDF is one document: every session, each on a page of its own with an
		// outline entry, in order, the two fonts embedded once.
		byte[] pdf = download("/events/" + event + "/minutes.pdf").getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(100);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).containsSubsequence("Session " + event + "-extra-0 ", "Session " + event + "-extra-9 ",
					"Session " + event + "-extra-10 ", "Session " + event + "-extra-98 ");
			assertThat(fonts(document)).hasSize(2);
			List<String> outline = new ArrayList<>();
			for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
				outline.add(item.getTitle());
				assertThat(item.findDestinationPage(document)).isNotNull();
			}
			assertThat(outline).hasSize(100)
				.startsWith("Session hundred-session", "Session " + event + "-extra-0")
				.endsWith("Session " + event + "-extra-98");
		}
	}

	/**
	 * A session whose minutes read more rows than a batch holds is read in a batch of its
	 * own, however few sessions the event has: three such sessions among an event's first
	 * hundred, read at once, filled the heap.
	 */
	@Test
	void aSessionWithMoreRowsThanABatchIsReadInABatchOfItsOwn() throws Exception {
		String light = this.fixture.session("batch-light", 1, 1, 1);
		String heavy = this.fixture.session("batch-heavy", 1, 1, 1);
		String lightEvent = light.substring(0, light.indexOf("/sessions/"));
		String heavyEvent = heavy.substring(0, heavy.indexOf("/sessions/"));
		this.fixture.moreSessionsIn(lightEvent.substring("/events/".length()), 2);
		this.fixture.moreSessionsIn(heavyEvent.substring("/events/".length()), 2);
		int notes = (int) MinutesExporter.ROWS_PER_BATCH;
		this.jdbc.update("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body)
				select s.id, 1000 + g, n.speaker_id, 'REMARK', 'Remark ' || g
				from summit_session s join event e on e.id = s.event_id
				join discussion_note n on n.session_id = s.id and n.seq = 1, generate_series(1, ?) g
				where e.slug = 'batch-heavy' and s.slug = 'batch-heavy-session'""", notes);
		for (String format : List.of("md", "json")) {
			// The heavy session flows, in the statements of the light event.
			assertThat(statements(heavyEvent + "/minutes." + format)).as(format)
				.isEqualTo(statements(lightEvent + "/minutes." + format));
		}
		JsonNode sessions = this.json.readTree(download(heavyEvent + "/minutes.json").getContentAsString())
			.get("sessions");
		assertThat(sessions).hasSize(3);
		assertThat(sessions.get(0).get("notes")).hasSize(notes + 1);
		assertThat(sessions.get(1).get("session").get("title").asString()).isEqualTo("Session batch-heavy-extra-0");
	}

	/**
	 * An event whose minutes read more rows than one PDF can hold is refused a PDF with a
	 * page that offers the other formats (a thousand-session event ran the PDF out of
	 * memory: a 500 after 50 s); those still come whole.
	 */
	@Test
	void anEventTooLargeForOnePdfIsOfferedTheOtherFormats() throws Exception {
		String url = this.fixture.session("pdf-too-large", 1, 1, 1);
		String event = url.substring(0, url.indexOf("/sessions/"));
		this.jdbc.update("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body)
				select n.session_id, 1000 + g, n.speaker_id, 'REMARK', 'Remark ' || g
				from discussion_note n join summit_session s on s.id = n.session_id, generate_series(1, ?) g
				where s.slug = 'pdf-too-large-session' and n.seq = 1""", this.pdfRowsAtMost);
		MockHttpServletResponse refused = this.mvc.perform(get(event + "/minutes.pdf")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentType()).startsWith("text/html");
		assertThat(refused.getContentAsString()).contains("Too large for one PDF", "href=\"" + event + "/minutes.md\"");
		assertThat(download(event + "/minutes.md").getContentAsString()).contains("Remark " + this.pdfRowsAtMost);
		assertThat(download(url + "/minutes.pdf").getContentType()).isEqualTo("application/pdf");
	}

	/**
	 * A minutes export sends as many statements for a session with many concerns,
	 * positions and notes as for one with one of each, and for an event of a batch of
	 * sessions as for an event of one: the facts and the buy-in in one round trip.
	 */
	@Test
	void statementsPerExportDoNotGrowWithSessionsConcernsOrPositions() throws Exception {
		String small = this.fixture.session("statements-small", 1, 1, 1);
		String large = this.fixture.session("statements-large", 12, 30, 15);
		String largeEvent = large.substring("/events/".length(), large.indexOf("/sessions/"));
		this.fixture.moreSessionsIn(largeEvent, MinutesExporter.SESSIONS_PER_BATCH - 1);
		String smallEvent = small.substring(0, small.indexOf("/sessions/"));
		for (String format : List.of("md", "txt", "html", "json")) {
			long one = statements(small + "/minutes." + format);
			assertThat(one).as(format).isBetween(1L, 4L);
			assertThat(statements(large + "/minutes." + format)).as(format).isEqualTo(one);
			long event = statements(smallEvent + "/minutes." + format);
			assertThat(statements("/events/" + largeEvent + "/minutes." + format)).as(format).isEqualTo(event);
		}
	}

	/**
	 * An event's minutes are read through one fixed set of statements, whatever the event
	 * holds: an event of 250 sessions (each with notes, a concern answered twice and
	 * moved, a resolution and a follow-up, all discussing one proposal), one of them
	 * heavy, takes as many as the demo event in each text format (it took a round trip
	 * per hundred sessions and a dozen statements more for the heavy one).
	 */
	@Test
	void anEventOfManySessionsAndAHeavyOneTakesTheDemoEventsStatements() throws Exception {
		Fixture.Built built = this.fixture.newSession("many", 2, 2, 3);
		String event = built.eventSlug();
		int more = 249;
		this.jdbc.update("""
				insert into summit_session (event_id, slug, title, schedule_order, proposal, lead_id, minutes_final_at)
				select s.event_id, 'more-' || n, 'Many ' || n, n + 1, 'Adopt many ' || n, s.lead_id,
					case when n % 3 = 0 then timestamptz '2024-09-01 12:00Z' end
				from summit_session s, generate_series(1, ?) n where s.slug = ?""", more, built.slug());
		String others = "from summit_session m join summit_session s on s.event_id = m.event_id and s.slug = '"
				+ built.slug() + "' where m.slug like 'more-%' and m.event_id = s.event_id";
		this.jdbc.update("insert into session_proposal (session_id, proposal_id, seq) select m.id, sp.proposal_id, 1 "
				+ others.replace("where", "join session_proposal sp on sp.session_id = s.id where"));
		this.jdbc.update("insert into discussion_note (session_id, seq, speaker_id, kind, body)"
				+ " select m.id, g, s.lead_id, 'REMARK', 'Note ' || g || ' of ' || m.slug "
				+ others.replace("where", "cross join generate_series(1, 3) g where"));
		this.jdbc.update("insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id,"
				+ " blocking, blocking_reason, created_at) select m.id, m.slug || '-c', 'Concern of ' || m.slug,"
				+ " (select min(id) from concern_category), s.lead_id, sp.proposal_id, m.schedule_order % 2 = 0, case when m.schedule_order % 2 = 0 then 'Blocks' end,"
				+ " timestamptz '2024-09-01 10:00Z' + m.schedule_order * interval '1 minute' "
				+ others.replace("where", "join session_proposal sp on sp.session_id = m.id where"));
		this.jdbc.update("""
				insert into concern_response (concern_id, session_id, author_id, body, created_at)
				select c.id, c.session_id, c.raised_by_id, 'Answer ' || g || ' to ' || c.key,
					c.created_at + g * interval '1 day'
				from concern c join summit_session m on m.id = c.session_id, generate_series(1, 2) g
				where m.slug like 'more-%' and c.key like 'more-%'""");
		this.jdbc.update("""
				insert into concern_status_change (concern_id, session_id, from_status, to_status, note, changed_by,
					changed_at)
				select c.id, c.session_id, 'OPEN', 'DEFERRED', 'Later', 'admin', c.created_at + interval '3 days'
				from concern c where c.key like 'more-%-c' and c.session_id in (select id from summit_session
					where slug like 'more-%' and schedule_order % 4 = 0)""");
		this.jdbc.update("insert into resolution (session_id, seq, statement, outcome)"
				+ " select m.id, 1, 'Resolved in ' || m.slug, 'AGREED' " + others);
		this.jdbc.update("insert into follow_up (session_id, title, owner_id, due_on)"
				+ " select m.id, 'Follow up ' || m.slug, s.lead_id, date '2030-01-01' " + others);
		int heavyNotes = (int) MinutesExporter.HEAVY_SESSION_ROWS;
		this.jdbc.update("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body)
				select n.session_id, 1000 + g, n.speaker_id, 'REMARK', 'Heavy remark ' || g
				from discussion_note n join summit_session s on s.id = n.session_id, generate_series(1, ?) g
				where s.slug = ? and n.seq = 1""", heavyNotes, built.slug());
		// final before its concerns were raised: they are all amendments
		this.jdbc.update("update summit_session set minutes_final_at = timestamptz '2000-01-01 00:00Z' where slug = ?",
				built.slug());

		for (String format : List.of("md", "txt", "html", "json")) {
			assertThat(statements("/events/" + event + "/minutes." + format)).as(format)
				.isEqualTo(statements("/events/maintainers-summit-2021/minutes." + format));
		}
		JsonNode sessions = this.json.readTree(download("/events/" + event + "/minutes.json").getContentAsString())
			.get("sessions");
		assertThat(sessions).hasSize(1 + more);
		assertThat(sessions.get(0).get("notes")).hasSize(heavyNotes + 2);
		JsonNode last = sessions.get(more);
		assertThat(last.get("session").get("title").asString()).isEqualTo("Many " + more);
		assertThat(last.get("notes")).hasSize(3);
		assertThat(last.get("concerns").get(0).get("responses")).hasSize(2);
		assertThat(last.get("resolutions")).hasSize(1);
		assertThat(last.get("followUps")).hasSize(1);
		// Each session's minutes are the ones it has alone.
		for (int i : new int[] { 0, 1, 3, 4, 100, more }) {
			String slug = sessions.get(i).get("session").get("slug").asString();
			assertThat(sessions.get(i).toString()).as(slug)
				.isEqualTo(this.json
					.readTree(download("/events/" + event + "/sessions/" + slug + "/minutes.json").getContentAsString())
					.toString());
		}
	}

	/**
	 * The statements the application prepared to answer the URL (freshly: no cache). The
	 * count is the whole application's, so work in the background (the session store's
	 * cleanup each minute) can add to one request's: the fewest of three is the request's
	 * own.
	 */
	/**
	 * The fewest statements of three requests that render (a query string of their own),
	 * each with no read kept (README "Reads kept by the tables they read"): what the
	 * minutes' reads cost, not what was kept of them.
	 */
	private long statements(String url) throws Exception {
		long fewest = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			this.caches.getCache("reads").clear();
			long before = statementsSoFar();
			download(url + "?statements=" + UUID.randomUUID());
			fewest = Math.min(fewest, statementsSoFar() - before);
		}
		return fewest;
	}

	private long statementsSoFar() throws Exception {
		return Long.parseLong(
				this.mvc.perform(get("/benchmark/statements")).andReturn().getResponse().getContentAsString().trim());
	}

	@Test
	void pdfsAskedForAtOnceTakeTurnsShareTheParsedFontsAndEachHasTheMinutes() throws Exception {
		// Eight PDFs laid out at once ran a 224 MB heap out of memory: no more than
		// PdfFonts.AT_ONCE render at a time, so no more font sets than that are ever
		// parsed.
		ExecutorService readers = Executors.newFixedThreadPool(PdfFonts.AT_ONCE + 4);
		try {
			List<Future<byte[]>> renderings = new ArrayList<>();
			for (int i = 0; i < PdfFonts.AT_ONCE + 4; i++) {
				renderings.add(readers.submit(
						() -> download(SESSION + "/minutes.pdf?at-once=" + UUID.randomUUID()).getContentAsByteArray()));
			}
			for (Future<byte[]> rendering : renderings) {
				try (PDDocument document = Loader.loadPDF(rendering.get(120, TimeUnit.SECONDS))) {
					assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
						.contains("Using Rust for kernel development");
				}
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(this.pdfFonts.parsedSets()).isBetween(1, PdfFonts.AT_ONCE);
	}

	@Test
	void wholeEventsAskedForAtOnceTakeTurnsAndEachIsWhole() throws Exception {
		// An event's batch of sessions holds tens of megabytes at summit scale: eight
		// written together filled a 224 MB heap, so no more than HEAVY_AT_ONCE are (the
		// count
		// since the start includes heavy sessions flowing, MOST_AT_ONCE at most).
		String event = SESSION.substring(0, SESSION.indexOf("/sessions/"));
		ExecutorService readers = Executors.newFixedThreadPool(MinutesExporter.HEAVY_AT_ONCE + 4);
		try {
			List<Future<String>> exports = new ArrayList<>();
			for (int i = 0; i < MinutesExporter.HEAVY_AT_ONCE + 4; i++) {
				exports.add(readers.submit(() -> download(event + "/minutes.json?at-once=" + UUID.randomUUID())
					.getContentAsString(StandardCharsets.UTF_8)));
			}
			for (Future<String> export : exports) {
				assertThat(export.get(120, TimeUnit.SECONDS)).contains("Using Rust for kernel development")
					.endsWith("}");
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(this.exporter.mostHeavyAtOnce()).isBetween(1, MinutesExporter.MOST_AT_ONCE);
	}

	/**
	 * A session whose minutes are heavy (thousands of concerns, responses and notes, as a
	 * skewed data set's first session has) comes whole in every format to readers asking
	 * for it at once, no more than {@link MinutesExporter#FLOWING_AT_ONCE} flowing at a
	 * time: eight at once of a session of 126,000 rows assembled whole ran a 224 MB heap
	 * out of memory.
	 */
	@Test
	void aHeavySessionComesWholeToReadersAskingAtOnce() throws Exception {
		String url = this.fixture.session("heavy-minutes", 1, 1, 1);
		long session = this.jdbc.queryForObject(
				"select s.id from summit_session s join event e on e.id = s.event_id"
						+ " where e.slug = 'heavy-minutes' and s.slug = ?",
				Long.class, url.substring(url.lastIndexOf('/') + 1));
		int concerns = 1200;
		int responses = 3;
		int notes = 600;
		this.jdbc.update("""
				insert into concern (session_id, key, title, category_id, raised_by_id, proposal_id, created_at)
				select c.session_id, 'heavy-' || g, 'Heavy concern ' || lpad(g::text, 4, '0'), c.category_id,
					c.raised_by_id, c.proposal_id, timestamptz '2001-01-01 00:00Z' + g * interval '1 minute'
				from concern c, generate_series(1, ?) g
				where c.id = (select min(id) from concern where session_id = ?)""", concerns, session);
		this.jdbc.update("""
				insert into concern_response (concern_id, session_id, author_id, body, created_at)
				select c.id, c.session_id, c.raised_by_id, 'Heavy response ' || g || ' to ' || c.key,
					c.created_at + g * interval '1 second'
				from concern c, generate_series(1, ?) g where c.session_id = ? and c.key like 'heavy-%'""", responses,
				session);
		this.jdbc.update("""
				insert into discussion_note (session_id, seq, speaker_id, kind, body)
				select n.session_id, 1000 + g, n.speaker_id, 'REMARK', 'Heavy remark ' || g
				from discussion_note n, generate_series(1, ?) g where n.session_id = ? and n.seq = 1""", notes,
				session);
		assertThat(concerns * (1 + responses) + notes).isGreaterThan((int) MinutesExporter.HEAVY_SESSION_ROWS);
		List<String> formats = List.of("json", "md", "txt", "html", "json", "md");
		ExecutorService readers = Executors.newFixedThreadPool(formats.size());
		try {
			List<Future<String>> exports = new ArrayList<>();
			for (String format : formats) {
				exports.add(readers.submit(() -> download(url + "/minutes." + format + "?at-once=" + UUID.randomUUID())
					.getContentAsString(StandardCharsets.UTF_8)));
			}
			for (int i = 0; i < formats.size(); i++) {
				String export = exports.get(i).get(120, TimeUnit.SECONDS);
				if (formats.get(i).equals("json")) {
					JsonNode root = this.json.readTree(export);
					assertThat(root.get("concerns")).hasSize(concerns + 1);
					assertThat(root.get("notes")).hasSize(notes + 1);
					// raised before the fixture's own concern
					JsonNode last = root.get("concerns").get(concerns - 1);
					assertThat(last.get("key").asString()).isEqualTo("heavy-" + concerns);
					assertThat(last.get("responses")).hasSize(responses);
				}
				else {
					assertThat(count(export, "Heavy concern ")).as(formats.get(i)).isEqualTo(concerns);
					assertThat(count(export, "Heavy response ")).as(formats.get(i)).isEqualTo(concerns * responses);
					assertThat(export).as(formats.get(i)).contains("Heavy remark " + notes);
				}
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(this.exporter.mostHeavyAtOnce()).isBetween(1, MinutesExporter.MOST_AT_ONCE);
		try (PDDocument document = Loader.loadPDF(download(url + "/minutes.pdf").getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Heavy concern 0001", "Heavy concern " + concerns,
					"Heavy response " + responses + " to heavy-" + concerns);
		}
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	@Test
	void hostileTextInThePdfIsWrittenOrReplacedNeverAnError() throws Exception {
		Fixture.Built built = this.fixture.newSession("hostile-pdf", 2, 1, 2);
		String word = "Unbreakable".repeat(200);
		this.jdbc.update(
				"update discussion_note set body = ? where session_id = (select id from summit_session where slug = ?)",
				"bell\u0007 tab\t cr\r lf\n emoji 😀 CJK 漢字 joiner\u200D Ünïcødé " + word + " end", built.slug());
		this.jdbc.update("update summit_session set title = ? where slug = ?", "Séance 🚀 \u0001 会议", built.slug());
		byte[] pdf = download(built.url() + "/minutes.pdf").getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text.replaceAll("\\s+", "")).contains(word + "end");
			// What DejaVu Sans has is written (its emoticons too), what it lacks (CJK,
			// the
			// rocket) replaced, not dropped in silence.
			assertThat(text.replaceAll("\\s+", " ")).contains("Séance \uFFFD \uFFFD\uFFFD",
					"emoji 😀 CJK \uFFFD\uFFFD joiner", "Ünïcødé");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { SESSION + "/minutes.doc", "/events/maintainers-summit-2021/sessions/nope/minutes.md",
			"/events/nope/minutes.md" })
	void unknownFormatsAndSessionsAreNotFound(String url) throws Exception {
		assertThat(this.mvc.perform(get(url)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse download(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response;
	}

	/** The fonts the pages use, each once. */
	private static Set<PDFont> fonts(PDDocument document) throws IOException {
		Set<PDFont> fonts = Collections.newSetFromMap(new IdentityHashMap<>());
		Set<COSBase> seen = new HashSet<>();
		for (PDPage page : document.getPages()) {
			for (COSName name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				if (seen.add(font.getCOSObject())) {
					fonts.add(font);
				}
			}
		}
		return fonts;
	}

	private static JsonNode find(JsonNode buyIn, String handle) {
		for (JsonNode entry : buyIn) {
			if (entry.get("person").get("handle").asString().equals(handle)) {
				return entry;
			}
		}
		throw new AssertionError("No buy-in entry for " + handle);
	}

}
