package org.summittracker.position;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.shared.Notice;
import org.summittracker.support.Fixture;
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

/**
 * Buy-in through the pages: a maintainer's own position, an organizer's on someone's
 * behalf, confirmation, withdrawal, validation and stale forms, and the timelines.
 */
@SummitIntegrationTest
class BuyInPagesTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	MessageSource messages;

	String url;

	String maintainer;

	String other;

	String subsystem;

	MockHttpSession maintainerSession;

	MockHttpSession organizerSession;

	@BeforeEach
	void session() throws Exception {
		String name = "buyin-" + counter.incrementAndGet();
		this.url = this.fixture.session(name, 0, 3, 0);
		this.subsystem = name + "-session-s0";
		this.maintainer = this.fixture.personWithAccount("maint", Role.MAINTAINER);
		this.other = this.fixture.personWithAccount("other", Role.MAINTAINER);
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) "
						+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
				this.fixture.personId(this.maintainer), this.subsystem);
		this.maintainerSession = SignIn.as(this.mvc, this.maintainer, Fixture.PASSWORD);
		this.organizerSession = SignIn.as(this.mvc, this.fixture.personWithAccount("organizer", Role.ORGANIZER),
				Fixture.PASSWORD);
	}

	@Test
	void aMaintainerRecordsTheirOwnPositionInOneStep() throws Exception {
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "SUPPORTS")
				.param("speaksFor", this.subsystem))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.url + "#buy-in"));
		assertThat(stance(this.maintainer)).isEqualTo("SUPPORTS");
		assertThat(entryMethod(this.maintainer)).isEqualTo("BY_MAINTAINER");
		assertThat(changes(this.maintainer)).isEqualTo(1);
		this.mvc.perform(get(this.url).session(this.maintainerSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td>By Person " + this.maintainer + " themself</td>")))
			.andExpect(content().string(containsString("Acked-by")));
		assertThat(auditEntries("POSITION_STATED", this.maintainer)).isEqualTo(1);
	}

	@Test
	void theBuyInTablesSayWhoEnteredEachPositionAsItsOwnPageDoes() throws Exception {
		record(this.maintainerSession, this.maintainer, "SUPPORTS");
		record(this.organizerSession, this.other, "UNDECIDED");
		String organizer = this.jdbc
			.queryForObject("select pe.name from position p join person pe on pe.id = p.entered_by_id "
					+ "join person who on who.id = p.person_id where who.handle = ?", String.class, this.other);
		String proposal = "/proposals/"
				+ this.jdbc.queryForObject(
						"select pr.key from proposal pr join position p on p.proposal_id = pr.id "
								+ "join person pe on pe.id = p.person_id where pe.handle = ?",
						String.class, this.maintainer);
		String own = "By Person " + this.maintainer + " themself";
		String stated = "Stated in session, entered by " + organizer;
		assertThat(facts(this.maintainer)).contains("<dd>" + own + "</dd>");
		assertThat(facts(this.other)).contains("<dd>" + stated + "; not yet confirmed</dd>");
		for (String page : List.of(this.url, this.url + "/buy-in", proposal)) {
			assertThat(read(page)).as(page)
				.contains("<td>" + own + "</td>", "<td>" + stated + "; not yet confirmed</td>")
				.doesNotContain("Entered by the maintainer", "· not yet confirmed");
		}
		// the timelines say the same of each change
		assertThat(read(this.url + "/positions")).contains("<td>" + own + "</td>", "<td>" + stated + "</td>");
		this.mvc
			.perform(form(this.fixture.signIn(this.mvc, this.other), "/positions/" + this.other + "/confirmation")
				.param("version", Long.toString(version(this.other))))
			.andExpect(status().is3xxRedirection());
		String confirmed = stated + "; confirmed by " + this.other;
		assertThat(facts(this.other)).contains("<dd>" + confirmed + "</dd>");
		for (String page : List.of(this.url, this.url + "/buy-in", proposal)) {
			assertThat(read(page)).as(page).contains("<td>" + confirmed + "</td>");
		}
	}

	private String facts(String handle) throws Exception {
		return read(this.url + "/positions/" + handle);
	}

	private String read(String page) throws Exception {
		return this.mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aMaintainerMayNotSetSomeoneElsesPosition() throws Exception {
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("person", this.other)
				.param("stance", "OPPOSES")
				.param("rationale", "No"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("only organizers may record one for " + this.other)));
		this.mvc.perform(form(this.maintainerSession, "/positions/" + this.other).param("stance", "SUPPORTS"))
			.andExpect(status().isForbidden());
		assertThat(changes(this.other)).isZero();
	}

	@Test
	void anOrganizerRecordsAPositionStatedInTheSessionAndTheMaintainerConfirmsIt() throws Exception {
		this.mvc
			.perform(form(this.organizerSession, "/positions").param("person", this.maintainer)
				.param("stance", "SUPPORTS_WITH_CONDITIONS")
				.param("conditions", "stable toolchain first"))
			.andExpect(status().is3xxRedirection());
		assertThat(entryMethod(this.maintainer)).isEqualTo("STATED_IN_SESSION");
		this.mvc.perform(get(this.url))
			.andExpect(content().string(containsString("Stated in session, entered by Person organizer-")))
			.andExpect(content().string(containsString("not yet confirmed")))
			.andExpect(content().string(containsString("stable toolchain first")));
		this.mvc
			.perform(form(this.maintainerSession, "/positions/" + this.maintainer + "/confirmation").param("version",
					Long.toString(version(this.maintainer))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select confirmed_at is not null from position p join person pe on "
				+ "pe.id = p.person_id where pe.handle = ?", Boolean.class, this.maintainer))
			.isTrue();
		assertThat(kinds(this.maintainer)).containsExactly("STATED", "CONFIRMED");
		this.mvc.perform(get(this.url))
			.andExpect(content().string(containsString("; confirmed by " + this.maintainer + "</td>")));
	}

	@Test
	void onlyThePersonConfirmsTheirPosition() throws Exception {
		record(this.organizerSession, this.maintainer, "SUPPORTS");
		// the 403 page gives the reason from messages.properties, with the person's
		// handle
		String reason = this.messages.getMessage("position.denied.confirm", new Object[] { this.maintainer },
				Locale.ENGLISH);
		assertThat(reason).startsWith("Only " + this.maintainer + " ");
		this.mvc.perform(form(this.organizerSession, "/positions/" + this.maintainer + "/confirmation"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("<p class=\"problem\" role=\"alert\">" + reason + "</p>")));
	}

	@Test
	void withdrawingIsANewEntryNeverADelete() throws Exception {
		record(this.maintainerSession, this.maintainer, "UNDECIDED");
		this.mvc.perform(form(this.maintainerSession, "/positions/" + this.maintainer + "/withdrawal"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(form(this.maintainerSession, "/positions/" + this.maintainer + "/withdrawal").param("version",
					Long.toString(version(this.maintainer))))
			.andExpect(status().is3xxRedirection());
		assertThat(kinds(this.maintainer)).containsExactly("STATED", "WITHDRAWN");
		assertThat(this.jdbc.queryForObject("select count(*) from position p join person pe on pe.id = p.person_id "
				+ "where pe.handle = ? and withdrawn_at is not null", Integer.class, this.maintainer))
			.isEqualTo(1);
		this.mvc.perform(get(this.url)).andExpect(content().string(containsString(this.maintainer + ": no record")));
		// Taking a position again after withdrawing it starts over, and the history keeps
		// everything.
		record(this.maintainerSession, this.maintainer, "SUPPORTS");
		assertThat(kinds(this.maintainer)).containsExactly("STATED", "WITHDRAWN", "STATED");
	}

	@Test
	void eachStanceNeedsWhatQualifiesItAndNothingChangesOtherwise() throws Exception {
		this.mvc.perform(form(this.maintainerSession, "/positions").param("stance", "SUPPORTS_WITH_CONDITIONS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say what the conditions are")));
		this.mvc.perform(form(this.maintainerSession, "/positions").param("stance", "CONCERNED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose at least one of this session")));
		this.mvc.perform(form(this.maintainerSession, "/positions").param("stance", "OPPOSES"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("a Nacked-by must say why")));
		this.mvc.perform(form(this.maintainerSession, "/positions").param("stance", "LOVES_IT"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "CONCERNED")
				.param("concerns", "no-such-concern"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This session has no concern no-such-concern")));
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "SUPPORTS")
				.param("speaksFor", "not-mine"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("can only speak for a subsystem they maintain")));
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "OPPOSES")
				.param("rationale", "bad\u0000byte"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "OPPOSES")
				.param("rationale", "x".repeat(2001)))
			.andExpect(status().isUnprocessableContent());
		// A rationale too long hides none of the stance's other needs.
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "SUPPORTS_WITH_CONDITIONS")
				.param("rationale", "x".repeat(2001))
				.param("speaksFor", "not-mine"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most 2000 characters.")))
			.andExpect(content().string(containsString("Say what the conditions are")))
			.andExpect(content().string(containsString("can only speak for a subsystem they maintain")));
		assertThat(changes(this.maintainer)).isZero();
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "CONCERNED")
				.param("concerns", "concern-1", "concern-2"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select cited_concerns from position_change c join position p on "
						+ "p.id = c.position_id join person pe on pe.id = p.person_id where pe.handle = ?",
				String.class, this.maintainer))
			.isEqualTo("concern-1, concern-2");
		// Now "no objection", from the form as it comes, the concerns still ticked:
		// saved,
		// and the notice says they were not kept with it (a stance that cites none).
		Notice notice = (Notice) this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "NO_OBJECTION")
				.param("concerns", "concern-1", "concern-2")
				.param("version", Long.toString(version(this.maintainer)))
				.param("versionOf", this.maintainer))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("positionNotice");
		assertThat(notice.code()).isEqualTo("position.saved.own.uncited");
		assertThat(notice.args()).containsExactly("No objection", "concern-1, concern-2");
		assertThat(stance(this.maintainer)).isEqualTo("NO_OBJECTION");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from position_concern pc join position p on "
						+ "p.id = pc.position_id join person pe on pe.id = p.person_id where pe.handle = ?",
				Long.class, this.maintainer))
			.isZero();
	}

	@Test
	void aPositionsPageListsTheConcernsItCitesInTheOrderOfTheirKeys() throws Exception {
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "CONCERNED")
				.param("concerns", "concern-1", "concern-2"))
			.andExpect(status().is3xxRedirection());
		// The first concern cited, and the first stored, now has the last key.
		this.jdbc.update("update concern set key = 'zz-renamed' where key = 'concern-1' and session_id = "
				+ "(select c.session_id from concern c join position_concern pc on pc.concern_id = c.id "
				+ "join position p on p.id = pc.position_id join person pe on pe.id = p.person_id "
				+ "where pe.handle = ? limit 1)", this.maintainer);
		String page = this.mvc.perform(get(this.url + "/positions/" + this.maintainer).session(this.maintainerSession))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher cited = Pattern.compile("Concerns cited</dt>\\s*<dd>(.*?)</dd>", Pattern.DOTALL).matcher(page);
		assertThat(cited.find()).as("the page lists the concerns cited").isTrue();
		assertThat(Pattern.compile("<code>([^<]+)</code>").matcher(cited.group(1)).results().map((m) -> m.group(1)))
			.containsExactly("concern-2", "zz-renamed");
	}

	/**
	 * The session page's buy-in table links the concerns an undecided position cites,
	 * next to its rationale, as the position's page lists them (before, the table showed
	 * the rationale alone).
	 */
	@Test
	void theBuyInTableLinksTheConcernsAnUndecidedPositionCites() throws Exception {
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "UNDECIDED")
				.param("rationale", "Waiting for the benchmarks")
				.param("concerns", "concern-1", "concern-2"))
			.andExpect(status().is3xxRedirection());
		assertThat(stance(this.maintainer)).isEqualTo("UNDECIDED");
		String page = this.mvc.perform(get(this.url).session(this.organizerSession))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher row = Pattern.compile("<tr id=\"[^\"]*" + this.maintainer + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("the buy-in table has the maintainer's row").isTrue();
		assertThat(row.group(1)).contains("Waiting for the benchmarks", this.url + "/concerns/concern-1\"",
				this.url + "/concerns/concern-2\"");
	}

	@Test
	void aStaleFormGetsAConflictAndOverwritesNothing() throws Exception {
		record(this.maintainerSession, this.maintainer, "UNDECIDED");
		long seen = version(this.maintainer);
		record(this.organizerSession, this.maintainer, "NO_OBJECTION");
		this.mvc
			.perform(form(this.maintainerSession, "/positions").param("stance", "SUPPORTS")
				.param("version", Long.toString(seen))
				.param("versionOf", this.maintainer))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this position")));
		assertThat(stance(this.maintainer)).isEqualTo("NO_OBJECTION");
		this.mvc
			.perform(form(this.maintainerSession, "/positions/" + this.maintainer + "/withdrawal").param("version",
					Long.toString(seen)))
			.andExpect(status().isConflict());
		assertThat(changes(this.maintainer)).isEqualTo(2);
	}

	@Test
	void anOrganizerChangesAPositionTheSessionPageShowsFromItsForm() throws Exception {
		record(this.maintainerSession, this.maintainer, "UNDECIDED");
		String shownAt = shownAt(this.organizerSession);
		this.mvc
			.perform(form(this.organizerSession, "/positions").param("person", this.maintainer)
				.param("stance", "SUPPORTS")
				.param("shownAt", shownAt))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.url + "#buy-in"));
		assertThat(stance(this.maintainer)).isEqualTo("SUPPORTS");
		assertThat(kinds(this.maintainer)).containsExactly("STATED", "CHANGED");
	}

	@Test
	void aPositionChangedAfterTheSessionPageWasShownIsNotOverwrittenFromItsForm() throws Exception {
		record(this.maintainerSession, this.maintainer, "UNDECIDED");
		String shownAt = shownAt(this.organizerSession);
		record(this.maintainerSession, this.maintainer, "NO_OBJECTION");
		this.mvc
			.perform(form(this.organizerSession, "/positions").param("person", this.maintainer)
				.param("stance", "SUPPORTS")
				.param("shownAt", shownAt))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this position")));
		assertThat(stance(this.maintainer)).isEqualTo("NO_OBJECTION");
		// Without saying when it was shown, the form is taken as made before any
		// position.
		this.mvc
			.perform(form(this.organizerSession, "/positions").param("person", this.maintainer)
				.param("stance", "SUPPORTS"))
			.andExpect(status().isConflict());
		assertThat(kinds(this.maintainer)).containsExactly("STATED", "CHANGED");
	}

	/** When the session page's position form says it was shown. */
	private String shownAt(MockHttpSession session) throws Exception {
		String page = this.mvc.perform(get(this.url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher shownAt = Pattern.compile("name=\"shownAt\" value=\"([^\"]+)\"").matcher(page);
		assertThat(shownAt.find()).as("the form says when it was shown").isTrue();
		return shownAt.group(1);
	}

	@Test
	void theSessionTimelineListsEveryChangeNewestFirst() throws Exception {
		record(this.maintainerSession, this.maintainer, "UNDECIDED");
		record(this.maintainerSession, this.maintainer, "SUPPORTS");
		record(this.organizerSession, this.other, "NO_OBJECTION");
		String body = this.mvc.perform(get(this.url + "/positions"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Undecided → Acked-by", "none → Undecided", "none → No objection",
				"Stated in session, entered by Person organizer-");
		assertThat(body.indexOf("none → No objection")).isLessThan(body.indexOf("Undecided → Acked-by"));
	}

	@Test
	void onePositionsTimelineShowsItsHistory() throws Exception {
		record(this.maintainerSession, this.maintainer, "UNDECIDED");
		record(this.maintainerSession, this.maintainer, "SUPPORTS");
		String page = this.mvc.perform(get(this.url + "/positions/" + this.maintainer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Undecided → Acked-by")))
			.andExpect(content().string(containsString("none → Undecided")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// how it was entered, said alike in its facts and in each entry of its timeline
		String themself = "By "
				+ this.jdbc.queryForObject("select name from person where handle = ?", String.class, this.maintainer)
				+ " themself";
		assertThat(page).contains("<dd>" + themself + "</dd>", "<td>" + themself + "</td>")
			.doesNotContain("By the maintainer");
		this.mvc.perform(get(this.url + "/positions/" + this.other)).andExpect(status().isNotFound());
		this.mvc.perform(get(this.url + "/positions/nobody-at-all")).andExpect(status().isNotFound());
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc
			.perform(post(this.url + "/positions").param("stance", "SUPPORTS").with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		assertThat(changes(this.maintainer)).isZero();
	}

	@Test
	void readinessChangesWhenTheMaintainerAcks() throws Exception {
		this.mvc.perform(get(this.url)).andExpect(content().string(containsString(this.maintainer + ": no record")));
		record(this.maintainerSession, this.maintainer, "SUPPORTS");
		this.mvc.perform(get(this.url)).andExpect(content().string(containsString("acked by " + this.maintainer)));
	}

	@Test
	void aMistypedHandleIsRefusedNextToItsFieldKeepingWhatWasTyped() throws Exception {
		Integer before = this.jdbc.queryForObject("select count(*) from position_change", Integer.class);
		this.mvc
			.perform(form(this.organizerSession, "/positions").param("person", "nobody-at-all")
				.param("stance", "OPPOSES")
				.param("rationale", "Typed at length during the session"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nobody has the handle nobody-at-all.")))
			.andExpect(content().string(containsString("Typed at length during the session")));
		assertThat(this.jdbc.queryForObject("select count(*) from position_change", Integer.class)).isEqualTo(before);
	}

	@Test
	void theSessionPageWithItsBuyInFormStaysWithinItsStatementBudget() throws Exception {
		record(this.maintainerSession, this.maintainer, "SUPPORTS");
		record(this.organizerSession, this.other, "UNDECIDED");
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		long[] counts = new long[3];
		MockHttpSession[] sessions = { null, this.maintainerSession, this.organizerSession };
		for (int i = 0; i < sessions.length; i++) {
			statistics.clear();
			MockHttpServletRequestBuilder request = get(this.url);
			if (sessions[i] != null) {
				request.session(sessions[i]);
			}
			this.mvc.perform(request).andExpect(status().isOk());
			counts[i] = statistics.getPrepareStatementCount();
		}
		System.out.println("Session page statements (anonymous, maintainer, organizer): " + Arrays.toString(counts));
		// One statement reads the proposals the session discusses
		// (SessionPageStatementsTests).
		assertThat(Arrays.stream(counts).max().getAsLong()).isLessThanOrEqualTo(13);
	}

	@Test
	void aPositionIsChangedFromItsOwnPageWhichShowsItsErrorsAndConflicts() throws Exception {
		record(this.organizerSession, this.maintainer, "UNDECIDED");
		long seen = version(this.maintainer);
		this.mvc.perform(get(this.url + "/positions/" + this.maintainer).session(this.maintainerSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Change my position")))
			.andExpect(content().string(containsString("Confirm this position")));
		this.mvc
			.perform(form(this.organizerSession, "/positions/" + this.maintainer).param("stance", "OPPOSES")
				.param("version", Long.toString(seen))
				.param("versionOf", this.maintainer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Position of Person " + this.maintainer)))
			.andExpect(content().string(containsString("a Nacked-by must say why")));
		this.mvc
			.perform(form(this.maintainerSession, "/positions/" + this.maintainer).param("stance", "SUPPORTS")
				.param("version", Long.toString(seen))
				.param("versionOf", this.maintainer))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(form(this.organizerSession, "/positions/" + this.maintainer).param("stance", "NO_OBJECTION")
				.param("version", Long.toString(seen))
				.param("versionOf", this.maintainer))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this position")))
			.andExpect(content().string(containsString("Position of Person " + this.maintainer)));
		assertThat(stance(this.maintainer)).isEqualTo("SUPPORTS");
		assertThat(entryMethod(this.maintainer)).isEqualTo("BY_MAINTAINER");
		assertThat(kinds(this.maintainer)).containsExactly("STATED", "CHANGED");
	}

	/** Records a stance as the person's page would: against the version it shows. */
	private void record(MockHttpSession session, String handle, String stance) throws Exception {
		MockHttpServletRequestBuilder request = form(session, "/positions/" + handle).param("stance", stance);
		Long version = this.jdbc.query(
				"select p.version from position p join person pe on pe.id = p.person_id"
						+ " where pe.handle = ? and p.withdrawn_at is null",
				(rs) -> rs.next() ? rs.getLong(1) : null, handle);
		if (version != null) {
			request.param("version", Long.toString(version)).param("versionOf", handle);
		}
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private MockHttpServletRequestBuilder form(MockHttpSession session, String path) {
		return post(this.url + path).session(session).with(csrf()).accept(MediaType.TEXT_HTML);
	}

	private String stance(String handle) {
		return this.jdbc.queryForObject(
				"select stance from position p join person pe on pe.id = p.person_id " + "where pe.handle = ?",
				String.class, handle);
	}

	private String entryMethod(String handle) {
		return this.jdbc.queryForObject(
				"select entry_method from position p join person pe on pe.id = p.person_id " + "where pe.handle = ?",
				String.class, handle);
	}

	private long version(String handle) {
		return this.jdbc.queryForObject(
				"select p.version from position p join person pe on pe.id = p.person_id " + "where pe.handle = ?",
				Long.class, handle);
	}

	private int changes(String handle) {
		return this.jdbc
			.queryForObject("select count(*) from position_change c join position p on p.id = c.position_id "
					+ "join person pe on pe.id = p.person_id where pe.handle = ?", Integer.class, handle);
	}

	private List<String> kinds(String handle) {
		return this.jdbc.queryForList(
				"select c.kind from position_change c join position p on p.id = c.position_id "
						+ "join person pe on pe.id = p.person_id where pe.handle = ? order by c.id",
				String.class, handle);
	}

	private int auditEntries(String action, String handle) {
		return this.jdbc.queryForObject("select count(*) from audit_entry where action = ? and summary like ?",
				Integer.class, action, "Position of " + handle + ":%");
	}

}
