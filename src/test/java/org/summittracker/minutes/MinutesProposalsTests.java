package org.summittracker.minutes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.session.SessionAuthoring;
import org.summittracker.session.SessionDraft;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Minutes of a session that discusses a main proposal and a sub-proposal: every format
 * lists both, each with its own buy-in table and readiness (as the session page shows
 * them), and the concerns carried into the session from an earlier one; readiness rests
 * on the proposal's own subsystems, which the session's subsystems page keeps in step.
 */
@SummitIntegrationTest
class MinutesProposalsTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	SessionAuthoring authoring;

	String event;

	String url;

	String main;

	String sub;

	String maintainer;

	String organizerHandle;

	MockHttpSession organizer;

	@BeforeEach
	void aSessionWithASubProposal() throws Exception {
		this.event = "minprop-" + counter.incrementAndGet();
		this.url = this.fixture.session(this.event, 0, 0, 0);
		this.main = this.event + "-session";
		this.sub = this.fixture.subProposal(this.event, this.main, this.event + "-layout");
		this.maintainer = this.fixture.personWithAccount("minprop", Role.MAINTAINER);
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) "
						+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
				this.fixture.personId(this.maintainer), this.main + "-s0");
		MockHttpSession session = SignIn.as(this.mvc, this.maintainer, Fixture.PASSWORD);
		this.mvc.perform(post(this.url + "/positions").session(session).with(csrf()).param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(this.url + "/positions").session(session)
				.with(csrf())
				.param("stance", "OPPOSES")
				.param("rationale", "Drivers belong next to their C peers")
				.param("proposal", this.sub))
			.andExpect(status().is3xxRedirection());
		this.organizerHandle = this.fixture.personWithAccount("minprop-org", Role.ORGANIZER);
		this.organizer = SignIn.as(this.mvc, this.organizerHandle, Fixture.PASSWORD);
	}

	@Test
	void theJsonListsBothProposalsWithTheirOwnBuyInAndReadiness() throws Exception {
		JsonNode root = json(this.url);
		JsonNode proposals = root.get("proposals");
		assertThat(proposals).hasSize(2);
		JsonNode main = proposals.get(0);
		JsonNode sub = proposals.get(1);
		assertThat(main.get("key").asString()).isEqualTo(this.main);
		// named as the proposals API names it (once parentKey)
		assertThat(main.has("parentKey")).isFalse();
		assertThat(main.get("parent").isNull()).isTrue();
		assertThat(main.get("status").asString()).isEqualTo("open");
		assertThat(sub.get("key").asString()).isEqualTo(this.sub);
		assertThat(sub.get("parent").asString()).isEqualTo(this.main);
		assertThat(stanceOf(main, this.maintainer)).isEqualTo("supports");
		assertThat(stanceOf(sub, this.maintainer)).isEqualTo("opposes");
		assertThat(texts(sub.get("readiness").get("missing"))).anyMatch((line) -> line.contains("Nacked-by"));
		assertThat(texts(main.get("readiness").get("missing"))).noneMatch((line) -> line.contains("Nacked-by"));
		// The fields clients already read stay, filled from the main proposal.
		assertThat(root.get("readiness")).isEqualTo(main.get("readiness"));
		assertThat(root.get("buyIn")).isEqualTo(main.get("buyIn"));
		// the session's proposal is the main proposal's key, as everywhere in the API;
		// its
		// text is the statement
		assertThat(root.get("session").get("proposal").asString()).isEqualTo(this.main);
		assertThat(root.get("session").get("statement").asString()).isEqualTo("Adopt proposal " + this.main);
	}

	@Test
	void everyTextFormatShowsTwoTablesAndTwoReadinessLines() throws Exception {
		String md = download(this.url + "/minutes.md");
		assertThat(count(md, "#### Readiness: ")).isEqualTo(2);
		assertThat(md).contains("## Proposals discussed", "### `" + this.main + "` Proposal " + this.main,
				"### `" + this.sub + "` Keep the code under rust/", "- Part of: `" + this.main + "`",
				"#### Buy-in on `" + this.main + "`", "#### Buy-in on `" + this.sub + "`");
		// Each table: the paragraph after its heading.
		List<String> tables = between(md, "#### Buy-in on `").stream().map((part) -> part.split("\n\n")[1]).toList();
		String name = "Person " + this.maintainer;
		assertThat(tables.get(0)).containsPattern("\\| " + name + " \\|[^\\n]*\\| Acked-by \\|")
			.doesNotContain("Nacked-by");
		assertThat(tables.get(1)).containsPattern("\\| " + name + " \\|[^\\n]*\\| Nacked-by \\|");

		String txt = download(this.url + "/minutes.txt");
		assertThat(count(txt, "\nReadiness: ")).isEqualTo(2);
		assertThat(txt).contains("Proposals discussed", "[" + this.sub + "] Keep the code under rust/",
				"part of [" + this.main + "]");
		List<String> trailers = between(txt, "Buy-in on [").stream().map((part) -> part.split("\n\n")[0]).toList();
		assertThat(trailers.get(0)).contains("Acked-by: " + name).doesNotContain("Nacked-by");
		assertThat(trailers.get(1)).contains("Nacked-by: " + name);
		assertThat(txt.lines()).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(72));

		Document html = Jsoup.parse(download(this.url + "/minutes.html"));
		assertThat(html.select("div.proposal")).hasSize(2);
		Element first = html.select("div.proposal").get(0);
		Element second = html.select("div.proposal").get(1);
		assertThat(first.select("h3 code").text()).isEqualTo(this.main);
		assertThat(second.select("h3 code").text()).isEqualTo(this.sub);
		assertThat(first.select("table")).hasSize(1);
		assertThat(second.select("table")).hasSize(1);
		assertThat(first.select("h4 .verdict").text()).isNotBlank();
		assertThat(second.select("h4 .verdict").text()).isNotBlank();
		assertThat(second.select("table td").eachText()).contains("Nacked-by");
		assertThat(first.select("table td").eachText()).contains("Acked-by").doesNotContain("Nacked-by");

		byte[] pdf = this.mvc.perform(get(this.url + "/minutes.pdf"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("-\\R", "-").replaceAll("\\s+", " ");
			assertThat(text).contains("Proposals discussed", "Buy-in on " + this.main, "Buy-in on " + this.sub,
					"Nacked-by");
			assertThat(count(text, "Readiness: ")).isEqualTo(2);
		}
	}

	@Test
	void theMinutesSayWhatTheSessionPageSays() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get(this.url).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		JsonNode proposals = json(this.url).get("proposals");
		assertThat(texts(proposals.get(0).get("readiness").get("missing")))
			.isEqualTo(page.select("section.readiness ul.missing li").eachText());
		assertThat(texts(proposals.get(1).get("readiness").get("missing")))
			.isEqualTo(page.select("section[aria-labelledby=buy-in-" + this.sub + "] ul.missing li").eachText());
	}

	/**
	 * An earlier session of the same event with three open concerns (concern-0 to 2),
	 * whose proposal the session discusses too (its third): its URL.
	 */
	private String anEarlierSessionWhoseConcernsAreCarriedHere() throws Exception {
		String earlier = this.fixture.session(this.event + "-first", 0, 3, 0);
		String earlierSlug = this.event + "-first-session";
		// A later session of the same event discusses the earlier session's proposal.
		this.jdbc.update("""
				insert into session_proposal (session_id, proposal_id, seq)
				select s.id, p.id, 3 from summit_session s, proposal p
				where s.slug = ? and p.key = ?""", this.main, earlierSlug);
		// Held after it: same day, later in the schedule.
		this.jdbc.update("update summit_session set schedule_order = 10 where slug = ?", this.main);
		return earlier;
	}

	@Test
	void concernsOfAnEarlierSessionAreCarriedForwardWithWhatHappenedHere() throws Exception {
		String earlier = anEarlierSessionWhoseConcernsAreCarriedHere();
		String earlierSlug = this.event + "-first-session";
		this.jdbc.update("""
				insert into concern_reraise (concern_id, session_id, raised_by_id, raised_at)
				select c.id, s.id, pe.id, now() from concern c join proposal p on p.id = c.proposal_id,
					summit_session s, person pe
				where p.key = ? and c.key = 'concern-2' and s.slug = ? and pe.handle = ?""", earlierSlug, this.main,
				this.maintainer);
		assertThat(earlier).isNotBlank();

		JsonNode proposals = json(this.url).get("proposals");
		assertThat(proposals).hasSize(3);
		JsonNode carried = proposals.get(2).get("carriedConcerns");
		assertThat(texts(carried, "key")).containsExactly("concern-0", "concern-1", "concern-2");
		JsonNode reraised = carried.get(2);
		assertThat(reraised.get("raisedBy").get("handle").asString()).isEqualTo(earlierSlug + "-p0");
		assertThat(reraised.get("raisedIn").asString())
			.isEqualTo("Event " + this.event + "-first: Session " + earlierSlug);
		assertThat(reraised.get("status").asString()).isEqualTo("open");
		assertThat(texts(reraised.get("inThisSession"))).singleElement()
			.asString()
			.startsWith("raised again by Person " + this.maintainer + " on ");
		assertThat(texts(carried.get(0).get("inThisSession"))).isEmpty();

		Document page = Jsoup.parse(this.mvc.perform(get(this.url).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("section.carried-concerns tbody tr td:first-child code").eachText())
			.containsExactly("concern-0", "concern-1", "concern-2");

		String md = download(this.url + "/minutes.md");
		assertThat(md).contains("## Concerns carried forward", "- `concern-2` Concern 2 (on `" + earlierSlug + "`)",
				"  - In this session: raised again by Person " + this.maintainer,
				"  - In this session: carried forward, no change");
		String txt = download(this.url + "/minutes.txt");
		assertThat(txt).contains("Concerns carried forward", "[concern-2] Concern 2 (on [" + earlierSlug + "])",
				"In this session: raised again by Person " + this.maintainer);
		Document html = Jsoup.parse(download(this.url + "/minutes.html"));
		assertThat(html.select("table:has(th:contains(In this session)) tbody tr")).hasSize(3);
		// The earlier session's own minutes carry nothing in.
		assertThat(json(earlier).get("proposals").get(0).get("carriedConcerns")).isEmpty();
	}

	/**
	 * A concern carried into the session and answered there, and one resolved there:
	 * every format of the session's minutes says so (who, when, what), not only the
	 * proposal page.
	 */
	@Test
	void answersAndStatusChangesGivenHereToCarriedConcernsAreInTheMinutes() throws Exception {
		anEarlierSessionWhoseConcernsAreCarriedHere();
		String answer = "Bisection works through the rust tree " + this.event;
		this.mvc
			.perform(post(this.url + "/concerns/concern-0/responses").session(this.organizer)
				.with(csrf())
				.param("body", answer)
				.param("author", this.maintainer))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(this.url + "/concerns/concern-1/status").session(this.organizer)
				.with(csrf())
				.param("status", "RESOLVED")
				.param("note", "Settled at this session"))
			.andExpect(status().is3xxRedirection());
		String answeredBy = "answered by Person " + this.maintainer + " on ";
		String moved = "status changed from open to resolved by Person " + this.organizerHandle + " on ";

		JsonNode carried = json(this.url).get("proposals").get(2).get("carriedConcerns");
		// The resolved one stays listed: it was moved here.
		assertThat(texts(carried, "key")).containsExactly("concern-0", "concern-1", "concern-2");
		JsonNode answered = carried.get(0);
		assertThat(texts(answered.get("inThisSession"))).singleElement().asString().startsWith(answeredBy);
		assertThat(answered.get("responses")).hasSize(1);
		assertThat(answered.get("responses").get(0).get("author").get("handle").asString()).isEqualTo(this.maintainer);
		assertThat(answered.get("responses").get(0).get("body").asString()).isEqualTo(answer);
		assertThat(answered.get("responses").get(0).get("at").asString()).isNotBlank();
		assertThat(answered.get("history")).isEmpty();
		JsonNode resolved = carried.get(1);
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(texts(resolved.get("inThisSession"))).singleElement()
			.asString()
			.startsWith(moved)
			.endsWith(": Settled at this session");
		assertThat(resolved.get("responses")).isEmpty();
		JsonNode change = resolved.get("history").get(0);
		assertThat(change.get("from").asString()).isEqualTo("open");
		assertThat(change.get("to").asString()).isEqualTo("resolved");
		assertThat(change.get("note").asString()).isEqualTo("Settled at this session");
		assertThat(change.get("by").get("handle").asString()).isEqualTo(this.organizerHandle);
		assertThat(texts(carried.get(2).get("inThisSession"))).isEmpty();
		assertThat(carried.get(2).get("responses")).isEmpty();

		String response = "Response from Person " + this.maintainer + ": " + answer;
		for (String path : List.of(this.url + "/minutes.md", "/events/" + this.event + "/minutes.md")) {
			assertThat(download(path)).as(path)
				.contains("  - In this session: " + answeredBy, "  - " + response, "  - In this session: " + moved);
		}
		String txt = download(this.url + "/minutes.txt").replaceAll("\\s+", " ");
		assertThat(txt).contains("In this session: " + answeredBy, response, "In this session: " + moved);
		Document html = Jsoup.parse(download(this.url + "/minutes.html"));
		List<String> rows = html.select("table:has(th:contains(In this session)) tbody tr").eachText();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).contains(answeredBy, response);
		assertThat(rows.get(1)).contains(moved, "Settled at this session").doesNotContain("Response from");
		byte[] pdf = this.mvc.perform(get(this.url + "/minutes.pdf"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("-\\R", "-").replaceAll("\\s+", " ");
			assertThat(text).contains("In this session: " + answeredBy, response, "In this session: " + moved);
		}
	}

	@Test
	void everyFormatSaysWhichProposalAResolutionDecides() throws Exception {
		resolve("Keep the bindings under rust/ " + this.event, this.sub);
		resolve("Go on with both " + this.event, null);
		// The fixture's session has two resolutions already, about no proposal in
		// particular.
		JsonNode resolutions = json(this.url).get("resolutions");
		assertThat(resolutions).hasSize(4);
		assertThat(resolutions.get(0).get("proposal").isNull()).isTrue();
		assertThat(resolutions.get(2).get("proposal").asString()).isEqualTo(this.sub);
		assertThat(resolutions.get(3).get("proposal").isNull()).isTrue();
		String md = download(this.url + "/minutes.md");
		assertThat(md).contains("Keep the bindings under rust/ " + this.event
				+ " (decided 2026-01-05) Decides proposal `" + this.sub + "`.");
		assertThat(count(md, "Decides proposal")).isEqualTo(1);
		String txt = download(this.url + "/minutes.txt").replaceAll("\\s+", " ");
		assertThat(txt).contains("Decided 2026-01-05. Decides proposal [" + this.sub + "].");
		assertThat(count(txt, "Decides proposal")).isEqualTo(1);
		Document html = Jsoup.parse(download(this.url + "/minutes.html"));
		assertThat(html.select("h2:contains(Resolutions) + ol li").eachText()).hasSize(4)
			.endsWith("Agreed: Keep the bindings under rust/ " + this.event + " (decides proposal " + this.sub + ")",
					"Agreed: Go on with both " + this.event);
		assertThat(download("/events/" + this.event + "/minutes.md")).contains("Decides proposal `" + this.sub + "`.");
	}

	private void resolve(String statement, String proposal) throws Exception {
		MockHttpServletRequestBuilder request = post(this.url + "/resolutions").session(this.organizer)
			.with(csrf())
			.param("statement", statement)
			.param("outcome", "AGREED")
			.param("decidedOn", "2026-01-05");
		if (proposal != null) {
			request.param("proposal", proposal);
		}
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	@Test
	void theSessionsSubsystemsPageKeepsItsMainProposalInStep() throws Exception {
		String added = this.fixture.session(this.event + "-other", 0, 0, 0);
		String subsystem = this.event + "-other-session-s1";
		assertThat(added).isNotBlank();
		this.mvc
			.perform(post(this.url + "/subsystems").session(this.organizer).with(csrf()).param("subsystem", subsystem))
			.andExpect(status().is3xxRedirection());
		assertThat(proposalSubsystems(this.main)).contains(subsystem).hasSize(6);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from proposal_change c join proposal p on p.id = c.proposal_id
				where p.key = ? and c.summary like 'subsystems:%'""", Long.class, this.main)).isEqualTo(1);
		String missing = "Subsystem 1 of " + this.event + "-other-session";
		assertAgree(missing, true);

		this.mvc.perform(post(this.url + "/subsystems/" + subsystem + "/removal").session(this.organizer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(proposalSubsystems(this.main)).doesNotContain(subsystem).hasSize(5);
		assertAgree(missing, false);

		// Edited on the proposal's own page, the session page and the minutes follow too.
		long version = this.jdbc.queryForObject("select version from proposal where key = ?", Long.class, this.main);
		this.mvc
			.perform(post("/proposals/" + this.main).param("version", Long.toString(version))
				.session(this.organizer)
				.with(csrf())
				.param("title", "Proposal " + this.main)
				.param("statement", "Adopt proposal " + this.main)
				.param("status", "OPEN")
				.param("subsystems", this.main + "-s0, " + subsystem))
			.andExpect(status().is3xxRedirection());
		assertAgree(missing, true);
		assertAgree("Subsystem 2 of " + this.main, false);
	}

	@Test
	void theSessionFormsTextIsItsMainProposalsStatement() throws Exception {
		Long id = this.jdbc.queryForObject("select id from summit_session where slug = ?", Long.class, this.main);
		long version = this.jdbc.queryForObject("select version from summit_session where id = ?", Long.class, id);
		this.authoring.edit(id, version,
				new SessionDraft(null, "Session " + this.main, null, null, null, null, this.main + "-p0",
						"Adopt it, as amended " + this.event, null, null),
				this.fixture.actor("minprop-edit", Role.ORGANIZER));
		assertThat(this.jdbc.queryForObject("select statement from proposal where key = ?", String.class, this.main))
			.isEqualTo("Adopt it, as amended " + this.event);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from proposal_change c join proposal p on p.id = c.proposal_id
				where p.key = ? and c.summary like 'statement changed%'""", Long.class, this.main)).isEqualTo(1);
		JsonNode root = json(this.url);
		assertThat(root.get("session").get("statement").asString()).isEqualTo("Adopt it, as amended " + this.event);
		assertThat(root.get("proposals").get(0).get("statement").asString())
			.isEqualTo("Adopt it, as amended " + this.event);
		assertThat(html("/events/" + this.event).select(".proposal-line").text())
			.contains("Adopt it, as amended " + this.event);
		// Written on the proposal's page, the event page and the minutes read it from
		// there.
		long proposalVersion = this.jdbc.queryForObject("select version from proposal where key = ?", Long.class,
				this.main);
		this.mvc
			.perform(post("/proposals/" + this.main).param("version", Long.toString(proposalVersion))
				.session(this.organizer)
				.with(csrf())
				.param("title", "Proposal " + this.main)
				.param("statement", "Adopt it, as the proposal page says")
				.param("status", "OPEN")
				.param("subsystems", this.main + "-s0"))
			.andExpect(status().is3xxRedirection());
		assertThat(json(this.url).get("session").get("statement").asString())
			.isEqualTo("Adopt it, as the proposal page says");
		assertThat(html("/events/" + this.event).select(".proposal-line").text())
			.contains("Adopt it, as the proposal page says");
	}

	/**
	 * The session page, the proposal page and the minutes all read the same readiness for
	 * the main proposal: the given subsystem is among what is missing or not.
	 */
	private void assertAgree(String subsystem, boolean missing) throws Exception {
		Document session = html(this.url);
		Document proposal = html("/proposals/" + this.main);
		List<String> onSession = session.select("section.readiness ul.missing li").eachText();
		List<String> onProposal = proposal.select("section.readiness ul.missing li").eachText();
		List<String> inMinutes = texts(json(this.url).get("proposals").get(0).get("readiness").get("missing"));
		assertThat(onProposal).isEqualTo(onSession);
		assertThat(inMinutes).isEqualTo(onSession);
		if (missing) {
			assertThat(onSession).anyMatch((line) -> line.startsWith(subsystem + ":"));
		}
		else {
			assertThat(onSession).noneMatch((line) -> line.startsWith(subsystem + ":"));
		}
	}

	private List<String> proposalSubsystems(String key) {
		return this.jdbc.queryForList("""
				select s.slug from proposal_subsystem ps join proposal p on p.id = ps.proposal_id
				join subsystem s on s.id = ps.subsystem_id where p.key = ?""", String.class, key);
	}

	private Document html(String path) throws Exception {
		MockHttpServletRequestBuilder request = get(path).accept(MediaType.TEXT_HTML);
		return Jsoup.parse(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private JsonNode json(String sessionUrl) throws Exception {
		return this.json.readTree(download(sessionUrl + "/minutes.json"));
	}

	private String download(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String stanceOf(JsonNode proposal, String handle) {
		for (JsonNode row : proposal.get("buyIn")) {
			if (row.get("person").get("handle").asString().equals(handle)) {
				return row.get("stance").asString();
			}
		}
		throw new AssertionError("No row for " + handle);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.get(field).asString()));
		return texts;
	}

	private static int count(String text, String what) {
		Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/** The parts of the text after each heading that starts with {@code heading}. */
	private static List<String> between(String text, String heading) {
		List<String> parts = new ArrayList<>();
		String[] pieces = text.split(Pattern.quote(heading));
		for (int i = 1; i < pieces.length; i++) {
			parts.add(pieces[i]);
		}
		return parts;
	}

}
