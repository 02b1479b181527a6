package org.summittracker.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.ProposalRepository;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.support.Fixture;
import org.summittracker.support.CountersKept;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing a thread through the pages: preview (nothing saved), correct, confirm,
 * readiness, a repeated import, versions, unknown people, who may, and hostile mail.
 */
@SummitIntegrationTest
class MailImportPagesTests {

	static final AtomicInteger counter = new AtomicInteger();

	private static final Pattern PROPOSAL = Pattern.compile("name=\"proposal\" value=\"([^\"]+)\"");

	private static final Pattern THREAD = Pattern.compile("name=\"thread\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository sessions;

	@Autowired
	Proposals proposals;

	@Autowired
	ProposalRepository proposalRepository;

	String url;

	String maintainer;

	String nacker;

	MockHttpSession organizer;

	@BeforeEach
	void session() throws Exception {
		String name = "mail-" + counter.incrementAndGet();
		this.url = this.fixture.session(name, 0, 0, 0);
		this.maintainer = this.fixture.personWithAccount("acker", Role.MAINTAINER);
		this.nacker = this.fixture.person("nacker");
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) "
						+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
				this.fixture.personId(this.maintainer), name + "-session-s0");
		this.organizer = this.fixture.signedIn(this.mvc, "mail-org", Role.ORGANIZER);
	}

	static String thread(int version, String... replies) {
		StringBuilder mbox = new StringBuilder();
		String v = (version > 1) ? "v" + version + " " : "";
		mbox.append("From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Author <author@example.org>\n")
			.append("Subject: [PATCH ")
			.append(v)
			.append("1/1] driver core: a helper\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n")
			.append("Message-Id: <patch-v")
			.append(version)
			.append("@example.org>\n\nA helper.\n\nSigned-off-by: Author <author@example.org>\n---\n")
			.append("diff --git a/x b/x\n\n");
		int n = 0;
		for (String reply : replies) {
			String[] fromAndBody = reply.split("\\|", 2);
			mbox.append("From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: ")
				.append(fromAndBody[0])
				.append("\nSubject: Re: [PATCH ")
				.append(v)
				.append("1/1] driver core: a helper\nDate: Tue, 4 Mar 2025 1")
				.append(n)
				.append(":00:00 +0000\nMessage-Id: <reply-v")
				.append(version)
				.append("-")
				.append(n++)
				.append("@example.org>\nIn-Reply-To: <patch-v")
				.append(version)
				.append("@example.org>\n\n")
				.append(fromAndBody[1])
				.append("\n\n");
		}
		return mbox.toString();
	}

	private String ack(String handle) {
		return handle + " <" + handle + "@example.org>|Looks good.\n\nAcked-by: " + handle + " <" + handle
				+ "@example.org>";
	}

	private String nack(String handle) {
		return handle + " <" + handle + "@example.org>|NACK. It breaks suspend.";
	}

	private String preview(MockHttpSession who, String mbox, int status) throws Exception {
		return preview(who, mbox, "", status);
	}

	private String preview(MockHttpSession who, String mbox, String proposal, int status) throws Exception {
		return this.mvc
			.perform(multipart(this.url + "/mail/preview").param("text", mbox)
				.param("proposal", proposal)
				.session(who)
				.with(csrf()))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String packed(String page) {
		Matcher m = THREAD.matcher(page);
		assertThat(m.find()).as("the preview carries the thread").isTrue();
		return m.group(1);
	}

	private MockMultipartHttpServletRequestBuilder confirm(MockHttpSession who, String page) {
		MockMultipartHttpServletRequestBuilder request = multipart(this.url + "/mail");
		request.param("thread", packed(page));
		Matcher proposal = PROPOSAL.matcher(page);
		if (proposal.find()) {
			request.param("proposal", proposal.group(1));
		}
		request.session(who).with(csrf());
		return request;
	}

	private long positions() {
		return this.jdbc.queryForObject("""
				select count(*) from position_change c join summit_session s on s.id = c.session_id
				join event e on e.id = s.event_id where '/events/' || e.slug || '/sessions/' || s.slug = ?
				""", Long.class, this.url);
	}

	@Test
	void thePreviewShowsEachPersonsReadingAndSavesNothing() throws Exception {
		String page = preview(this.organizer, thread(1, ack(this.maintainer), nack(this.nacker)), 200);
		assertThat(page).contains("Acked-by: " + this.maintainer + " &lt;" + this.maintainer + "@example.org&gt;")
			.contains("Nacked-by: " + this.nacker)
			.contains("https://lore.kernel.org/r/reply-v1-0@example.org")
			.contains("It breaks suspend.");
		assertThat(positions()).isZero();
	}

	@Test
	void confirmingRecordsPositionsByMailAndReadinessChanges() throws Exception {
		this.mvc.perform(get(this.url)).andExpect(content().string(containsString(this.maintainer + ": no record")));
		String page = preview(this.organizer, thread(1, ack(this.maintainer)), 200);
		this.mvc
			.perform(confirm(this.organizer, page).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS")
				.param("conditions", "")
				.param("rationale", ""))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.url)).andExpect(content().string(containsString("acked by " + this.maintainer)));
		assertThat(this.jdbc.queryForObject("""
				select entry_method || ' ' || mail_trailer || ' ' || mail_message_id || ' v' || mail_version
				from position where person_id = ?""", String.class, this.fixture.personId(this.maintainer)))
			.isEqualTo("BY_MAIL ACKED reply-v1-0@example.org v1");
		this.mvc.perform(get(this.url + "/mail"))
			.andExpect(content().string(containsString("https://lore.kernel.org/r/reply-v1-0@example.org")));
		// The plain-text minutes give it as a trailer with its Link: line, ready to
		// paste.
		this.mvc.perform(get(this.url + "/minutes.txt"))
			.andExpect(content().string(containsString("Acked-by: Person " + this.maintainer + " <" + this.maintainer
					+ "@example.org>\nLink: https://lore.kernel.org/r/reply-v1-0@example.org\n    (by mail on v1, imported by ")));
		// So does the proposal's own text export, in plain text and in Markdown.
		String trailer = "Acked-by: Person " + this.maintainer + " <" + this.maintainer
				+ "@example.org>\nLink: https://lore.kernel.org/r/reply-v1-0@example.org\n";
		String key = this.url.split("/")[4];
		this.mvc.perform(get("/proposals/" + key + ".txt"))
			.andExpect(content().string(containsString("Given by mail\n-------------\n\n" + trailer)));
		this.mvc.perform(get("/proposals/" + key + ".md"))
			.andExpect(content().string(containsString("## Given by mail\n\n```\n" + trailer + "```\n")));
		// The same thread again adds nothing.
		long before = positions();
		this.mvc
			.perform(confirm(this.organizer, page).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		assertThat(positions()).isEqualTo(before);
		// The trailer's change is counted on its position (V112).
		assertThat(this.jdbc.queryForObject("select changes from position where person_id = ?", Long.class,
				this.fixture.personId(this.maintainer)))
			.isEqualTo(1);
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
	}

	@Test
	void aCorrectedReadingIsRecordedAsCorrected() throws Exception {
		String page = preview(this.organizer, thread(1, ack(this.maintainer)), 200);
		this.mvc
			.perform(confirm(this.organizer, page).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS_WITH_CONDITIONS")
				.param("conditions", "Only through the driver-core tree")
				.param("rationale", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select stance || ': ' || conditions from position where person_id = ?",
				String.class, this.fixture.personId(this.maintainer)))
			.isEqualTo("SUPPORTS_WITH_CONDITIONS: Only through the driver-core tree");
	}

	@Test
	void aSingleRowsConditionOrRationaleWithACommaIsKeptWhole() throws Exception {
		String condition = "Looks good, if you take it through the driver-core tree.";
		String page = preview(this.organizer, thread(1, this.maintainer + " <" + this.maintainer + "@example.org>|"
				+ condition + "\n\nAcked-by: " + this.maintainer + " <" + this.maintainer + "@example.org>"), 200);
		this.mvc
			.perform(confirm(this.organizer, page).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS_WITH_CONDITIONS")
				.param("conditions", condition)
				.param("rationale", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select conditions from position where person_id = ?", String.class,
				this.fixture.personId(this.maintainer)))
			.isEqualTo(condition);
		String rationale = "NACK, it breaks suspend, and resume too.";
		String nacked = preview(this.organizer, thread(1, nack(this.nacker)), 200);
		this.mvc
			.perform(confirm(this.organizer, nacked).param("address", this.nacker + "@example.org")
				.param("stance", "OPPOSES")
				.param("conditions", "")
				.param("rationale", rationale))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select rationale from position where person_id = ?", String.class,
				this.fixture.personId(this.nacker)))
			.isEqualTo(rationale);
	}

	@Test
	void aCorrectionMissingItsTextIsRefusedWith422AndNothingSaved() throws Exception {
		String page = preview(this.organizer, thread(1, ack(this.maintainer), nack(this.nacker)), 200);
		this.mvc
			.perform(confirm(this.organizer, page)
				.param("address", this.maintainer + "@example.org", this.nacker + "@example.org")
				.param("stance", "SUPPORTS", "OPPOSES")
				.param("conditions", "", "")
				.param("rationale", "", ""))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("opposes needs a rationale")));
		assertThat(positions()).isZero();
	}

	@Test
	void anUnknownAddressIsSkippedUnlessThePersonIsCreated() throws Exception {
		String stranger = "stranger-" + counter.incrementAndGet();
		String page = preview(this.organizer, thread(1, ack(stranger)), 200);
		assertThat(page).contains("nobody here has this address");
		this.mvc
			.perform(confirm(this.organizer, page).param("address", stranger + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		assertThat(positions()).isZero();
		this.mvc
			.perform(confirm(this.organizer, page).param("address", stranger + "@example.org")
				.param("stance", "SUPPORTS")
				.param("create", stranger + "@example.org"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select count(*) from person where email = ?", Long.class,
				stranger + "@example.org"))
			.isOne();
		assertThat(positions()).isOne();
	}

	@Test
	void anAddressNobodyHasCanBeAttachedToAnExistingPersonByHandle() throws Exception {
		String address = "kees-" + counter.incrementAndGet() + "@kernel.example";
		String page = preview(this.organizer,
				thread(1, "Kees <" + address + ">|Looks good.\n\nAcked-by: Kees <" + address + ">"), 200);
		assertThat(page).contains("nobody here has this address").contains("name=\"attach\"");
		// An unknown handle: 422 next to the row, nothing saved.
		String refused = this.mvc
			.perform(confirm(this.organizer, page).param("address", address)
				.param("stance", "SUPPORTS")
				.param("attach", "no-such-handle-" + counter.incrementAndGet()))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"attach-0-error\"").contains("nobody here has the handle");
		assertThat(
				this.jdbc.queryForObject("select count(*) from person_address where address = ?", Long.class, address))
			.isZero();
		assertThat(positions()).isZero();
		// A known one: the address becomes theirs, and so does the position.
		this.mvc
			.perform(confirm(this.organizer, page).param("address", address)
				.param("stance", "SUPPORTS")
				.param("attach", this.maintainer))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select person_id || ' ' || source from person_address where address = ?",
				String.class, address))
			.isEqualTo(this.fixture.personId(this.maintainer) + " MAIL");
		assertThat(this.jdbc.queryForObject("select count(*) from position where person_id = ?", Long.class,
				this.fixture.personId(this.maintainer)))
			.isOne();
		assertThat(this.jdbc.queryForObject("select count(*) from person where email = ?", Long.class, address))
			.isZero();
	}

	/**
	 * The thread of version {@code version} whose patch carries the person's Acked-by.
	 */
	private static String carrying(int version, String handle, String... replies) {
		return thread(version, replies).replace("Signed-off-by: Author",
				"Acked-by: " + handle + " <" + handle + "@example.org>\nSigned-off-by: Author");
	}

	private static final Pattern CONDITION = Pattern.compile("name=\"conditions\" value=\"([^\"]*)\"");

	private static final Pattern SELECTED = Pattern.compile("<option value=\"(\\w+)\" selected=\"selected\"");

	/** Confirms the preview's first row as the preview read it. */
	private MockMultipartHttpServletRequestBuilder confirmAsRead(String page, String address) {
		Matcher condition = CONDITION.matcher(page);
		Matcher stance = SELECTED.matcher(page);
		assertThat(condition.find()).isTrue();
		assertThat(stance.find()).isTrue();
		return confirm(this.organizer, page).param("address", address)
			.param("stance", stance.group(1))
			.param("conditions", condition.group(1).replace("&#39;", "'").replace("&amp;", "&"))
			.param("rationale", "");
	}

	private String positionOf(String handle) {
		return this.jdbc.queryForObject("""
				select stance || ': ' || coalesce(conditions, '-') || ' v' || mail_version
				       || (case when mail_carried then ' carried, first given on v' || mail_first_given_on else '' end)
				from position where person_id = ?""", String.class, this.fixture.personId(handle));
	}

	@Test
	void anAckTheAuthorCarriesIntoV3KeepsTheConditionGivenOnV2() throws Exception {
		String address = this.maintainer + "@example.org";
		String condition = "Fine as long as the tree goes through driver-core-next.";
		String v2 = preview(this.organizer, thread(2, this.maintainer + " <" + address + ">|" + condition
				+ "\n\nAcked-by: " + this.maintainer + " <" + address + ">"), 200);
		this.mvc.perform(confirmAsRead(v2, address)).andExpect(status().is3xxRedirection());
		assertThat(positionOf(this.maintainer)).isEqualTo("SUPPORTS_WITH_CONDITIONS: " + condition + " v2");
		// v3 carries the ack unchanged: the preview keeps the condition and says why.
		String v3 = preview(this.organizer, carrying(3, this.maintainer), 200);
		assertThat(v3).contains("name=\"conditions\" value=\"" + condition + "\"")
			.contains("<option value=\"SUPPORTS_WITH_CONDITIONS\" selected=\"selected\"")
			.contains("it keeps the condition given with it on v2")
			.contains("https://lore.kernel.org/r/reply-v2-0@example.org");
		this.mvc.perform(confirmAsRead(v3, address)).andExpect(status().is3xxRedirection());
		assertThat(positionOf(this.maintainer))
			.isEqualTo("SUPPORTS_WITH_CONDITIONS: " + condition + " v3 carried, first given on v2");
		// The mail page says which mail the condition was given in: the reply on v2, not
		// the v3 patch the position rests on.
		this.mvc.perform(get(this.url + "/mail"))
			.andExpect(content().string(containsString("carried by the author, first given on v2")))
			.andExpect(content().string(containsString(condition)))
			.andExpect(content().string(containsString("the condition was given on v2, in the mail")))
			.andExpect(content().string(containsString(
					"<a href=\"https://lore.kernel.org/r/reply-v2-0@example.org\">reply-v2-0@example.org</a>")));
		// The same v3 thread again: still read with the condition, and nothing changes.
		long before = positions();
		String again = preview(this.organizer, carrying(3, this.maintainer), 200);
		assertThat(again).contains("name=\"conditions\" value=\"" + condition + "\"");
		this.mvc.perform(confirmAsRead(again, address)).andExpect(status().is3xxRedirection());
		assertThat(positions()).isEqualTo(before);
		// A new condition given on v3 replaces it.
		String newer = "Only if it lands after -rc3.";
		String v3Reply = preview(this.organizer, carrying(3, this.maintainer, this.maintainer + " <" + address + ">|"
				+ newer + "\n\nAcked-by: " + this.maintainer + " <" + address + ">"), 200);
		assertThat(v3Reply).contains("name=\"conditions\" value=\"" + newer + "\"")
			.doesNotContain("it keeps the condition given with it");
		this.mvc.perform(confirmAsRead(v3Reply, address)).andExpect(status().is3xxRedirection());
		assertThat(positionOf(this.maintainer)).isEqualTo("SUPPORTS_WITH_CONDITIONS: " + newer + " v3");
	}

	@Test
	void anAckCarriedAgainLinksTheReplyTheConditionWasGivenIn() throws Exception {
		String address = this.maintainer + "@example.org";
		String condition = "Fine as long as the tree goes through driver-core-next.";
		String v2 = preview(this.organizer, thread(2, this.maintainer + " <" + address + ">|" + condition
				+ "\n\nAcked-by: " + this.maintainer + " <" + address + ">"), 200);
		this.mvc.perform(confirmAsRead(v2, address)).andExpect(status().is3xxRedirection());
		// v3 carries it and is imported: the position rests on v3's patch.
		this.mvc.perform(confirmAsRead(preview(this.organizer, carrying(3, this.maintainer), 200), address))
			.andExpect(status().is3xxRedirection());
		assertThat(positionOf(this.maintainer))
			.isEqualTo("SUPPORTS_WITH_CONDITIONS: " + condition + " v3 carried, first given on v2");
		// v4 carries it again: the condition is still the one given on v2, in the reply
		// on v2, not in the patch that carried it into v3.
		String v4 = preview(this.organizer, carrying(4, this.maintainer), 200);
		assertThat(v4).contains("name=\"conditions\" value=\"" + condition + "\"")
			.contains("it keeps the condition given with it on v2")
			.contains("https://lore.kernel.org/r/reply-v2-0@example.org")
			.doesNotContain("https://lore.kernel.org/r/patch-v3@example.org");
		this.mvc.perform(confirmAsRead(v4, address)).andExpect(status().is3xxRedirection());
		assertThat(positionOf(this.maintainer))
			.isEqualTo("SUPPORTS_WITH_CONDITIONS: " + condition + " v4 carried, first given on v2");
		// And so on: v5 still links the reply on v2.
		assertThat(preview(this.organizer, carrying(5, this.maintainer), 200))
			.contains("it keeps the condition given with it on v2")
			.contains("https://lore.kernel.org/r/reply-v2-0@example.org")
			.doesNotContain("https://lore.kernel.org/r/patch-v4@example.org");
	}

	/**
	 * One thread holds both the reply on v1 giving the conditional ack and the v2 patch
	 * carrying it, imported once: the position rests on the v2 patch, and the condition
	 * was given in the reply on v1, which a v3 carrying it again still links.
	 */
	@Test
	void anAckCarriedFromAReplyInTheSameThreadLinksThatReplyWhenCarriedAgain() throws Exception {
		String address = this.maintainer + "@example.org";
		String condition = "Fine as long as the tree goes through driver-core-next.";
		String v1AndV2 = preview(this.organizer, thread(1, this.maintainer + " <" + address + ">|" + condition
				+ "\n\nAcked-by: " + this.maintainer + " <" + address + ">") + carrying(2, this.maintainer), 200);
		assertThat(v1AndV2).contains("it keeps the condition given with it on v1")
			.contains("https://lore.kernel.org/r/reply-v1-0@example.org");
		this.mvc.perform(confirmAsRead(v1AndV2, address)).andExpect(status().is3xxRedirection());
		assertThat(positionOf(this.maintainer))
			.isEqualTo("SUPPORTS_WITH_CONDITIONS: " + condition + " v2 carried, first given on v1");
		// v3 carries it again: the condition is the one given in the reply on v1, not in
		// the v2 patch that carried it.
		String v3 = preview(this.organizer, carrying(3, this.maintainer), 200);
		assertThat(v3).contains("name=\"conditions\" value=\"" + condition + "\"")
			.contains("it keeps the condition given with it on v1")
			.contains("https://lore.kernel.org/r/reply-v1-0@example.org")
			.doesNotContain("it keeps the condition given with it on v2")
			.doesNotContain("https://lore.kernel.org/r/patch-v2@example.org");
		this.mvc.perform(confirmAsRead(v3, address)).andExpect(status().is3xxRedirection());
		assertThat(positionOf(this.maintainer))
			.isEqualTo("SUPPORTS_WITH_CONDITIONS: " + condition + " v3 carried, first given on v1");
		assertThat(preview(this.organizer, carrying(4, this.maintainer), 200))
			.contains("it keeps the condition given with it on v1")
			.contains("https://lore.kernel.org/r/reply-v1-0@example.org")
			.doesNotContain("https://lore.kernel.org/r/patch-v3@example.org");
		assertThat(this.jdbc.queryForObject(
				"select mail_condition_message_id || ' v' || mail_condition_given_on from position where person_id = ?",
				String.class, this.fixture.personId(this.maintainer)))
			.isEqualTo("reply-v1-0@example.org v1");
	}

	@Test
	void aCarriedAckWithoutAnEarlierConditionIsAPlainAck() throws Exception {
		String page = preview(this.organizer, carrying(3, this.maintainer), 200);
		assertThat(page).contains("name=\"conditions\" value=\"\"")
			.contains("<option value=\"SUPPORTS\" selected=\"selected\"")
			.doesNotContain("it keeps the condition given with it");
	}

	@Test
	void anAddressNobodyHasIsOfferedToThePersonOfThatName() throws Exception {
		String address = "other-" + counter.incrementAndGet() + "@kernel.example";
		String stranger = "stranger-" + counter.incrementAndGet() + "@kernel.example";
		String page = preview(this.organizer,
				thread(1,
						"  person " + this.maintainer.toUpperCase(java.util.Locale.ROOT) + " <" + address
								+ ">|Looks good.\n\nAcked-by: pErSoN " + this.maintainer + "  <" + address + ">",
						"Nobody Known <" + stranger + ">|Looks good.\n\nAcked-by: Nobody Known <" + stranger + ">"),
				200);
		assertThat(attachValue(page, 0)).isEqualTo(this.maintainer);
		assertThat(page).contains("Is this Person " + this.maintainer + " (" + this.maintainer + ")?");
		assertThat(attachValue(page, 1)).isEmpty();
		// Confirmed as suggested, the address becomes theirs.
		this.mvc
			.perform(confirm(this.organizer, page).param("address", address, stranger)
				.param("stance", "SUPPORTS", "NONE")
				.param("attach", attachValue(page, 0), attachValue(page, 1)))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.jdbc.queryForObject("select person_id from person_address where address = ?", Long.class, address))
			.isEqualTo(this.fixture.personId(this.maintainer));
		// Two people of one name: no suggestion.
		String twin = this.fixture.person("twin");
		this.jdbc.update("update person set name = ? where handle = ?", "Person " + this.nacker, twin);
		String other = "third-" + counter.incrementAndGet() + "@kernel.example";
		String twins = preview(this.organizer,
				thread(1, "X <" + other + ">|Looks good.\n\nAcked-by: Person " + this.nacker + " <" + other + ">"),
				200);
		assertThat(twins).doesNotContain("Is this");
		assertThat(attachValue(twins, 0)).isEmpty();
	}

	@Test
	void theNamesOfAddressesNobodyHasAreLookedUpOnceHoweverManyThereAre() throws Exception {
		assertThat(previewStatements(1)).isEqualTo(previewStatements(6));
	}

	/**
	 * The statements a preview prepares for a thread of {@code people} acks from
	 * addresses nobody has, each under the name of a person here.
	 */
	private long previewStatements(int people) throws Exception {
		String[] replies = new String[people];
		for (int i = 0; i < people; i++) {
			String named = this.fixture.person("named");
			String address = "elsewhere-" + counter.incrementAndGet() + "@kernel.example";
			replies[i] = "Person " + named + " <" + address + ">|Looks good.\n\nAcked-by: Person " + named + " <"
					+ address + ">";
		}
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		String page = preview(this.organizer, thread(1, replies), 200);
		long statements = statistics.getPrepareStatementCount();
		assertThat(page.split("class=\"suggested\"", -1)).hasSize(people + 1);
		return statements;
	}

	private static String attachValue(String page, int row) {
		Matcher m = Pattern.compile("id=\"attach-" + row + "\" name=\"attach\" maxlength=\"80\"\\s+value=\"([^\"]*)\"")
			.matcher(page);
		assertThat(m.find()).as("row %d offers an existing person", row).isTrue();
		return m.group(1);
	}

	@Test
	void aFurtherAddressFindsItsPersonAndASenderMismatchIsShown() throws Exception {
		this.jdbc.update("insert into person_address (person_id, address, source) values (?, ?, 'MANUAL')",
				this.fixture.personId(this.maintainer), this.maintainer + "@work.example");
		String page = preview(this.organizer,
				thread(1, "Someone <someone@else.example>|Acked-by: M <" + this.maintainer + "@work.example>"), 200);
		assertThat(page).contains("/people/" + this.maintainer)
			.contains("sent by Someone &lt;someone@else.example&gt;, not from the address in the trailer");
	}

	@Test
	void theExportsGiveATrailerWithTheAddressItWasGivenFrom() throws Exception {
		String further = this.maintainer + "@work.example";
		this.jdbc.update("insert into person_address (person_id, address, source) values (?, ?, 'MANUAL')",
				this.fixture.personId(this.maintainer), further);
		String page = preview(this.organizer, thread(1, this.maintainer + " <" + further + ">|Looks good.\n\nAcked-by: "
				+ this.maintainer + " <" + further + ">"), 200);
		this.mvc.perform(confirm(this.organizer, page).param("address", further).param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select mail_address from position where person_id = ?", String.class,
				this.fixture.personId(this.maintainer)))
			.isEqualTo(further);
		String trailer = "Acked-by: Person " + this.maintainer + " <" + further
				+ ">\nLink: https://lore.kernel.org/r/reply-v1-0@example.org\n";
		this.mvc.perform(get(this.url + "/minutes.txt")).andExpect(content().string(containsString(trailer)));
		String key = this.url.split("/")[4];
		this.mvc.perform(get("/proposals/" + key + ".txt")).andExpect(content().string(containsString(trailer)));
		this.mvc.perform(get("/proposals/" + key + ".md")).andExpect(content().string(containsString(trailer)));
		// A position imported before the address was kept gives the primary email.
		this.jdbc.update("update position set mail_address = null where person_id = ?",
				this.fixture.personId(this.maintainer));
		this.mvc.perform(get(this.url + "/minutes.txt"))
			.andExpect(content().string(containsString(
					"Acked-by: Person " + this.maintainer + " <" + this.maintainer + "@example.org>\nLink: ")));
	}

	@Test
	void anAddressAPersonAddsThemselfFindsThemInAnImportedMail() throws Exception {
		String alias = "linus-" + counter.incrementAndGet() + "@linux-foundation.org";
		String mail = new String(MailFixtures.bytes("single.eml"), StandardCharsets.UTF_8)
			.replace("torvalds@linux-foundation.org", alias);
		assertThat(preview(this.organizer, mail, 200)).contains("nobody here has this address");
		MockHttpSession self = this.fixture.signIn(this.mvc, this.maintainer, Role.MAINTAINER);
		this.mvc.perform(
				post("/people/" + this.maintainer + "/addresses").param("address", alias).session(self).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String page = preview(this.organizer, mail, 200);
		assertThat(page).contains("/people/" + this.maintainer).doesNotContain("nobody here has this address");
		this.mvc.perform(confirm(this.organizer, page).param("address", alias).param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select count(*) from position where person_id = ?", Long.class,
				this.fixture.personId(this.maintainer)))
			.isOne();
	}

	@Test
	void anAckOnAnOlderVersionReadsAsSuchOnceANewerOneIsImported() throws Exception {
		String v1 = preview(this.organizer, thread(1, ack(this.maintainer)), 200);
		this.mvc
			.perform(confirm(this.organizer, v1).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		String v2 = preview(this.organizer, thread(2, "Other <other@example.org>|Tested-by: Other <other@example.org>"),
				200);
		this.mvc.perform(confirm(this.organizer, v2).param("address", "other@example.org").param("stance", "NONE"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.url + "/mail"))
			.andExpect(content().string(containsString(": Acked-by on v1 only (v2 posted since)")));
		assertThat(this.jdbc.queryForObject(
				"select mail_version || ' ' || mail_posted_since from position" + " where person_id = ?", String.class,
				this.fixture.personId(this.maintainer)))
			.isEqualTo("1 2");
		this.mvc.perform(get(this.url))
			.andExpect(content().string(containsString(": acked on v1 only (v2 posted since) by " + this.maintainer)));
		// Given again on v2: the position rests on v2, nothing was posted since.
		String again = preview(this.organizer, thread(2, ack(this.maintainer)), 200);
		this.mvc
			.perform(confirm(this.organizer, again).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select mail_version || ' ' || coalesce(mail_posted_since, 0)" + " from position where person_id = ?",
				String.class, this.fixture.personId(this.maintainer)))
			.isEqualTo("2 0");
		this.mvc.perform(get(this.url))
			.andExpect(content().string(containsString(": acked by " + this.maintainer)))
			.andExpect(content().string(not(containsString("posted since) by " + this.maintainer))));
		CountersKept.everyPositionsChangesAreCounted(this.jdbc);
	}

	@Test
	void anOlderVersionImportedAfterANewerOneOrAnotherSeriesLeavesThePositionOnItsNewerMail() throws Exception {
		String v2 = preview(this.organizer, thread(2, ack(this.maintainer)), 200);
		this.mvc
			.perform(confirm(this.organizer, v2).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		// The v1 thread, imported afterwards: the ack on v2 stands.
		String v1 = preview(this.organizer, thread(1, ack(this.maintainer)), 200);
		this.mvc
			.perform(confirm(this.organizer, v1).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		String position = "select mail_message_id || ' v' || mail_version || ' ' || coalesce(mail_posted_since, 0)"
				+ " from position where person_id = ?";
		assertThat(this.jdbc.queryForObject(position, String.class, this.fixture.personId(this.maintainer)))
			.isEqualTo("reply-v2-0@example.org v2 0");
		// A v3 of another series about the same proposal: the ack on this series' v2 is
		// not "v3 posted since".
		String other = thread(3, "Other <other@example.org>|Tested-by: Other <other@example.org>")
			.replace("driver core: a helper", "gpio: another series");
		String page = preview(this.organizer, other, 200);
		this.mvc.perform(confirm(this.organizer, page).param("address", "other@example.org").param("stance", "NONE"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(position, String.class, this.fixture.personId(this.maintainer)))
			.isEqualTo("reply-v2-0@example.org v2 0");
		this.mvc.perform(get(this.url))
			.andExpect(content().string(containsString(": acked by " + this.maintainer)))
			.andExpect(content().string(not(containsString("posted since) by " + this.maintainer))));
	}

	private String counts() {
		return this.jdbc.queryForObject("""
				select (select count(*) from position) || ' ' || (select count(*) from position_change) || ' '
				       || (select count(*) from audit_entry) || ' ' || (select count(*) from mail_import)
				       || ' ' || (select coalesce(sum(version), 0) from position)
				""", String.class);
	}

	@Test
	void aRepeatedImportOfTheSameThreadAddsNothing() throws Exception {
		String v1 = thread(1, ack(this.maintainer), nack(this.nacker));
		String v2 = thread(2, "Other <other@example.org>|Tested-by: Other <other@example.org>");
		String both = v1 + v2;
		for (int i = 0; i < 2; i++) {
			String page = preview(this.organizer, (i == 0) ? v1 : both, 200);
			this.mvc
				.perform(confirm(this.organizer, page)
					.param("address", this.maintainer + "@example.org", this.nacker + "@example.org")
					.param("stance", "SUPPORTS", "NONE")
					.param("create", this.nacker + "@example.org"))
				.andExpect(status().is3xxRedirection());
		}
		String before = counts();
		String page = preview(this.organizer, both, 200);
		this.mvc
			.perform(confirm(this.organizer, page)
				.param("address", this.maintainer + "@example.org", this.nacker + "@example.org")
				.param("stance", "SUPPORTS", "NONE"))
			.andExpect(status().is3xxRedirection());
		assertThat(counts()).as("positions, changes, audit entries, imports, position versions").isEqualTo(before);
	}

	@Test
	void onlyOrganizersAndTheSessionsLeadMayImport() throws Exception {
		MockHttpSession maintainer = SignIn.as(this.mvc, this.maintainer, Fixture.PASSWORD);
		preview(maintainer, thread(1, ack(this.maintainer)), 403);
		this.mvc.perform(get(this.url + "/mail").session(maintainer))
			.andExpect(content().string(not(containsString("mail/preview"))));
		this.jdbc.update("""
				update summit_session set lead_id = ? where id = (select s.id from summit_session s
				join event e on e.id = s.event_id where '/events/' || e.slug || '/sessions/' || s.slug = ?)""",
				this.fixture.personId(this.maintainer), this.url);
		preview(maintainer, thread(1, ack(this.maintainer)), 200);
	}

	/** A second proposal the session discusses; answers its key. */
	private String secondProposal() {
		String key = "mail-second-" + counter.incrementAndGet();
		Session session = this.sessions.findBySlugs(this.url.split("/")[2], this.url.split("/")[4]).orElseThrow();
		this.proposals.link(session, this.proposalRepository
			.save(new Proposal(key, "Second proposal " + key, "Adopt " + key, Instant.parse("2025-01-01T00:00:00Z"))));
		return key;
	}

	private String stanceOn(String proposal) {
		return this.jdbc.queryForObject("""
				select coalesce(max(p.stance || ' v' || p.mail_version), 'none') from position p
				join proposal pr on pr.id = p.proposal_id where pr.key = ? and p.person_id = ?
				""", String.class, proposal, this.fixture.personId(this.maintainer));
	}

	@Test
	void theImportNamesOneOfTheProposalsTheSessionDiscusses() throws Exception {
		String second = secondProposal();
		this.mvc.perform(get(this.url + "/mail").session(this.organizer))
			.andExpect(content().string(containsString("<option value=\"" + second + "\"")));
		String page = preview(this.organizer, thread(1, ack(this.maintainer)), second, 200);
		assertThat(page).contains("<input type=\"hidden\" name=\"proposal\" value=\"" + second + "\">");
		this.mvc
			.perform(confirm(this.organizer, page).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		assertThat(stanceOn(second)).isEqualTo("SUPPORTS v1");
		String main = this.url.split("/")[4];
		assertThat(stanceOn(main)).isEqualTo("none");
		this.mvc.perform(get(this.url + "/mail"))
			.andExpect(content().string(containsString("id=\"mail-" + second + "-" + this.maintainer + "\"")));
	}

	@Test
	void anUnknownOrUndiscussedProposalIsRefusedWith422NextToTheField() throws Exception {
		String elsewhere = this.fixture.session("mail-elsewhere-" + counter.incrementAndGet(), 0, 0, 0).split("/")[4];
		for (String key : new String[] { "no-such-proposal", elsewhere }) {
			String page = preview(this.organizer, thread(1, ack(this.maintainer)), key, 422);
			assertThat(page).contains("id=\"mail-proposal-error\"")
				.contains("This session does not discuss that proposal.")
				.contains("aria-invalid=\"true\"");
			this.mvc
				.perform(multipart(this.url + "/mail").param("thread", "x")
					.param("proposal", key)
					.param("address", this.maintainer + "@example.org")
					.param("stance", "SUPPORTS")
					.session(this.organizer)
					.with(csrf()))
				.andExpect(status().is(422));
		}
		assertThat(positions()).isZero();
	}

	@Test
	void aSpeakerOfTheSessionMayImportForItsProposalsAndNobodyElse() throws Exception {
		MockHttpSession maintainer = SignIn.as(this.mvc, this.maintainer, Fixture.PASSWORD);
		String second = secondProposal();
		preview(maintainer, thread(1, ack(this.maintainer)), second, 403);
		this.jdbc.update("""
				insert into session_participant (session_id, person_id, role) select s.id, ?, 'SPEAKER'
				from summit_session s join event e on e.id = s.event_id
				where '/events/' || e.slug || '/sessions/' || s.slug = ?""", this.fixture.personId(this.maintainer),
				this.url);
		preview(maintainer, thread(1, ack(this.maintainer)), second, 200);
		this.mvc.perform(get(this.url + "/mail").session(maintainer))
			.andExpect(content().string(containsString("<option value=\"" + second + "\"")));
	}

	@Test
	void theImportNoticeCountsInWordsThatAgreeWithTheNumber() throws Exception {
		String tester = "tester-" + counter.incrementAndGet();
		String page = preview(this.organizer, thread(1, ack(this.maintainer),
				tester + " <" + tester + "@example.org>|Tested-by: T <" + tester + "@example.org>"), 200);
		var flash = this.mvc
			.perform(confirm(this.organizer, page)
				.param("address", this.maintainer + "@example.org", tester + "@example.org")
				.param("stance", "SUPPORTS", "NONE"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap();
		this.mvc.perform(get(this.url + "/mail").session(this.organizer).flashAttrs(flash))
			.andExpect(content().string(containsString("Recorded 1 position from mail on " + this.url.split("/")[4]
					+ " (none already recorded from the same mail, 1 row without a position;"
					+ " none now rest on an older version of the series).")));
	}

	@Test
	void aTestedByWithoutAPositionIsShownAndKeptAsANote() throws Exception {
		String tester = "tester-" + counter.incrementAndGet();
		String mbox = thread(2, ack(this.maintainer), tester + " <" + tester
				+ "@example.org>|Works on my board.\n\nTested-by: T <" + tester + "@example.org> # on arm64");
		String page = preview(this.organizer, mbox, 200);
		assertThat(page).contains("Tested, no position: kept as a Tested-by note unless you choose a stance.");
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(confirm(this.organizer, page)
					.param("address", this.maintainer + "@example.org", tester + "@example.org")
					.param("stance", "SUPPORTS", "NONE"))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) || ' ' || min(version) || ' ' || min(note) from mail_tested where address = ?",
				String.class, tester + "@example.org"))
			.as("kept once, however often imported")
			.isEqualTo("1 2 on arm64");
		assertThat(this.jdbc.queryForObject("select count(*) from person where email = ?", Long.class,
				tester + "@example.org"))
			.as("no person, no stance")
			.isZero();
		this.mvc.perform(get(this.url + "/mail"))
			.andExpect(content().string(containsString("tested v2 of " + this.url.split("/")[4] + ", no position")));
	}

	@Test
	void aPositionFromMailSpeaksForTheSubsystemsOfTheirsTheDiffTouches() throws Exception {
		String affected = this.jdbc.queryForObject("select name from subsystem where slug = ?", String.class,
				this.url.split("/")[4] + "-s0");
		// The affected one's files are known, elsewhere.
		this.jdbc.update("insert into subsystem_file_pattern (subsystem_id, kind, pattern) "
				+ "select id, 'F', 'elsewhere/' from subsystem where slug = ?", this.url.split("/")[4] + "-s0");
		// Without a match the position speaks for theirs among the proposal's affected.
		String page = preview(this.organizer, thread(1, ack(this.maintainer)), 200);
		assertThat(page).contains("Speaks for " + affected + " (");
		String slug = "mail-files-" + counter.incrementAndGet();
		Long files = this.jdbc.queryForObject(
				"insert into subsystem (slug, name, status) values (?, ?, 'MAINTAINED') returning id", Long.class, slug,
				"Files " + slug);
		this.jdbc.update("insert into maintainership (person_id, subsystem_id, role) values (?, ?, 'MAINTAINER')",
				this.fixture.personId(this.maintainer), files);
		this.jdbc.update(
				"insert into subsystem_file_pattern (subsystem_id, kind, pattern) values (?, 'F', ?)," + " (?, 'X', ?)",
				files, slug + "/", files, slug + "/excluded/");
		String touching = thread(1, ack(this.maintainer)).replace("diff --git a/x b/x",
				"diff --git a/" + slug + "/core.c b/" + slug + "/core.c");
		page = preview(this.organizer, touching, 200);
		assertThat(page).contains("Speaks for Files " + slug + " (");
		this.mvc
			.perform(confirm(this.organizer, page).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("""
				select f.subsystem_id from position_speaks_for f join position p on p.id = f.position_id
				where p.person_id = ?""", Long.class, this.fixture.personId(this.maintainer))).containsExactly(files);
		// It speaks for that subsystem only: the proposal's affected one is not acked by
		// it.
		this.mvc.perform(get(this.url))
			.andExpect(content().string(not(containsString(affected + ": acked by " + this.maintainer))));
		// An excluded path does not count.
		String excluded = thread(1, ack(this.maintainer)).replace("diff --git a/x b/x",
				"diff --git a/" + slug + "/excluded/a.c b/" + slug + "/excluded/a.c");
		assertThat(preview(this.organizer, excluded, 200)).contains("Speaks for " + affected + " (");
	}

	@Test
	void anAckByMailStillSpeaksForAnAffectedSubsystemWhoseFilesAreNotKnown() throws Exception {
		String session = this.url.split("/")[4];
		// s0 was made by hand (no file patterns); s1 was imported from MAINTAINERS. Both
		// are affected and the maintainer's.
		String handMade = this.jdbc.queryForObject("select name from subsystem where slug = ?", String.class,
				session + "-s0");
		String imported = this.jdbc.queryForObject("select name from subsystem where slug = ?", String.class,
				session + "-s1");
		this.jdbc.update(
				"insert into maintainership (person_id, subsystem_id, role) "
						+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
				this.fixture.personId(this.maintainer), session + "-s1");
		this.jdbc.update("insert into subsystem_file_pattern (subsystem_id, kind, pattern) "
				+ "select id, 'F', ? from subsystem where slug = ?", session + "-s1/", session + "-s1");
		String v1 = preview(this.organizer, thread(1, ack(this.maintainer)), 200);
		confirmAckAndSeeAckedBy(v1, handMade, imported);
		// v2 touches the imported subsystem's files: the ack still speaks for the one
		// whose files nobody knows here.
		String v2 = preview(this.organizer, thread(2, ack(this.maintainer)).replace("diff --git a/x b/x",
				"diff --git a/" + session + "-s1/a.c b/" + session + "-s1/a.c"), 200);
		assertThat(v2).contains("Speaks for " + handMade + ", " + imported + " (");
		confirmAckAndSeeAckedBy(v2, handMade, imported);
	}

	/**
	 * Confirms the maintainer's ack; the session page says each subsystem acked by them.
	 */
	private void confirmAckAndSeeAckedBy(String preview, String... subsystems) throws Exception {
		this.mvc
			.perform(confirm(this.organizer, preview).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get(this.url)).andReturn().getResponse().getContentAsString();
		for (String subsystem : subsystems) {
			assertThat(page).contains(subsystem + ": acked by " + this.maintainer);
		}
	}

	@Test
	void aPositionSpeakingForTwoOfThreeSubsystemsLeavesTheThirdMissingInWords() throws Exception {
		String session = this.url.split("/")[4];
		String[] names = new String[3];
		for (int i = 0; i < 3; i++) {
			String slug = session + "-s" + i;
			names[i] = this.jdbc.queryForObject("select name from subsystem where slug = ?", String.class, slug);
			if (i > 0) {
				this.jdbc.update(
						"insert into maintainership (person_id, subsystem_id, role) "
								+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
						this.fixture.personId(this.maintainer), slug);
			}
			this.jdbc.update("insert into subsystem_file_pattern (subsystem_id, kind, pattern) "
					+ "select id, 'F', ? from subsystem where slug = ?", slug + "/", slug);
		}
		// The patch touches the files of the first two; the third is theirs too, and
		// affected.
		String diff = "diff --git a/" + session + "-s0/a.c b/" + session + "-s0/a.c\n" + "diff --git a/" + session
				+ "-s1/b.c b/" + session + "-s1/b.c";
		String page = preview(this.organizer, thread(1, ack(this.maintainer)).replace("diff --git a/x b/x", diff), 200);
		assertThat(page).contains("Speaks for " + names[0] + ", " + names[1] + " (");
		this.mvc
			.perform(confirm(this.organizer, page).param("address", this.maintainer + "@example.org")
				.param("stance", "SUPPORTS"))
			.andExpect(status().is3xxRedirection());
		String sessionPage = this.mvc.perform(get(this.url)).andReturn().getResponse().getContentAsString();
		assertThat(sessionPage).contains(names[0] + ": acked by " + this.maintainer)
			.contains(names[1] + ": acked by " + this.maintainer)
			.doesNotContain(names[2] + ": acked by")
			.contains(names[2] + ": no maintainer has acked (")
			.contains(this.maintainer + ": acked-by, speaking for " + names[0] + ", " + names[1] + " only");
	}

	@Test
	void hostileMailIsRefusedWithAClearMessage() throws Exception {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 100_000; i++) {
			many.append("From x Thu Jan  1 00:00:00 1970\nMessage-Id: <m").append(i).append("@x>\n\nhi\n\n");
		}
		assertThat(preview(this.organizer, many.toString(), 422)).contains("more than 1,000 messages");
		assertThat(preview(this.organizer, "no mail at all", 422)).contains("This is no mail");
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 40; i++) {
				gz.write(zeros);
			}
		}
		this.mvc
			.perform(multipart(this.url + "/mail/preview")
				.file(new MockMultipartFile("file", "t.mbox.gz", "application/gzip", bomb.toByteArray()))
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("larger than 8 MB")));
		this.mvc
			.perform(multipart(this.url + "/mail").param("thread", "not base64 at all!")
				.session(this.organizer)
				.with(csrf()))
			.andExpect(status().is(422));
		String broken = new String(MailFixtures.bytes("series.mbox"), StandardCharsets.UTF_8).replace("Subject:",
				"Subject: =?x-unknown?Q?=ZZ?=");
		preview(this.organizer, broken, 200);
		assertThat(positions()).isZero();
	}

}
