package org.summittracker.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Asking for buy-in by mail: who the mail goes to, its subject, body and Message-ID, the
 * three ways it is offered, who may ask, and the round trip (the ask, a reply quoting it
 * with an Acked-by, imported on the mail page, records the position) in which the ask's
 * own examples are never read as anyone's ack.
 */
@SummitIntegrationTest
class BuyInAskTests {

	static final AtomicInteger counter = new AtomicInteger();

	private static final Pattern THREAD = Pattern.compile("name=\"thread\" value=\"([^\"]+)\"");

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

	String lead;

	MockHttpSession organizer;

	@BeforeEach
	void session() throws Exception {
		String name = "ask-" + counter.incrementAndGet();
		AskedSession asked = AskedSession.of(this.fixture, this.jdbc, name);
		this.url = asked.url();
		this.key = asked.key();
		this.subsystem = asked.subsystem();
		this.maintainer = asked.maintainer();
		this.second = asked.second();
		this.jdbc.update("update subsystem set mailing_list = ? where slug = ?", "list-" + name + "@example.org",
				this.subsystem);
		this.lead = this.fixture.personWithAccount("lead", Role.MAINTAINER);
		this.jdbc.update("update summit_session set lead_id = ? where slug = ?", this.fixture.personId(this.lead),
				this.key);
		this.organizer = this.fixture.signedIn(this.mvc, "ask-org", Role.ORGANIZER);
	}

	private String page(MockHttpSession who) throws Exception {
		return HtmlUtils.htmlUnescape(this.mvc.perform(get(this.url + "/mail/ask").session(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private byte[] eml() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get(this.url + "/mail/ask.eml").param("proposal", this.key).session(this.organizer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("message/rfc822");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("ask.eml");
		return response.getContentAsByteArray();
	}

	private static MimeMessage parsed(byte[] eml) throws Exception {
		return new MimeMessage(null, new ByteArrayInputStream(eml));
	}

	private static String mbox(String... messages) {
		StringBuilder mbox = new StringBuilder();
		for (String message : messages) {
			mbox.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n")
				.append(message.replace("\r\n", "\n"))
				.append("\n\n");
		}
		return mbox.toString();
	}

	private static String quoted(String body) {
		StringBuilder quoted = new StringBuilder();
		for (String line : body.split("\n", -1)) {
			quoted.append(line.isEmpty() ? ">" : "> " + line).append('\n');
		}
		return quoted.toString();
	}

	private String address(String handle) {
		return handle + "@example.org";
	}

	@Test
	void theAskGoesToTheMaintainersWithoutAPositionCopiedToTheirListAndTheLeads() throws Exception {
		String page = page(this.organizer);
		assertThat(page).contains("Ask for buy-in by mail", "Person " + this.maintainer, address(this.maintainer),
				"Person " + this.second, address(this.second), "list-ask-", "lead of the session", address(this.lead));
		MimeMessage mail = parsed(eml());
		assertThat(Arrays.stream(mail.getRecipients(MimeMessage.RecipientType.TO)).map(Object::toString))
			.containsExactlyInAnyOrder("Person " + this.maintainer + " <" + address(this.maintainer) + ">",
					"Person " + this.second + " <" + address(this.second) + ">");
		assertThat(Arrays.stream(mail.getRecipients(MimeMessage.RecipientType.CC)).map(Object::toString))
			.startsWith(this.jdbc.queryForObject("select mailing_list from subsystem where slug = ?", String.class,
					this.subsystem))
			.contains("Person " + this.lead + " <" + address(this.lead) + ">")
			.doesNotContain("Person " + this.maintainer + " <" + address(this.maintainer) + ">");
		assertThat(mail.getHeader("X-Unsent", null)).isEqualTo("1");
		assertThat(mail.getSubject())
			.isEqualTo("[Event " + this.url.split("/")[2] + "] " + titleOf() + ": your position?");
		String messageId = mail.getMessageID();
		assertThat(messageId).matches("<buy-in-ask\\.[0-9a-f]{20}@[^>]+>");
		assertThat(page).contains(messageId);
		// The same ask again has the same Message-ID, so that answers thread under it.
		assertThat(parsed(eml()).getMessageID()).isEqualTo(messageId);
		String body = ((String) mail.getContent()).replace("\r\n", "\n");
		assertThat(body.lines()).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(72));
		assertThat(body).contains(this.subsystem.replace("-session-s0", "") + "")
			.contains("no record")
			.contains("http://localhost:8080" + this.url)
			.contains("(" + this.maintainer + ") Acked-by: Person " + this.maintainer + " <" + address(this.maintainer)
					+ ">")
			.contains("\"Nacked-by:\"")
			.contains("imported on the session's mail page")
			.doesNotContain("<p>", "<br");
		// The text to copy holds the headers and the body.
		assertThat(page).contains("Subject: " + mail.getSubject(), "Message-ID: " + messageId);
		// Five subsystems' sentences make a mailto link too long to offer.
		assertThat(page).doesNotContain("href=\"mailto:").contains("No mailto link: it would be");
	}

	@Test
	void aShortMailIsOfferedAsAMailtoLink() {
		BuyInAsk ask = new BuyInAsk(
				List.of(new BuyInAsk.Recipient("a", "A Person", "a@example.org", "maintainer of X"),
						new BuyInAsk.Recipient("b", "B", "b@example.org", "maintainer of X")),
				List.of(new BuyInAsk.Recipient(null, "list@example.org", "list@example.org", "mailing list of X")),
				List.of(), "[Summit] X: your position?", "Hello & bye,\nme\n", "<id@example.org>");
		assertThat(ask.mailto()).isEqualTo("mailto:a@example.org,b@example.org?cc=list@example.org"
				+ "&subject=%5BSummit%5D%20X%3A%20your%20position%3F&body=Hello%20%26%20bye%2C%0D%0Ame%0D%0A");
		assertThat(ask.text()).startsWith("To: A Person <a@example.org>, B <b@example.org>\nCc: list@example.org\n");
	}

	private String titleOf() {
		return this.jdbc.queryForObject("select title from proposal where key = ?", String.class, this.key);
	}

	@Test
	void aReplyQuotingTheAskWithAnAckIsImportedAsThatPosition() throws Exception {
		byte[] eml = eml();
		MimeMessage ask = parsed(eml);
		String body = ((String) ask.getContent()).replace("\r\n", "\n");
		String askMessage = "From: Organizer <org@example.org>\nSubject: " + ask.getSubject()
				+ "\nDate: Mon, 3 Mar 2025 10:00:00 +0000\nMessage-Id: " + ask.getMessageID() + "\n\n" + body;
		String reply = "From: Person " + this.maintainer + " <" + address(this.maintainer) + ">\nSubject: Re: "
				+ ask.getSubject() + "\nDate: Tue, 4 Mar 2025 10:00:00 +0000\nMessage-Id: <answer-" + this.maintainer
				+ "@example.org>\nIn-Reply-To: " + ask.getMessageID() + "\nReferences: " + ask.getMessageID()
				+ "\n\nOn Mon, Organizer wrote:\n" + quoted(body) + "\nFine with me.\n\nAcked-by: Person "
				+ this.maintainer + " <" + address(this.maintainer) + ">\n";
		String preview = preview(mbox(askMessage, reply));
		// Only the reply's own ack is read: neither the ask's examples nor their quotes.
		assertThat(preview).contains("Acked-by: Person " + this.maintainer)
			.doesNotContain("Acked-by: Person " + this.second);
		MockMultipartHttpServletRequestBuilder confirm = multipart(this.url + "/mail");
		Matcher thread = THREAD.matcher(preview);
		assertThat(thread.find()).isTrue();
		this.mvc
			.perform(confirm.param("thread", thread.group(1))
				.param("proposal", this.key)
				.param("address", address(this.maintainer))
				.param("stance", "SUPPORTS")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("""
				select entry_method || ' ' || stance || ' ' || mail_message_id from position
				where person_id = ? and withdrawn_at is null""", String.class, this.fixture.personId(this.maintainer)))
			.isEqualTo("BY_MAIL SUPPORTS answer-" + this.maintainer + "@example.org");
		assertThat(this.jdbc.queryForObject("select count(*) from position where person_id = ?", Long.class,
				this.fixture.personId(this.second)))
			.isZero();
		// The subsystem is acked now: nobody is left to ask.
		assertThat(page(this.organizer)).contains("needs no more buy-in").doesNotContain("ask.eml");
		this.mvc.perform(get(this.url + "/mail/ask.eml").session(this.organizer)).andExpect(status().isNotFound());
	}

	private String preview(String mbox) throws Exception {
		return HtmlUtils.htmlUnescape(
				this.mvc
					.perform(multipart(this.url + "/mail/preview").param("text", mbox)
						.param("proposal", this.key)
						.session(this.organizer)
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	@Test
	void theAskItselfUnquotedIsReadAsNobodysAckWhateverItsStatementSays() throws Exception {
		// A statement that holds trailer lines and a bare NACK of its own.
		this.jdbc.update("update proposal set statement = ? where key = ?",
				"Merge it.\nAcked-by: Mallory <mallory@example.org>\nNACK\nNacked-by: Eve <eve@example.org>", this.key);
		MimeMessage ask = parsed(eml());
		String body = ((String) ask.getContent()).replace("\r\n", "\n");
		assertThat(body).contains("|   Acked-by: Mallory", "|   NACK");
		// Sent and archived as it is, or pasted below an answer by a mailer that does not
		// quote: no line of it is anyone's trailer.
		ThreadReading alone = ThreadReading.of(Mbox.read(
				mbox(new String(eml(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), MailLimits.DEFAULT));
		assertThat(alone.readings()).isEmpty();
		String unquoted = "From: Person " + this.second + " <" + address(this.second) + ">\nSubject: Re: "
				+ ask.getSubject() + "\nMessage-Id: <unquoted@example.org>\nIn-Reply-To: " + ask.getMessageID()
				+ "\n\nAcked-by: Person " + this.second + " <" + address(this.second) + ">\n\n" + body;
		ThreadReading answer = ThreadReading
			.of(Mbox.read(mbox(unquoted).getBytes(StandardCharsets.UTF_8), MailLimits.DEFAULT));
		assertThat(answer.readings()).extracting((r) -> r.trailer().address()).containsExactly(address(this.second));
	}

	@Test
	void aMaintainerWithoutAnAddressIsNamedAndLeftOffTheMail() throws Exception {
		this.jdbc.update("update person set email = null where handle = ?", this.second);
		this.jdbc.update("update subsystem set mailing_list = 'linux-nothing' where slug = ?", this.subsystem);
		String page = page(this.organizer);
		assertThat(page).contains("Person " + this.second, "no address known", "linux-nothing");
		MimeMessage mail = parsed(eml());
		assertThat(Arrays.stream(mail.getRecipients(MimeMessage.RecipientType.TO)).map(Object::toString))
			.containsExactly("Person " + this.maintainer + " <" + address(this.maintainer) + ">");
		// No list: the lead and the fixture's other lead only.
		assertThat(Arrays.stream(mail.getRecipients(MimeMessage.RecipientType.CC)).map(Object::toString))
			.contains("Person " + this.lead + " <" + address(this.lead) + ">")
			.noneMatch((cc) -> cc.contains("linux-nothing"));
	}

	@Test
	void theSubjectStaysWithinALineAndALongMailHasNoMailtoLink() throws Exception {
		this.jdbc.update("update proposal set title = ?, statement = ? where key = ?", "A very long title ".repeat(8),
				"A long statement. ".repeat(200), this.key);
		String page = page(this.organizer);
		MimeMessage mail = parsed(eml());
		assertThat(("Subject: " + mail.getSubject()).length()).isLessThanOrEqualTo(78);
		assertThat(mail.getSubject()).endsWith("...: your position?");
		assertThat(page).doesNotContain("href=\"mailto:").contains("No mailto link: it would be");
	}

	@Test
	void onlyThoseWhoMayImportMailMayAsk() throws Exception {
		this.mvc.perform(get(this.url + "/mail/ask").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.url + "/mail/ask.eml")).andExpect(status().isUnauthorized());
		MockHttpSession maintainer = this.fixture.signedIn(this.mvc, "ask-m", Role.MAINTAINER);
		this.mvc.perform(get(this.url + "/mail/ask").session(maintainer)).andExpect(status().isForbidden());
		this.mvc.perform(get(this.url + "/mail/ask.eml").session(maintainer)).andExpect(status().isForbidden());
		// The session's lead, a maintainer, may.
		MockHttpSession lead = org.summittracker.support.SignIn.as(this.mvc, this.lead, Fixture.PASSWORD);
		assertThat(page(lead)).contains(address(this.maintainer));
		this.mvc.perform(get(this.url)).andExpect(status().isOk());
		assertThat(this.mvc.perform(get(this.url).session(lead)).andReturn().getResponse().getContentAsString())
			.contains(this.url + "/mail/ask");
		assertThat(this.mvc.perform(get(this.url).session(maintainer)).andReturn().getResponse().getContentAsString())
			.doesNotContain(this.url + "/mail/ask");
		// A proposal the session does not discuss.
		this.mvc.perform(get(this.url + "/mail/ask").param("proposal", "no-such-proposal").session(this.organizer))
			.andExpect(status().isNotFound());
	}

}
