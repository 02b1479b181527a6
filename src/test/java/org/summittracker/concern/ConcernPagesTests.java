package org.summittracker.concern;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SignIn;
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

/**
 * Filing, editing, responding to and moving a concern through its pages, with bad input
 * and stale forms.
 */
@SummitIntegrationTest
class ConcernPagesTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built session;

	String maintainer;

	MockHttpSession asMaintainer;

	MockHttpSession asOrganizer;

	@BeforeEach
	void setUp() throws Exception {
		this.session = this.fixture.newSession("pages", 0, 0, 0);
		this.maintainer = this.fixture.personWithAccount("m", Role.MAINTAINER);
		this.asMaintainer = SignIn.as(this.mvc, this.maintainer, Fixture.PASSWORD);
		this.asOrganizer = this.fixture.signedIn(this.mvc, "o", Role.ORGANIZER);
	}

	String file(String title) throws Exception {
		return this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asMaintainer)
				.with(csrf())
				.param("title", title)
				.param("category", "bisection")
				.param("body", "It **breaks** bisection")
				.param("subsystems", this.session.slug() + "-s1"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	/** The concern is open, with no status change since it was filed. */
	private void assertStillOpenAsFiled(String url) {
		assertThat(this.jdbc.queryForObject("select status from concern where id = ?", String.class, concernId(url)))
			.isEqualTo("OPEN");
		assertThat(this.jdbc.queryForObject("select count(*) from concern_status_change where concern_id = ?",
				Long.class, concernId(url)))
			.isOne();
	}

	/** The id of the concern at this address, in this test's session. */
	long concernId(String url) {
		return this.jdbc.queryForObject(
				"select c.id from concern c join summit_session s on s.id = c.session_id where s.slug = ? and c.key = ?",
				Long.class, this.session.slug(), url.substring(url.lastIndexOf('/') + 1));
	}

	/** How many concerns this test's session has. */
	long concernsFiled() {
		return this.jdbc.queryForObject(
				"select count(*) from concern c join summit_session s on s.id = c.session_id where s.slug = ?",
				Long.class, this.session.slug());
	}

	long version(String key) {
		return this.jdbc.queryForObject("select version from concern where key = ?", Long.class, key);
	}

	@Test
	void aMaintainerFilesAConcernAndSeesItOnTheSessionAndItsPage() throws Exception {
		this.mvc.perform(get(this.session.url() + "/concerns/new").session(this.asMaintainer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("File a concern")));
		String url = file("Breaks bisection");
		assertThat(url).isEqualTo(this.session.url() + "/concerns/breaks-bisection");
		this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>breaks</strong>")))
			.andExpect(content().string(containsString("Bisection")))
			.andExpect(content().string(containsString("Raised as")));
		this.mvc.perform(get(this.session.url()).session(this.asMaintainer))
			.andExpect(content().string(containsString("breaks-bisection")))
			.andExpect(content().string(containsString("File a concern")));
	}

	@Test
	void aConcernWithThousandsOfResponsesShowsThemAPageAtATime() throws Exception {
		String url = file("Contested");
		long concern = concernId(url);
		this.jdbc.update(
				"insert into concern_response (concern_id, session_id, author_id, body, created_at)"
						+ " select c.id, c.session_id, c.raised_by_id, 'Response ' || lpad(n::text, 3, '0'),"
						+ " timestamptz '2030-01-01 00:00Z' + n * interval '1 minute'"
						+ " from concern c, generate_series(1, ?) n where c.id = ?",
				ConcernController.RESPONSES_PAGE + 1, concern);
		this.mvc.perform(get(url))
			.andExpect(content().string(containsString("Response 100")))
			.andExpect(content().string(not(containsString("Response 101"))))
			.andExpect(content().string(containsString("Page 1 of 2")));
		this.mvc.perform(get(url + "?page=2"))
			.andExpect(content().string(containsString("Response 101")))
			.andExpect(content().string(not(containsString("Response 100"))))
			.andExpect(content().string(containsString("Page 2 of 2")));
	}

	@Test
	void theFollowUpsAddressingAConcernAndThePositionsCitingItShowAPageAtATime() throws Exception {
		String url = file("Much addressed");
		long concern = concernId(url);
		this.jdbc.update("insert into follow_up (session_id, concern_id, title, owner_id, due_on)"
				+ " select c.session_id, c.id, 'Addressing ' || lpad(n::text, 3, '0'), c.raised_by_id,"
				+ " date '2030-01-01' + n from concern c, generate_series(1, 60) n where c.id = ?", concern);
		this.jdbc.update("insert into person (handle, name) select 'citing-' || ? || '-' || n,"
				+ " 'Citing ' || lpad(n::text, 3, '0') from generate_series(1, 60) n", concern);
		this.jdbc.update(
				"insert into position (session_id, person_id, stance, entry_method, entered_by_id, proposal_id)"
						+ " select c.session_id, p.id, 'CONCERNED', 'BY_MAINTAINER', p.id, c.proposal_id"
						+ " from concern c, person p where c.id = ? and p.handle like 'citing-' || ? || '-%'",
				concern, concern);
		this.jdbc.update(
				"insert into position_concern (position_id, concern_id) select p.id, ? from position p"
						+ " join person pe on pe.id = p.person_id where pe.handle like 'citing-' || ? || '-%'",
				concern, concern);
		String first = this.mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
		assertThat(first)
			.contains("Addressing 050", "Citing 050", "Pages of the follow-ups addressing it",
					"Pages of the positions citing it", "href=\"" + url + "?addressing=2#follow-ups\"",
					"href=\"" + url + "?citing=2#citing\"")
			.doesNotContain("Addressing 051", "Citing 051");
		// Each pager keeps the other sections where the reader left them.
		String second = this.mvc.perform(get(url + "?addressing=2&citing=2"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second)
			.contains("Addressing 051", "Addressing 060", "Citing 051", "Citing 060",
					"href=\"" + url + "?citing=2#follow-ups\"", "href=\"" + url + "?addressing=2#citing\"")
			.doesNotContain("Addressing 050", "Citing 050");
		// Past the last page of the responses (there is one): not found, and the link to
		// the last keeps the other sections where they were.
		assertThat(this.mvc.perform(get(url + "?addressing=2&citing=2&page=3"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Page 3 of this concern&#39;s responses is past the end: there is 1 page.",
					"href=\"" + url + "?addressing=2&amp;citing=2\"");
		assertThat(this.mvc.perform(get(url + "?addressing=3"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("Page 3 of the follow-ups addressing this concern is past the end: there are 2 pages.",
					"href=\"" + url + "?addressing=2#follow-ups\"");
	}

	@Test
	void invalidInputIsRefusedInlineAndChangesNothing() throws Exception {
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asMaintainer)
				.with(csrf())
				.param("title", "")
				.param("category", "nope")
				.param("body", "x\u0000y")
				.param("blocking", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the concern a title.")))
			.andExpect(content().string(containsString("Remove the control characters")));
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asMaintainer)
				.with(csrf())
				.param("title", "x".repeat(201))
				.param("category", "other"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most 200 characters.")));
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asMaintainer)
				.with(csrf())
				.param("title", "Fine")
				.param("category", "other")
				.param("blocking", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say why the concern blocks the proposal.")));
		Document typed = Jsoup.parse(this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asMaintainer)
				.with(csrf())
				.param("title", "Fine")
				.param("category", "other")
				.param("otherSubsystems", "no-such-thing"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("No subsystem is known as no-such-thing")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		// said after the field it was typed in, which names it, as other fields' errors
		// are
		Element field = typed.getElementById("otherSubsystems");
		assertThat(field.attr("aria-describedby")).isEqualTo("otherSubsystems-error");
		assertThat(field.attr("aria-invalid")).isEqualTo("true");
		assertThat(field.nextElementSibling().id()).isEqualTo("otherSubsystems-error");
		assertThat(typed.getElementById("otherSubsystems-error").text())
			.isEqualTo("No subsystem is known as no-such-thing.");
		assertThat(typed.getElementById("subsystem-error")).isNull();
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asMaintainer)
				.with(csrf())
				.param("title", "Fine")
				.param("category", "other")
				.param("body", "b".repeat(20_001)))
			.andExpect(status().isUnprocessableContent());
		assertThat(concernsFiled()).isZero();
	}

	@Test
	void everyMistakeAndEveryUnknownReferenceIsSaidAtOnce() throws Exception {
		// A title missing (which the form itself refuses) hides nothing else.
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asOrganizer)
				.with(csrf())
				.param("title", "")
				.param("category", "nope")
				.param("otherSubsystems", "ghost-one, ghost-two")
				.param("raiser", "nobody-here"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the concern a title.")))
			.andExpect(content().string(containsString("Nobody has the handle nobody-here.")))
			.andExpect(content().string(containsString("No subsystem is known as ghost-one, ghost-two")));
		// Nor does an unknown raiser hide unknown subsystems.
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asOrganizer)
				.with(csrf())
				.param("title", "Fine")
				.param("category", "other")
				.param("otherSubsystems", "ghost-three")
				.param("raiser", "nobody-here"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nobody has the handle nobody-here.")))
			.andExpect(content().string(containsString("No subsystem is known as ghost-three")));
		assertThat(concernsFiled()).isZero();
	}

	@Test
	void aProposalTheSessionDoesNotDiscussIsSaidNextToTheProposalFieldEvenWhenTheSessionDiscussesOnlyOne()
			throws Exception {
		// The field is not offered for a session of one proposal; a request naming
		// another still learns why it was refused, next to the field.
		this.mvc.perform(get(this.session.url() + "/concerns/new").session(this.asMaintainer))
			.andExpect(content().string(not(containsString("id=\"proposal\""))));
		this.mvc
			.perform(post(this.session.url() + "/concerns").session(this.asMaintainer)
				.with(csrf())
				.param("title", "Fine")
				.param("category", "other")
				.param("proposal", "not-discussed-here"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This session does not discuss that proposal.")))
			.andExpect(content().string(containsString("id=\"proposal-error\"")));
		assertThat(concernsFiled()).isZero();
	}

	@Test
	void aResponseTooLongDoesNotHideAnUnknownAuthor() throws Exception {
		String url = file("Answer me");
		this.mvc
			.perform(post(url + "/responses").session(this.asOrganizer)
				.with(csrf())
				.param("body", "b".repeat(Concern.BODY_MAX + 1))
				.param("author", "nobody-answers"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most 20000 characters.")))
			.andExpect(content().string(containsString("Nobody has the handle nobody-answers.")))
			.andExpect(content().string(containsString("The response was not saved; see the messages below.")));
		assertThat(this.jdbc.queryForObject("select count(*) from concern_response where concern_id = ?", Long.class,
				concernId(url)))
			.isZero();
	}

	@Test
	void aRevisitDateThatIsNoDayDoesNotHideWhatTheMoveNeeds() throws Exception {
		String url = file("Move me");
		this.mvc
			.perform(post(url + "/status").session(this.asMaintainer)
				.with(csrf())
				.param("status", "RESOLVED")
				.param("note", "")
				.param("revisitOn", "2030-02-30"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("YYYY-MM-DD")))
			.andExpect(content().string(containsString("Say how the concern was resolved.")));
		this.mvc
			.perform(post(url + "/status").session(this.asMaintainer)
				.with(csrf())
				.param("status", "OPEN")
				.param("revisitOn", "soon"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("YYYY-MM-DD")))
			.andExpect(content().string(containsString("The concern is already open.")));
		assertStillOpenAsFiled(url);
	}

	@Test
	void aStaleEditGetsTheConflictPageWithBothVersionsAndOverwritesNothing() throws Exception {
		String url = file("Two editors");
		long version = version("two-editors");
		this.mvc
			.perform(post(url).session(this.asOrganizer)
				.with(csrf())
				.param("title", "Organizer's title")
				.param("category", "bisection")
				.param("version", Long.toString(version)))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(url).session(this.asMaintainer)
				.with(csrf())
				.param("title", "Maintainer's title")
				.param("category", "other")
				.param("version", Long.toString(version)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Organizer&#39;s title")))
			.andExpect(content().string(containsString("Maintainer&#39;s title")))
			.andExpect(content().string(containsString("Someone changed this concern meanwhile")));
		assertThat(this.jdbc.queryForObject("select title from concern where key = 'two-editors'", String.class))
			.isEqualTo("Organizer's title");
	}

	@Test
	void aRenamedKeyRedirectsPermanently() throws Exception {
		String url = file("Old name");
		this.mvc
			.perform(post(url).session(this.asOrganizer)
				.with(csrf())
				.param("key", "new-name")
				.param("title", "Old name")
				.param("category", "other")
				.param("version", Long.toString(version("old-name"))))
			.andExpect(redirectedUrl(this.session.url() + "/concerns/new-name"));
		this.mvc.perform(get(url))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", containsString(this.session.url() + "/concerns/new-name")));
	}

	@Test
	void anotherMaintainerMayNotEditButMayRespond() throws Exception {
		String url = file("Someone's concern");
		MockHttpSession other = SignIn.as(this.mvc, this.fixture.personWithAccount("x", Role.MAINTAINER),
				Fixture.PASSWORD);
		this.mvc.perform(get(url + "/edit").session(other)).andExpect(status().isForbidden());
		this.mvc
			.perform(post(url).session(other)
				.with(csrf())
				.param("title", "Mine")
				.param("category", "other")
				.param("version", "0"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(url + "/responses").session(other).with(csrf()).param("body", "A *reply*"))
			.andExpect(redirectedUrl(url + "#responses"));
		this.mvc.perform(post(url + "/responses").session(other).with(csrf()).param("body", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Write a response.")));
		this.mvc.perform(get(url)).andExpect(content().string(containsString("<em>reply</em>")));
	}

	@Test
	void statusChangesThroughTheFormWithInlineErrors() throws Exception {
		String url = file("Status please");
		this.mvc.perform(post(url + "/status").session(this.asMaintainer).with(csrf()).param("status", "RESOLVED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say how the concern was resolved.")));
		this.mvc
			.perform(post(url + "/status").session(this.asMaintainer)
				.with(csrf())
				.param("status", "DEFERRED")
				.param("revisitOn", "not-a-date"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("YYYY-MM-DD")));
		this.mvc.perform(post(url + "/status").session(this.asMaintainer).with(csrf()).param("status", "BOGUS"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(post(url + "/status").session(this.asMaintainer)
				.with(csrf())
				.param("status", "OVERRULED")
				.param("note", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(url + "/status").session(this.asMaintainer).with(csrf()).param("status", "WITHDRAWN"))
			.andExpect(redirectedUrl(url));
		this.mvc.perform(get(url)).andExpect(content().string(containsString("Withdrawn")));
	}

	/**
	 * A status that cannot be read is a 422 naming the field, whoever sends it: nobody
	 * can tell which move it was, so it is no forbidden one. A readable move the person
	 * may not make is a 403, even when another value could not be read.
	 */
	@Test
	void anUnreadableStatusIsA422AndOnlyAReadableForbiddenMoveA403() throws Exception {
		String url = file("Unreadable move");
		MockHttpSession other = SignIn.as(this.mvc, this.fixture.personWithAccount("m-other", Role.MAINTAINER),
				Fixture.PASSWORD);
		// Someone who may change no status at all: their page has no status form, so
		// the notice names the field.
		this.mvc.perform(post(url + "/status").session(other).with(csrf()).param("status", "BOGUS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The status was not changed: the status sent is none of")));
		this.mvc
			.perform(post(url + "/status").session(this.asMaintainer)
				.with(csrf())
				.param("status", "BOGUS")
				.param("revisitOn", "soon"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(
					containsString("<p id=\"status-error\" class=\"field-error\">Choose a status from the list.</p>")))
			.andExpect(content().string(containsString("YYYY-MM-DD")));
		this.mvc
			.perform(post(url + "/status").session(other)
				.with(csrf())
				.param("status", "RESOLVED")
				.param("note", "x")
				.param("revisitOn", "soon"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(url + "/status").session(this.asMaintainer)
				.with(csrf())
				.param("status", "OVERRULED")
				.param("note", "x")
				.param("revisitOn", "soon"))
			.andExpect(status().isForbidden());
		assertStillOpenAsFiled(url);
	}

	@Test
	void aWithdrawnConcernOffersItsRaiserOnlyReopeningAndOthersNoStatusForm() throws Exception {
		String url = file("Changed my mind");
		this.mvc.perform(post(url + "/status").session(this.asMaintainer).with(csrf()).param("status", "WITHDRAWN"))
			.andExpect(redirectedUrl(url));
		this.mvc.perform(get(url).session(this.asMaintainer))
			.andExpect(content().string(containsString("Change the status")))
			.andExpect(content().string(containsString("value=\"OPEN\"")))
			.andExpect(content().string(containsString("Reopen")))
			.andExpect(content().string(not(containsString("value=\"RESOLVED\""))))
			.andExpect(content().string(not(containsString("value=\"DEFERRED\""))));
		MockHttpSession other = this.fixture.signedIn(this.mvc, "other", Role.MAINTAINER);
		this.mvc.perform(get(url).session(other))
			.andExpect(content().string(containsString("Withdrawn")))
			.andExpect(content().string(not(containsString("Change the status"))));
	}

	@Test
	void theStatusFormOffersWithdrawingToTheRaiserOverrulingToOrganizersAndNothingToOtherMaintainers()
			throws Exception {
		String url = file("Who moves it");
		this.mvc.perform(get(url).session(this.asMaintainer))
			.andExpect(content().string(containsString("Change the status")))
			.andExpect(content().string(containsString("value=\"WITHDRAWN\"")))
			.andExpect(content().string(not(containsString("value=\"OVERRULED\""))));
		this.mvc.perform(get(url).session(this.asOrganizer))
			.andExpect(content().string(containsString("value=\"OVERRULED\"")))
			.andExpect(content().string(not(containsString("value=\"WITHDRAWN\""))));
		MockHttpSession other = this.fixture.signedIn(this.mvc, "bystander", Role.MAINTAINER);
		this.mvc.perform(get(url).session(other))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Who moves it")))
			.andExpect(content().string(not(containsString("Change the status"))));
		this.mvc
			.perform(post(url + "/status").session(other).with(csrf()).param("status", "RESOLVED").param("note", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void deferringShowsTheRevisitDateInTheHistory() throws Exception {
		String url = file("Later please");
		String date = LocalDate.now().plusMonths(2).toString();
		this.mvc
			.perform(post(url + "/status").session(this.asOrganizer)
				.with(csrf())
				.param("status", "DEFERRED")
				.param("revisitOn", date)
				.param("note", "Next year"))
			.andExpect(redirectedUrl(url));
		this.mvc.perform(get(url).session(this.asMaintainer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Open → ")))
			.andExpect(content().string(containsString("Deferred")))
			.andExpect(content().string(containsString("revisit on")))
			.andExpect(content().string(containsString("Reopen")));
	}

	@Test
	void unknownConcernsAndSessionsAre404() throws Exception {
		this.mvc.perform(get(this.session.url() + "/concerns/no-such-key")).andExpect(status().isNotFound());
		this.mvc.perform(get("/events/nope/sessions/nope/concerns/new").session(this.asMaintainer))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(this.session.url() + "/concerns/no-such-key/responses").session(this.asMaintainer)
				.with(csrf())
				.param("body", "x"))
			.andExpect(status().isNotFound());
	}

	@Test
	void organizersAddCategoriesOnTheCategoriesPage() throws Exception {
		this.mvc.perform(get("/concerns/categories"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Toolchain stability")));
		String name = "Licensing (pages) " + counter.incrementAndGet();
		this.mvc.perform(post("/concerns/categories").session(this.asOrganizer).with(csrf()).param("name", name))
			.andExpect(redirectedUrl("/concerns/categories"));
		this.mvc.perform(post("/concerns/categories").session(this.asOrganizer).with(csrf()).param("name", name))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("There is already a category")));
		this.mvc.perform(post("/concerns/categories").session(this.asMaintainer).with(csrf()).param("name", "X"))
			.andExpect(status().isForbidden());
	}

}
