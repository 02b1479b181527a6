package org.summittracker.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer imports a patch thread's buy-in: pastes the mbox, previews it person by
 * person (a sender/trailer mismatch and an unknown address shown as such), corrects one
 * reading, confirms, and sees the session's readiness change. The position is withdrawn
 * at the end, which leaves the demo session reading as before.
 */
@BrowserTest
class MailImportJourneyBrowserTests {

	static final String SESSION_URL = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	static final String BLUETOOTH_PENDING = "Bluetooth subsystem: no maintainer has acked (hedberg: no record; "
			+ "vondentz: no record; holtmann: no record)";

	static final String THREAD = """
			From mboxrd@z Thu Jan  1 00:00:00 1970
			From: Rust Author <author@example.org>
			Subject: [PATCH v2 1/1] Bluetooth: add a Rust binding
			Date: Mon, 3 Mar 2025 10:00:00 +0000
			Message-Id: <journey-patch@example.org>

			A binding.

			Signed-off-by: Rust Author <author@example.org>
			---
			diff --git a/net/bluetooth/x.rs b/net/bluetooth/x.rs

			From mboxrd@z Thu Jan  1 00:00:00 1970
			From: Johan Hedberg <hedberg@example.org>
			Subject: Re: [PATCH v2 1/1] Bluetooth: add a Rust binding
			Date: Tue, 4 Mar 2025 09:00:00 +0000
			Message-Id: <journey-ack@example.org>
			In-Reply-To: <journey-patch@example.org>

			> A binding.

			Fine with me if you take it through your tree.

			Acked-by: Johan Hedberg <hedberg@example.org>

			From mboxrd@z Thu Jan  1 00:00:00 1970
			From: Marcel Holtmann <holtmann@example.org>
			Subject: Re: [PATCH v2 1/1] Bluetooth: add a Rust binding
			Date: Tue, 4 Mar 2025 10:00:00 +0000
			Message-Id: <journey-test@example.org>
			In-Reply-To: <journey-patch@example.org>

			Tested-by: Marcel Holtmann <holtmann@example.org>

			From mboxrd@z Thu Jan  1 00:00:00 1970
			From: Sam Stranger <sam@home.example>
			Subject: Re: [PATCH v2 1/1] Bluetooth: add a Rust binding
			Date: Tue, 4 Mar 2025 11:00:00 +0000
			Message-Id: <journey-stranger@example.org>
			In-Reply-To: <journey-patch@example.org>

			Reviewed-by: Sam Stranger <sam.stranger@work.example>
			""";

	@Test
	void anOrganizerImportsAThreadCorrectsAReadingAndSeesReadinessChange(Reader reader) {
		reader.signsInAs("organizer");
		SessionPage session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.missing()).contains(BLUETOOTH_PENDING);

		Page mail = session.followsLink("Buy-in from the mailing list");
		assertThat(mail.heading()).isEqualTo("Buy-in from the mailing list");
		// The thread is about one of the proposals the session discusses: here its main
		// one.
		mail.chooses("Proposal the thread is about", "rust-for-linux: Rust for Linux");
		mail.fillsIn("Or paste the mbox or message", THREAD);
		Page preview = mail.pressesButton("Preview", Page::new);
		assertThat(preview.heading()).isEqualTo("What the thread says");
		assertThat(preview.text()).contains("rust-for-linux: Rust for Linux", "Speaks for Bluetooth subsystem",
				"Tested, no position");
		assertThat(preview.text()).contains("Acked-by: Johan Hedberg <hedberg@example.org>",
				"Tested-by: Marcel Holtmann <holtmann@example.org>", "Notes: Tested-by on v2");
		// A trailer sent from another address than its own is shown as such, and nobody
		// here has it: the person may be created from the preview (left unticked here,
		// the row records nothing).
		assertThat(preview.text()).contains("Reviewed-by: Sam Stranger <sam.stranger@work.example>",
				"sent by Sam Stranger <sam@home.example>, not from the address in the trailer",
				"(nobody here has this address)", "Create a person for sam.stranger@work.example");
		// Correct one reading: the condition read from the mail is dropped, a plain ack.
		preview.chooses("Read as", "Supports (Acked-by)");
		Page imported = preview.pressesButton("Record these positions", Page::new);
		assertThat(imported.path()).isEqualTo(SESSION_URL + "/mail");
		assertThat(imported.flash()).startsWith("Recorded 1 position from mail");
		assertThat(imported.text()).contains("Johan Hedberg", "Acked-by", "journey-ack@example.org",
				"tested v2 of rust-for-linux, no position");

		session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.missing()).doesNotContain(BLUETOOTH_PENDING)
			.noneMatch((line) -> line.startsWith("Bluetooth subsystem"));
		assertThat(session.readiness()).contains("Bluetooth subsystem: acked by hedberg")
			.doesNotContain("acked by hedberg (conditions");
		assertThat(session.itemsOf("Buy-in")).anySatisfy((row) -> assertThat(row).contains("hedberg", "By mail"));

		session = reader.visits(SESSION_URL + "/positions/hedberg", PositionPage::new).withdraws();
		assertThat(session.missing()).contains(BLUETOOTH_PENDING);
	}

	/**
	 * An organizer asks the maintainers who took no position for it: opens the ask from
	 * the session page, sees who it goes to, downloads the draft, and the answer to it
	 * (quoting the ask, examples and all) is imported as the one ack it gives. On the way
	 * they say they sent it: the session page shows the ask, and one fewer of those asked
	 * unanswered once the answer is recorded (the ask stays recorded: it is history, and
	 * the demo's readiness, positions and concerns read as before).
	 */
	@Test
	void anOrganizerAsksForBuyInByMailAndTheAnswerIsImported(Reader reader) throws Exception {
		reader.signsInAs("organizer");
		SessionPage session = reader.visits(SESSION_URL, SessionPage::new);
		Page ask = session.followsLink("Ask for buy-in by mail");
		assertThat(ask.heading()).isEqualTo("Ask for buy-in by mail");
		assertThat(ask.text()).contains("rust-for-linux: Rust for Linux", "Johan Hedberg", "hedberg@example.org",
				"vondentz@example.org", "maintainer of Bluetooth subsystem",
				"Subject: [Kernel Maintainers Summit 2021] Rust for Linux: your position?");
		// From the organizer's own address; once sent, they say so, and the session page
		// shows the ask with the buy-in.
		assertThat(reader.find(By.id("ask-from")).getText()).isEqualTo("Demo Organizer <organizer@example.org>");
		Page sent = ask.pressesButton("I sent this mail", Page::new);
		assertThat(sent.flash()).startsWith("Recorded: you asked");
		assertThat(sent.text()).contains("Asks sent about this proposal");
		session = reader.visits(SESSION_URL, SessionPage::new);
		int unanswered = unanswered(reader.find(By.cssSelector("#asks-sent-rust-for-linux li")).getText());
		assertThat(unanswered).isPositive();
		ask = reader.visits(SESSION_URL + "/mail/ask");
		String href = reader.find(By.id("ask-eml")).getAttribute("href");
		// The download, as the browser fetches it (with the organizer's session).
		String eml = (String) reader.driver()
			.executeAsyncScript(
					"const done = arguments[arguments.length - 1];"
							+ "fetch(arguments[0]).then((r) => r.text()).then(done, (e) => done('failed: ' + e));",
					href);
		assertThat(eml).contains("X-Unsent: 1", "Message-ID: <buy-in-ask.");
		MimeMessage mail = new MimeMessage(null, new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
		StringBuilder quoted = new StringBuilder();
		((String) mail.getContent()).replace("\r\n", "\n")
			.lines()
			.forEach((l) -> quoted.append("> ").append(l).append('\n'));
		String reply = "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Johan Hedberg <hedberg@example.org>\n"
				+ "Subject: Re: " + mail.getSubject() + "\nDate: Tue, 4 Mar 2025 09:00:00 +0000\n"
				+ "Message-Id: <ask-journey-answer@example.org>\nIn-Reply-To: " + mail.getMessageID() + "\n\n" + quoted
				+ "\nFine with me.\n\nAcked-by: Johan Hedberg <hedberg@example.org>\n";

		Page page = ask.followsLink("Import the answers");
		page.chooses("Proposal the thread is about", "rust-for-linux: Rust for Linux");
		page.fillsIn("Or paste the mbox or message", reply);
		Page preview = page.pressesButton("Preview", Page::new);
		assertThat(preview.text()).contains("Acked-by: Johan Hedberg <hedberg@example.org>")
			.contains("This mail answers the ask for buy-in on rust-for-linux sent on")
			.doesNotContain("Acked-by: Luiz Augusto von Dentz");
		Page imported = preview.pressesButton("Record these positions", Page::new);
		assertThat(imported.flash()).startsWith("Recorded 1 position from mail");

		session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.readiness()).contains("Bluetooth subsystem: acked by hedberg");
		// One of those asked answered.
		assertThat(unanswered(reader.find(By.cssSelector("#asks-sent-rust-for-linux li")).getText()))
			.isEqualTo(unanswered - 1);
		// Bluetooth acked, its other maintainers are no longer asked.
		assertThat(reader.visits(SESSION_URL + "/mail/ask").text()).doesNotContain("vondentz@example.org");

		session = reader.visits(SESSION_URL + "/positions/hedberg", PositionPage::new).withdraws();
		assertThat(session.missing()).contains(BLUETOOTH_PENDING);
	}

	private static final Pattern ASKED = Pattern.compile(
			"Asked by mail on \\d{4}-\\d\\d-\\d\\d by Demo Organizer: \\d+ maintainers; (\\d+) (?:have|has) not answered\\.");

	/** How many of those the newest ask went to have not answered, as the page says. */
	private static int unanswered(String asked) {
		Matcher matcher = ASKED.matcher(asked);
		assertThat(matcher.matches()).as(asked).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
