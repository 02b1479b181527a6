package org.summittracker.feed;

import java.io.StringReader;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The Atom feeds, read back with ROME as a feed reader would: ids, updated, links,
 * escaping, what each feed holds and what it leaves out, and conditional GET.
 */
@SummitIntegrationTest
class FeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Fixture fixture;

	@Autowired
	Changes changes;

	Fixture.Built built;

	long sessionId;

	String marker;

	@BeforeEach
	void changes() {
		this.built = this.fixture.newSession("feed", 2, 2, 2);
		this.sessionId = this.jdbc.queryForObject("select id from summit_session where slug = ?", Long.class,
				this.built.slug());
		long concernId = this.jdbc.queryForObject("select id from concern where session_id = ? and key = 'concern-0'",
				Long.class, this.sessionId);
		this.marker = this.built.slug();
		audit("organizer", "CONCERN_FILED", "Concern", concernId, this.sessionId,
				"Filed <b>\"Toolchain\" & co</b> for " + this.marker);
		audit("organizer", "MINUTES_FINAL", "Session", this.sessionId, this.sessionId,
				"Minutes final for " + this.marker);
		audit("admin", "ACCOUNT_CREATED", "Account", 1L, null, "Account secret for " + this.marker);
	}

	@Test
	void theSiteBeganWithItsNewestEvent() {
		assertThat(this.changes.siteSince()).isEqualTo(
				this.jdbc.queryForObject("select max(created_at) from event", java.sql.Timestamp.class).toInstant());
	}

	@Test
	void theSiteFeedIsAtomWithIdsDatesLinksAndEscapedText() throws Exception {
		MockHttpServletResponse response = fetch("/feed.atom");
		assertThat(response.getContentType()).startsWith("application/atom+xml");
		String xml = response.getContentAsString();
		assertThat(xml).contains("&lt;b&gt;\"Toolchain\" &amp; co&lt;/b&gt;").doesNotContain("<b>");
		Feed feed = parse(xml);
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getId()).isEqualTo("http://localhost/feed.atom");
		assertThat(feed.getTitle()).isNotBlank();
		assertThat(feed.getUpdated()).isNotNull();
		assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
			.contains(org.assertj.core.groups.Tuple.tuple("self", "http://localhost/feed.atom"));
		assertThat(feed.getAlternateLinks()).extracting(Link::getHref).containsExactly("http://localhost/");
		List<Entry> entries = feed.getEntries();
		assertThat(entries).isNotEmpty().hasSizeLessThanOrEqualTo(Changes.SIZE);
		Set<String> ids = new HashSet<>();
		Date previous = null;
		for (Entry entry : entries) {
			assertThat(entry.getId()).matches("tag:localhost,\\d{4}-\\d{2}-\\d{2}:audit-entry-\\d+");
			assertThat(ids.add(entry.getId())).as("unique id").isTrue();
			assertThat(entry.getUpdated()).isNotNull();
			if (previous != null) {
				assertThat(entry.getUpdated()).isBeforeOrEqualTo(previous);
			}
			previous = entry.getUpdated();
			assertThat(entry.getTitle()).isNotBlank();
			assertThat(entry.getAuthors()).isNotEmpty();
			assertThat(entry.getAlternateLinks()).singleElement()
				.extracting(Link::getHref)
				.asString()
				.startsWith("http://localhost/");
		}
		assertThat(feed.getUpdated()).isEqualTo(entries.get(0).getUpdated());
		Entry filed = entry(feed, "Filed");
		assertThat(filed.getSummary().getValue()).contains("<b>\"Toolchain\" & co</b> for " + this.marker)
			.contains("by organizer");
		assertThat(filed.getTitle()).startsWith("Concern filed: ");
		assertThat(filed.getAlternateLinks().get(0).getHref())
			.isEqualTo("http://localhost" + this.built.url() + "/concerns/concern-0");
		// What only administrators may read is not in any feed.
		assertThat(xml).doesNotContain("Account secret");
	}

	@Test
	void eachFeedHoldsItsOwnChanges() throws Exception {
		String concernLink = "http://localhost" + this.built.url() + "/concerns/concern-0";
		for (String path : List.of("/events/" + this.built.eventSlug() + "/feed.atom", this.built.url() + "/feed.atom",
				"/people/" + this.built.person(0) + "/feed.atom",
				"/subsystems/" + this.built.slug() + "-s0/feed.atom")) {
			Feed feed = parse(fetch(path).getContentAsString());
			assertThat(feed.getId()).as(path).isEqualTo("http://localhost" + path);
			assertThat(feed.getEntries()).as(path)
				.extracting((entry) -> entry.getAlternateLinks().get(0).getHref())
				.contains(concernLink);
		}
		Feed session = parse(fetch(this.built.url() + "/feed.atom").getContentAsString());
		assertThat(session.getEntries()).hasSize(2);
		assertThat(session.getAlternateLinks().get(0).getHref()).isEqualTo("http://localhost" + this.built.url());
		// The person's feed holds what concerns them (their concern), not the session's
		// other changes.
		Feed person = parse(fetch("/people/" + this.built.person(0) + "/feed.atom").getContentAsString());
		assertThat(person.getEntries()).hasSize(1);
		// Another session's feed does not hold these.
		Fixture.Built other = this.fixture.newSession("feed-other", 1, 1, 1);
		assertThat(parse(fetch(other.url() + "/feed.atom").getContentAsString()).getEntries()).isEmpty();
	}

	@Test
	void aProposalsFeedHoldsItsPositionsConcernsAndResolutions() throws Exception {
		String proposal = "/proposals/" + this.built.slug();
		long positionId = this.jdbc.queryForObject("""
				select po.id from position po join proposal p on p.id = po.proposal_id where p.key = ?
				order by po.id limit 1""", Long.class, this.built.slug());
		long resolutionId = this.jdbc.queryForObject("select id from resolution where session_id = ? and seq = 1",
				Long.class, this.sessionId);
		audit("organizer", "POSITION_CHANGED", "Position", positionId, this.sessionId, "Position moved");
		audit("organizer", "RESOLUTION_RECORDED", "Resolution", resolutionId, this.sessionId, "Try it for a year");
		Feed feed = parse(fetch(proposal + "/feed.atom").getContentAsString());
		assertThat(feed.getId()).isEqualTo("http://localhost" + proposal + "/feed.atom");
		assertThat(feed.getTitle()).startsWith("Proposal " + this.built.slug());
		assertThat(feed.getAlternateLinks().get(0).getHref()).isEqualTo("http://localhost" + proposal);
		assertThat(feed.getEntries()).extracting((entry) -> entry.getAlternateLinks().get(0).getHref())
			.containsExactly("http://localhost" + this.built.url() + "/resolutions/1",
					"http://localhost" + this.built.url() + "/positions/" + this.built.person(0),
					"http://localhost" + this.built.url() + "/concerns/concern-0");
		// The session's other changes are not about the proposal; a sub-proposal
		// discussed there shares the session's resolution, not the positions and
		// concerns.
		assertThat(entry(feed, "Position moved").getSummary().getValue()).contains(this.built.slug());
		String part = this.fixture.subProposal(this.built.eventSlug(), this.built.slug(), this.built.slug() + "-part");
		assertThat(parse(fetch("/proposals/" + part + "/feed.atom").getContentAsString()).getEntries())
			.extracting((entry) -> entry.getAlternateLinks().get(0).getHref())
			.containsExactly("http://localhost" + this.built.url() + "/resolutions/1");
		assertThat(alternates(proposal)).containsExactly(proposal + "/feed.atom", "/feed.atom");
		String etag = fetch(proposal + "/feed.atom").getHeader(HttpHeaders.ETAG);
		assertThat(this.mvc.perform(get(proposal + "/feed.atom").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(304);
	}

	@Test
	void unknownSubjectsAreNotFound() throws Exception {
		for (String path : List.of("/events/no-such-event/feed.atom", "/events/x/sessions/y/feed.atom",
				"/people/nobody-here/feed.atom", "/subsystems/no-such/feed.atom", "/proposals/no-such/feed.atom")) {
			assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
		}
	}

	@Test
	void readersThatPollGet304UntilSomethingChanges() throws Exception {
		String path = this.built.url() + "/feed.atom";
		MockHttpServletResponse first = fetch(path);
		String etag = first.getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();
		assertThat(first.getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
		assertThat(this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(304);
		audit("organizer", "RESOLUTION_RECORDED", "Session", this.sessionId, this.sessionId, "Another change");
		MockHttpServletResponse after = this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andReturn()
			.getResponse();
		assertThat(after.getStatus()).isEqualTo(200);
		assertThat(parse(after.getContentAsString()).getEntries()).hasSize(3);
	}

	@Test
	void pagesNameTheirFeedsInTheirHeads() throws Exception {
		assertThat(alternates("/events/" + this.built.eventSlug()))
			.containsExactly("/events/" + this.built.eventSlug() + "/feed.atom", "/feed.atom");
		assertThat(alternates(this.built.url())).containsExactly(this.built.url() + "/feed.atom", "/feed.atom");
		assertThat(alternates("/people/" + this.built.person(0)))
			.containsExactly("/people/" + this.built.person(0) + "/feed.atom", "/feed.atom");
		assertThat(alternates("/subsystems/" + this.built.slug() + "-s0"))
			.containsExactly("/subsystems/" + this.built.slug() + "-s0/feed.atom", "/feed.atom");
		assertThat(alternates("/events")).containsExactly("/feed.atom");
		for (String path : List.of("/events/" + this.built.eventSlug(), this.built.url())) {
			for (String feed : alternates(path)) {
				assertThat(fetch(feed).getStatus()).isEqualTo(200);
			}
		}
	}

	private List<String> alternates(String path) throws Exception {
		String html = fetch(path).getContentAsString();
		return Jsoup.parse(html).select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href");
	}

	private static Entry entry(Feed feed, String summaryStart) {
		return feed.getEntries()
			.stream()
			.filter((e) -> e.getSummary().getValue().startsWith(summaryStart))
			.findFirst()
			.orElseThrow();
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response;
	}

	private static Feed parse(String xml) throws Exception {
		return (Feed) new WireFeedInput().build(new StringReader(xml));
	}

	private void audit(String actor, String action, String type, Long entityId, Long sessionId, String summary) {
		this.jdbc.update("insert into audit_entry (actor, action, entity_type, entity_id, session_id, summary) "
				+ "values (?, ?, ?, ?, ?, ?)", actor, action, type, entityId, sessionId, summary);
	}

}
