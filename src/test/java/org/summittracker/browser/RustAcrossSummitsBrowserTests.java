package org.summittracker.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rust proposal as it really went, entered through the pages by an organizer: the
 * demo holds the 2021 session ("a trial, with buy-in from the affected maintainers"); the
 * Maintainers Summits of 2022 (minimal Rust support merged for 6.1, "how long is the
 * trial?" left open), 2024 ("should we commit to it?", the 2021 cross-subsystem concern
 * raised again by someone else) and 2025 (the experiment declared over, the minimum
 * compiler tied to Debian stable's rustc) each get a session linked to the existing
 * {@code rust-for-linux} proposal, found by the words of its title or its key. Then the
 * proposal page is read point by point: the four sessions in order, each carried concern
 * with its stable key and when (at which summit) and by whom it was raised, raised again,
 * answered and resolved; Ted Ts'o's move from concerned to supportive and the session
 * each stance was stated in; the status accepted, decided at the 2025 summit; the
 * readiness today; and the Markdown and text history export saying the same.
 * <p>
 * It resolves demo concerns and moves demo positions, so it runs on a demo summit of its
 * own: the property below gives it an application context, and so a database, apart from
 * the other journeys'.
 */
@BrowserTest
@TestPropertySource(properties = "summit.test.own-demo=rust-across-summits")
class RustAcrossSummitsBrowserTests {

	static final String PROPOSAL = "/proposals/rust-for-linux";

	static final String TITLE = "Rust for Linux";

	@Autowired
	Fixture fixture;

	@Test
	void theRustProposalFrom2021To2025(Reader reader) {
		long n = System.nanoTime() % 1_000_000_000L;
		String organizer = this.fixture.personWithAccount("rust-organizer", Role.ORGANIZER);
		reader.opensHome();
		reader.signsInAs(organizer, Fixture.PASSWORD);
		String kms2022 = "Maintainers Summit 2022 " + n;
		String kms2024 = "Maintainers Summit 2024 " + n;
		String kms2025 = "Maintainers Summit 2025 " + n;

		// 2022, Dublin: the proposal found by the words of its title, not its key.
		String y2022 = session(reader, kms2022, "2022-09-15", "Rust 2022 " + n);
		Page proposals = reader.visits(y2022).followsLink("Proposals discussed");
		proposals.fillsIn("Find a proposal by key or title", "rust linux");
		proposals = proposals.pressesButton("Find", Page::new);
		assertThat(proposals.text()).contains("rust-for-linux", TITLE);
		proposals = proposals.pressesButton("Discuss rust-for-linux here", Page::new);
		assertThat(proposals.flash()).contains("rust-for-linux");
		// The 2021 concerns still open are carried into it.
		SessionPage page = reader.visits(y2022, SessionPage::new);
		assertThat(page.section("Concerns carried forward")).contains("toolchain-stability", "cross-subsystem-changes",
				"Kernel Maintainers Summit 2021");
		notes(reader, y2022,
				new String[][] { { "ojeda", "Remark", "Minimal Rust support is ready and will be merged for 6.1." },
						{ "torvalds", "Remark", "It goes in for 6.1, as an experiment." },
						{ "tytso", "Question", "How long is the trial? What ends the experiment?" } });
		Page form = reader.visits(y2022).followsLink("File a concern");
		form.fillsIn("Title", "How long is the trial");
		form.fillsIn("Raised by (handle)", "tytso");
		choosesRust(form, "Proposal it is about");
		form.chooses("Category", "Other");
		form.fillsIn("Description (Markdown)", "Nobody said what ends the experiment, nor when.");
		ConcernPage trial = form.pressesButton("File the concern", ConcernPage::new);
		assertThat(trial.path()).isEqualTo(y2022 + "/concerns/how-long-is-the-trial");
		resolution(reader, y2022, "Minimal Rust support is merged for 6.1, as an experiment.", "Experiment", null);

		// 2024, Vienna: linked by its key; should we commit to it?
		String y2024 = session(reader, kms2024, "2024-09-17", "Rust 2024 " + n);
		proposals = reader.visits(y2024).followsLink("Proposals discussed");
		proposals.fillsIn("Find a proposal by key or title", "rust-for-linux");
		proposals = proposals.pressesButton("Find", Page::new);
		proposals = proposals.pressesButton("Discuss rust-for-linux here", Page::new);
		notes(reader, y2024,
				new String[][] { { "ojeda", "Proposal", "Should we commit to Rust in the kernel, not only try it?" },
						{ "airlied", "Objection",
								"A C interface change still breaks Rust code nobody in my subsystem can fix." },
						{ "torvalds", "Answer", "The Rust developers fix the bindings a C change breaks." } });
		page = reader.visits(y2024, SessionPage::new);
		assertThat(page.section("Concerns carried forward")).contains("how-long-is-the-trial", "toolchain-stability",
				"cross-subsystem-changes");
		// The 2021 concern raised again by someone else: linked to it, not filed twice.
		reader.find(By.id("reraise-by-cross-subsystem-changes")).sendKeys("airlied");
		page = page.clicks(carriedRow(reader, "cross-subsystem-changes").findElement(By.tagName("button")),
				SessionPage::new);
		assertThat(page.flash()).contains("cross-subsystem-changes");
		assertThat(page.section("Concerns carried forward")).contains("raised again here");
		// Answered in 2024, on its page as carried into this session.
		ConcernPage cross = page.clicks(
				carriedRow(reader, "cross-subsystem-changes").findElement(By.partialLinkText("Respond or resolve")),
				ConcernPage::new);
		assertThat(cross.text()).contains("Carried into", kms2024);
		cross.fillsIn("Your response (Markdown)",
				"The Rust developers fix the Rust code a C interface change breaks; a C change is not held up for it.");
		cross.fillsIn("Given by (handle; leave empty for your own)", "torvalds");
		cross = cross.pressesButton("Respond", ConcernPage::new);
		assertThat(cross.section("Responses")).contains("Linus Torvalds", "in " + kms2024 + ": Rust 2024 " + n);
		// Ted Ts'o, concerned in 2021, acks with conditions in 2024, from the form as it
		// comes, his concern still ticked: saved, and the page says the ack does not keep
		// it.
		assertThat(states(reader, y2024, "tytso", "Supports with conditions (Acked-by, conditions required)",
				"The Rust developers keep fixing what C changes break."))
			.contains("The position of tytso is saved, as stated in the session. A position of \"Acked-by (with"
					+ " conditions)\" cites no concerns, so the concerns ticked (cross-subsystem-changes) were not kept"
					+ " with it.");

		// 2025, Tokyo: the experiment is over.
		String y2025 = session(reader, kms2025, "2025-12-10", "Rust 2025 " + n);
		proposals = reader.visits(y2025).followsLink("Proposals discussed");
		proposals.fillsIn("Find a proposal by key or title", "Rust for Linux");
		proposals = proposals.pressesButton("Find", Page::new);
		proposals = proposals.pressesButton("Discuss rust-for-linux here", Page::new);
		notes(reader, y2025,
				new String[][] { { "ojeda", "Proposal", "The Rust experiment is over: Rust is here to stay." },
						{ "ojeda", "Proposal", "Tie the minimum Rust compiler to the rustc of Debian stable." } });
		// The toolchain concern resolved by the 2025 resolution, carried from 2021.
		resolution(reader, y2025, "The experiment is over; the minimum rustc is the one Debian stable ships.", "Agreed",
				"toolchain-stability");
		for (String key : List.of("cross-subsystem-changes", "how-long-is-the-trial")) {
			ConcernPage concern = reader.visits(y2025, SessionPage::new)
				.clicks(carriedRow(reader, key).findElement(By.partialLinkText("Respond or resolve")),
						ConcernPage::new);
			concern.ticks("Resolved");
			concern.fillsIn("Note (required to resolve; the reason, to overrule)", "The experiment is over.");
			concern = concern.pressesButton("Change the status", ConcernPage::new);
			assertThat(concern.status()).contains("Resolved");
		}
		// Still listed on the 2025 session, as handled there.
		assertThat(reader.visits(y2025, SessionPage::new).section("Concerns carried forward"))
			.contains("toolchain-stability", "cross-subsystem-changes", "how-long-is-the-trial", "Resolved");
		states(reader, y2025, "tytso", "Supports (Acked-by)", null);
		// The status: accepted, decided at the 2025 summit.
		Page edit = reader.visits(PROPOSAL).followsLink("Edit this proposal");
		edit.chooses("Status", "Accepted");
		edit.chooses("Decided in", kms2025 + ": Rust 2025 " + n);
		Page proposal = edit.pressesButton("Save the proposal", Page::new);

		// The proposal page, point by point.
		assertThat(proposal.path()).isEqualTo(PROPOSAL);
		assertThat(proposal.badges()).contains("Accepted");
		assertThat(proposal.itemsOf("Discussed at")).satisfiesExactly(
				(s) -> assertThat(s).contains("2021-09-20", "Kernel Maintainers Summit 2021",
						"Using Rust for kernel development"),
				(s) -> assertThat(s).contains("2022-09-15", kms2022, "Rust 2022 " + n),
				(s) -> assertThat(s).contains("2024-09-17", kms2024, "Rust 2024 " + n),
				(s) -> assertThat(s).contains("2025-12-10", kms2025, "Rust 2025 " + n));
		assertThat(concernRow(reader, "toolchain-stability")).contains("Al Viro", "Kernel Maintainers Summit 2021",
				"Resolved in " + kms2025 + ": Rust 2025 " + n);
		assertThat(concernRow(reader, "cross-subsystem-changes")).contains("Ted Ts'o", "Kernel Maintainers Summit 2021",
				"Raised again in " + kms2024 + ": Rust 2024 " + n + ", Dave Airlie",
				// Answered in the same session as the step before: its session is named
				// once.
				"Answered, Linus Torvalds", "Resolved in " + kms2025 + ": Rust 2025 " + n);
		assertThat(concernRow(reader, "how-long-is-the-trial")).contains("Ted Ts'o", kms2022,
				"Resolved in " + kms2025 + ": Rust 2025 " + n);
		// One concern, not two: raised again, not filed again.
		assertThat(reader.driver()
			.findElements(By.cssSelector("section[aria-labelledby=concerns] tbody tr code"))
			.stream()
			.map(WebElement::getText)
			.filter((k) -> k.startsWith("cross-subsystem-changes"))).containsExactly("cross-subsystem-changes");
		// Ted Ts'o: concerned in 2021, acked with conditions in 2024, acked in 2025.
		assertThat(reader.find(By.id("moved-tytso")).findElements(By.tagName("td")).stream().map(WebElement::getText))
			.containsExactly("Concerned", "Concerned", "Acked-by (with conditions)", "Acked-by");
		assertThat(reader.find(By.id("moves-tytso")).getText()).isEqualTo("Ted Ts'o: Concerned in "
				+ "Kernel Maintainers Summit 2021: Using Rust for kernel development → Acked-by (with conditions) in "
				+ kms2024 + ": Rust 2024 " + n + " → Acked-by in " + kms2025 + ": Rust 2025 " + n);
		assertThat(proposal.section("Changes to the proposal")).contains("status: OPEN → ACCEPTED",
				"(decided in " + kms2025 + ": Rust 2025 " + n + ")");
		assertThat(proposal.section("Readiness today")).contains(kms2025);
		assertThat(proposal.section("Timeline")).containsSubsequence("Kernel Maintainers Summit 2021", kms2022,
				"resolution (experiment): Minimal Rust support is merged for 6.1", kms2024,
				"airlied raised again cross-subsystem-changes", "torvalds answered cross-subsystem-changes", kms2025,
				"resolution (agreed): The experiment is over", "Page 1 of 2");
		// The timeline shows 50 entries a page: what was recorded last is on its second.
		Page timeline = proposal.followsLink("Next");
		assertThat(timeline.section("Timeline")).containsSubsequence(
				"concern toolchain-stability: Requires the newest Rust compiler and unstable features",
				"tytso: Acked-by (with conditions) → Acked-by", "proposal changed by " + organizer, "Page 2 of 2");

		// The history export says the same.
		String markdown = downloads(reader, "md");
		assertThat(markdown)
			.contains("Status: accepted", "- cross-subsystem-changes (resolved)",
					"  - raised again at " + kms2024 + " (Rust 2024 " + n + ") by airlied",
					"  - answered at " + kms2024 + " (Rust 2024 " + n + ") by torvalds",
					"  - resolved at " + kms2025 + " (Rust 2025 " + n + ")",
					"  - stated: Concerned (Kernel Maintainers Summit 2021: Using Rust for kernel development) → "
							+ "Acked-by (with conditions) (" + kms2024 + ": Rust 2024 " + n + ") → Acked-by (" + kms2025
							+ ": Rust 2025 " + n + ")",
					"## Decisions", kms2025 + " (Rust 2025 " + n + "): status: OPEN → ACCEPTED")
			.containsSubsequence("## Discussed at", "Kernel Maintainers Summit 2021", kms2022, kms2024, kms2025);
		String text = downloads(reader, "txt");
		assertThat(text).contains("Decisions\n---------", "- how-long-is-the-trial (resolved)",
				"  - resolved at " + kms2025 + " (Rust 2025 " + n + ")");
	}

	/** Clicks the proposal page's export link for {@code format}: the file saved. */
	private static String downloads(Reader reader, String format) {
		reader.visits(PROPOSAL);
		reader.find(By.xpath("//nav[contains(@class,'exports')]//a[normalize-space()='" + format + "']")).click();
		try {
			return Files.readString(reader.downloaded("rust-for-linux." + format));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new summit starting on {@code day} with one session; answers its path. */
	private static String session(Reader reader, String name, String day, String title) {
		return ProposalAcrossEventsBrowserTests.session(reader, name, day, title).path();
	}

	/** Notes taken on the live notes page: speaker, kind, what was said. */
	private static void notes(Reader reader, String session, String[][] notes) {
		Page live = reader.visits(session).followsLink("Live notes");
		for (String[] note : notes) {
			WebElement speaker = reader.find(By.id("note-speaker"));
			speaker.clear();
			speaker.sendKeys(note[0]);
			live.chooses("Kind", note[1]);
			WebElement body = reader.find(By.id("note-body"));
			body.clear();
			body.sendKeys(note[2]);
			reader.find(By.xpath("//button[normalize-space()='Save the note']")).click();
			new WebDriverWait(reader.driver(), Duration.ofSeconds(15), Page.POLL).ignoring(RuntimeException.class)
				.until((d) -> reader.find(By.tagName("main")).getText().contains(note[2]));
		}
	}

	/** A resolution of the session, addressing (and resolving) one concern if named. */
	private static void resolution(Reader reader, String session, String statement, String outcome, String concern) {
		Page form = reader.visits(session).followsLink("Record a resolution");
		form.fillsIn("Statement", statement);
		form.chooses("Outcome", outcome);
		if (concern != null) {
			reader.find(By.id("concern-" + concern)).click();
			form.ticks("Also resolve the checked concerns that are still open or deferred");
		}
		Page back = form.pressesButton("Record the resolution", Page::new);
		assertThat(back.flash())
			.matches((concern != null) ? "Resolution \\d+ recorded\\. It resolved the concern " + concern + "\\."
					: "Resolution \\d+ recorded\\.");
	}

	/**
	 * The person's position, stated in the session: from the session's buy-in table to
	 * the position's page, where its form changes it.
	 */
	/**
	 * States the person's position from their position page's form; answers the page it
	 * leads to.
	 */
	private static String states(Reader reader, String session, String handle, String stance, String conditions) {
		SessionPage page = reader.visits(session, SessionPage::new);
		Page position = page.clicks(reader.find(By.cssSelector("tr[id$='-" + handle + "'] a.stance-link")), Page::new);
		position.ticks(stance);
		if (conditions != null) {
			position.fillsIn("Conditions (required for an ack with conditions)", conditions);
		}
		position = position.pressesButton("Save the position", Page::new);
		assertThat(position.text()).doesNotContain("was not saved");
		return position.text();
	}

	/** Chooses the Rust proposal where a form asks which proposal, if it asks. */
	private static void choosesRust(Page form, String label) {
		if (!form.reader.driver().findElements(By.xpath("//label[normalize-space()='" + label + "']")).isEmpty()) {
			form.chooses(label, "rust-for-linux: " + TITLE);
		}
	}

	private static WebElement carriedRow(Reader reader, String key) {
		return reader.find(By
			.xpath("//section[contains(@class,'carried-concerns')]//tr[td//code[normalize-space()='" + key + "']]"));
	}

	private static String concernRow(Reader reader, String key) {
		return reader
			.find(By.xpath("//section[@aria-labelledby='concerns']//tr[td//code[normalize-space()='" + key + "']]"))
			.getText();
	}

}
