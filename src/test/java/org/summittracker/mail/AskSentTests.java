package org.summittracker.mail;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ask for buy-in followed through: the organizer says they sent it, the ask is
 * recorded (by whom, when, its Message-ID, whom it went To) and shown with the buy-in on
 * the session page and in its history; an answer naming it in In-Reply-To is recognised
 * on import and recorded for the ask's proposal, and the session page counts one
 * unanswered fewer. A stale or hostile "I sent this mail" records nothing; an answer to
 * another session's ask is flagged and not recorded here. The mail's From: is the asker's
 * own address when their person has one.
 */
@SummitIntegrationTest
class AskSentTests {

	static final AtomicInteger counter = new AtomicInteger();

	private static final Pattern THREAD = Pattern.compile("name=\"thread\" value=\"([^\"]+)\"");

	private static final Pattern MESSAGE_ID = Pattern.compile("name=\"messageId\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	String url;

	String key;

	String subsystem;

	String maintainer;

	String second;

	String organizerHandle;

	MockHttpSession organizer;

	@BeforeEach
	void session() throws Exception {
		AskedSession asked = AskedSession.of(this.fixture, this.jdbc, "sent-" + counter.incrementAndGet());
		this.url = asked.url();
		this.key = asked.key();
		this.subsystem = asked.subsystem();
		this.maintainer = asked.maintainer();
		this.second = asked.second();
		this.organizerHandle = this.fixture.personWithAccount("sent-org", Role.ORGANIZER);
		this.organizer = SignIn.as(this.mvc, this.organizerHandle, Fixture.PASSWORD);
	}

	private String askPage(String query) throws Exception {
		return HtmlUtils.htmlUnescape(this.mvc.perform(get(this.url + "/mail/ask" + query).session(this.organizer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String shownMessageId(String page) {
		Matcher id = MESSAGE_ID.matcher(page);
		assertThat(id.find()).as("the page offers \"I sent this mail\"").isTrue();
		return id.group(1);
	}

	private String sessionPage() throws Exception {
		return HtmlUtils.htmlUnescape(this.mvc.perform(get(this.url))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** The page's text: its tags dropped, its blanks one space. */
	private static String text(String html) {
		return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").replace(" .", ".").replace(" :", ":");
	}

	private long asks() {
		return this.jdbc.queryForObject(
				"select count(*) from buy_in_ask a join summit_session s on s.id = a.session_id" + " where s.slug = ?",
				Long.class, this.key);
	}

	private long changes() {
		return this.jdbc.queryForObject(
				"select (select count(*) from buy_in_ask) + (select count(*) from "
						+ "buy_in_ask_recipient) + (select count(*) from audit_entry where action = 'BUY_IN_ASKED')",
				Long.class);
	}

	private String today() {
		return LocalDate.now(ZoneOffset.UTC).toString();
	}

	private String address(String handle) {
		return handle + "@example.org";
	}

	private String preview(String mbox, String proposal) throws Exception {
		return HtmlUtils.htmlUnescape(
				this.mvc
					.perform(multipart(this.url + "/mail/preview").param("text", mbox)
						.param("proposal", proposal)
						.session(this.organizer)
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	private String reply(String handle, String inReplyTo) {
		return "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Person " + handle + " <" + address(handle)
				+ ">\nSubject: Re: your position?\nDate: Tue, 4 Mar 2025 10:00:00 +0000\nMessage-Id: <answer-" + handle
				+ "@example.org>\nIn-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo
				+ "\n\nFine with me.\n\nAcked-by: Person " + handle + " <" + address(handle) + ">\n\n";
	}

	@Test
	void theAskRecordedShowsOnTheSessionPageAndAnAnswerToItIsRecordedForItsProposal() throws Exception {
		// A second proposal the session discusses: the answer is chosen for it on the
		// form, but it answers the ask about the main one.
		String part = this.fixture.subProposal(this.url.split("/")[2], this.key, this.key + "-part");
		String page = askPage("");
		String messageId = shownMessageId(page);
		assertThat(page).contains("I sent this mail");
		this.mvc
			.perform(post(this.url + "/mail/ask/sent").param("proposal", this.key)
				.param("messageId", messageId)
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.url + "/mail/ask?proposal=" + this.key + "#asks-sent"));
		assertThat(asks()).isOne();
		assertThat(this.jdbc.queryForObject(
				"""
						select a.message_id || ' ' || a.sent_by || ' ' || pr.key || ' ' || (select string_agg(p.handle || '='
						       || r.address, ',' order by p.handle) from buy_in_ask_recipient r join person p on p.id = r.person_id
						       where r.ask_id = a.id)
						from buy_in_ask a join proposal pr on pr.id = a.proposal_id join summit_session s on s.id = a.session_id
						where s.slug = ?""",
				String.class, this.key))
			.isEqualTo(messageId.substring(1, messageId.length() - 1) + " " + this.organizerHandle + " " + this.key
					+ " "
					+ String.join(",", List
						.of(this.maintainer + "=" + address(this.maintainer), this.second + "=" + address(this.second))
						.stream()
						.sorted()
						.toList()));
		String asked = "Asked by mail on " + today() + " by Person " + this.organizerHandle
				+ ": 2 maintainers; 2 have not answered.";
		assertThat(text(sessionPage())).contains(asked);
		assertThat(text(askPage(""))).contains("Asks sent about this proposal", asked);
		assertThat(HtmlUtils
			.htmlUnescape(this.mvc.perform(get(this.url + "/history")).andReturn().getResponse().getContentAsString()))
			.contains("Asked 2 maintainers by mail for their position on " + this.key);
		// A reminder: the same ask again is a record of its own.
		this.mvc.perform(
				post(this.url + "/mail/ask/sent").param("messageId", messageId).session(this.organizer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(asks()).isEqualTo(2);

		// The answer names the ask in In-Reply-To; the importer chose the other proposal.
		String preview = preview(reply(this.maintainer, messageId), part);
		assertThat(preview).contains("This mail answers the ask for buy-in on " + this.key + " sent on " + today()
				+ " by Person " + this.organizerHandle + ": its readings are recorded for " + this.key + ".");
		assertThat(preview).contains("name=\"proposal\" value=\"" + this.key + "\"");
		Matcher thread = THREAD.matcher(preview);
		assertThat(thread.find()).isTrue();
		this.mvc
			.perform(multipart(this.url + "/mail").param("thread", thread.group(1))
				.param("proposal", part)
				.param("address", address(this.maintainer))
				.param("stance", "SUPPORTS")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("""
				select pr.key from position p join proposal pr on pr.id = p.proposal_id
				where p.person_id = ? and p.withdrawn_at is null""", String.class,
				this.fixture.personId(this.maintainer)))
			.isEqualTo(this.key);
		assertThat(text(sessionPage())).contains("Asked by mail on " + today() + " by Person " + this.organizerHandle
				+ ": 2 maintainers; 1 has not answered.");
	}

	@Test
	void aStaleOrIncompleteOrForeignAskRecordsNothing() throws Exception {
		String messageId = shownMessageId(askPage(""));
		long before = changes();
		// Another Message-ID than the mail's now: the page was opened before a change.
		this.mvc
			.perform(post(this.url + "/mail/ask/sent").param("messageId", "<buy-in-ask.0000@localhost>")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().isConflict());
		// Someone took a position since the page was opened: the mail is another now.
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) "
						+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
				this.fixture.personId(this.fixture.person("third")), this.subsystem);
		String stale = HtmlUtils.htmlUnescape(this.mvc.perform(
				post(this.url + "/mail/ask/sent").param("messageId", messageId).session(this.organizer).with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(stale).contains("the mail changed since you opened this page");
		assertThat(shownMessageId(stale)).isNotEqualTo(messageId);
		this.mvc.perform(post(this.url + "/mail/ask/sent").session(this.organizer).with(csrf()))
			.andExpect(status().isUnprocessableEntity());
		this.mvc
			.perform(post(this.url + "/mail/ask/sent").param("messageId", "<" + "x".repeat(10_000) + ">")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity());
		this.mvc
			.perform(post(this.url + "/mail/ask/sent").param("proposal", "no-such-proposal")
				.param("messageId", messageId)
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().isNotFound());
		// Without the form's token, anonymous, or a maintainer who does not lead the
		// session.
		this.mvc.perform(post(this.url + "/mail/ask/sent").param("messageId", messageId).session(this.organizer))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(this.url + "/mail/ask/sent").param("messageId", messageId).with(csrf()))
			.andExpect(status().isUnauthorized());
		MockHttpSession maintainer = this.fixture.signedIn(this.mvc, "sent-m", Role.MAINTAINER);
		this.mvc
			.perform(post(this.url + "/mail/ask/sent").param("messageId", messageId)
				.session(maintainer)
				.accept(MediaType.TEXT_HTML)
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(changes()).isEqualTo(before);
		assertThat(asks()).isZero();
	}

	@Test
	void anAnswerToAnotherSessionsAskIsFlaggedAndNotRecordedHere() throws Exception {
		String other = this.fixture.session("sent-other-" + counter.incrementAndGet(), 0, 0, 0);
		String otherSlug = other.split("/")[4];
		this.jdbc.update("""
				insert into buy_in_ask (session_id, proposal_id, message_id, subject, sent_by)
				select s.id, sp.proposal_id, 'buy-in-ask.other@example.org', 'Other', 'someone'
				from summit_session s join session_proposal sp on sp.session_id = s.id where s.slug = ?""", otherSlug);
		String preview = preview(reply(this.maintainer, "<buy-in-ask.other@example.org>"), this.key);
		assertThat(preview)
			.contains("This mail answers an ask of another session, \u201cSession " + otherSlug + "\u201d",
					"Nothing is recorded here")
			.contains(other + "/mail")
			.doesNotContain("Record these positions");
		Matcher thread = THREAD.matcher(preview);
		assertThat(thread.find()).isFalse();
		// Forged: the thread confirmed anyway.
		String packed = java.util.Base64.getEncoder()
			.encodeToString(gzip(reply(this.maintainer, "<buy-in-ask.other@example.org>")));
		String refused = HtmlUtils.htmlUnescape(this.mvc
			.perform(multipart(this.url + "/mail").param("thread", packed)
				.param("proposal", this.key)
				.param("address", address(this.maintainer))
				.param("stance", "SUPPORTS")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(refused).contains("import it on that session's mail page");
		assertThat(this.jdbc.queryForObject("select count(*) from position where person_id = ?", Long.class,
				this.fixture.personId(this.maintainer)))
			.isZero();
	}

	private static byte[] gzip(String text) throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
			gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	@Test
	void theMailIsFromTheAskersOwnAddressWhenTheirPersonHasOne() throws Exception {
		String page = askPage("");
		assertThat(page).contains("From: Person " + this.organizerHandle + " <" + address(this.organizerHandle) + ">");
		byte[] eml = this.mvc.perform(get(this.url + "/mail/ask.eml").session(this.organizer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(null,
				new java.io.ByteArrayInputStream(eml));
		assertThat(mail.getFrom()).extracting(Object::toString)
			.containsExactly("Person " + this.organizerHandle + " <" + address(this.organizerHandle) + ">");
		this.jdbc.update("update person set email = null where handle = ?", this.organizerHandle);
		page = askPage("");
		assertThat(page).contains("No From: line").doesNotContain("From: Person " + this.organizerHandle);
		mail = new jakarta.mail.internet.MimeMessage(null,
				new java.io.ByteArrayInputStream(
						this.mvc.perform(get(this.url + "/mail/ask.eml").session(this.organizer))
							.andReturn()
							.getResponse()
							.getContentAsByteArray()));
		assertThat(mail.getHeader("From")).isNull();
	}

}
