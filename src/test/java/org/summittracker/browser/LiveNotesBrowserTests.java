package org.summittracker.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.support.Fixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The note-taker's journey: from the session page to the live notes, ten notes taken with
 * the keyboard only (Enter in the speaker field or Ctrl+Enter in the text, never a
 * click), the focus back in the speaker field after each; then a concern and a follow-up
 * filed from notes, each linking back to its note. Once with JavaScript (htmx puts each
 * note in place, the page never reloads) and once without (the page reloads at the form).
 * Each uses a session of its own.
 */
@BrowserTest
class LiveNotesBrowserTests {

	static final String[][] DISCUSSION = { { "0", "p", "Merge Rust support as an experiment." },
			{ "1", "q", "Which compiler versions would we require?" }, { "0", "a", "The latest stable rustc." },
			{ "2", "o", "Bisection breaks when the toolchain moves every six weeks." },
			{ "1", "r", "Distributions pin their compilers anyway." },
			{ "2", "q", "Who maintains the bindings when a C API changes?" },
			{ "0", "a", "The Rust for Linux team, with the subsystem's maintainer." },
			{ "1", "r", "Drivers are the natural place to start." },
			{ "2", "p", "Keep it optional in Kconfig until it proves itself." },
			{ "0", "r", "Agreed: revisit at next year's summit." } };

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNoteTakerRecordsTheDiscussionWithTheKeyboardOnly(Reader reader) {
		String sessionPath = this.fixture.session("live-journey", 0, 0, 3);
		Page live = opensLiveNotes(reader, sessionPath);
		takesTheDiscussion(reader.driver(), sessionPath, speakers(sessionPath), true);
		assertRecorded(live, sessionPath);
		filesFromNotes(reader, sessionPath, speakers(sessionPath));
	}

	@Test
	void theSameWithoutJavaScript(Reader reader) {
		String sessionPath = this.fixture.session("live-journey-no-js", 0, 0, 3);
		withoutJavaScript(reader, () -> {
			Page live = opensLiveNotes(reader, sessionPath);
			takesTheDiscussion(reader.driver(), sessionPath, speakers(sessionPath), false);
			assertRecorded(live, sessionPath);
			filesFromNotes(reader, sessionPath, speakers(sessionPath));
		});
	}

	/** Does the work in a browser that runs no script, as some note-takers' do. */
	static void withoutJavaScript(Reader reader, Runnable work) {
		ChromeDriver driver = reader.driver();
		driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		try {
			work.run();
		}
		finally {
			driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		}
	}

	/**
	 * The ten notes of {@link #DISCUSSION}, keyboard only, on the live view that is open;
	 * speaker n of the discussion is {@code speakers[n]}. With JavaScript each note
	 * appears in place (the page never reloads); without, the page reloads at the form.
	 * Either way the focus is back in the speaker field after each.
	 */
	static void takesTheDiscussion(ChromeDriver driver, String sessionPath, String[] speakers, boolean javaScript) {
		// Marks this page: still there after ten notes means the page never reloaded.
		driver.executeScript("window.sameLivePage = true;");
		for (int i = 0; i < DISCUSSION.length; i++) {
			Save save = (i % 2 != 0) ? Save.ENTER_IN_SPEAKER : javaScript ? Save.CTRL_ENTER : Save.TAB_TO_BUTTON;
			takesNote(driver, speakers[Integer.parseInt(DISCUSSION[i][0])], DISCUSSION[i], save);
			waitForNotes(driver, i + 1);
			assertThat(focused(driver)).as("the focus after note %d", i + 1).isEqualTo("note-speaker");
			if (javaScript) {
				assertThat(driver.findElement(By.id("note-body")).getAttribute("value")).isEmpty();
			}
			else {
				assertThat(driver.getCurrentUrl()).endsWith(sessionPath + "/notes#new-note");
			}
		}
		assertThat(driver.executeScript("return (window.sameLivePage === true) + ' ' + typeof window.htmx;"))
			.isEqualTo(javaScript ? "true object" : "false undefined");
	}

	private static String[] speakers(String sessionPath) {
		String slug = sessionPath.substring(sessionPath.lastIndexOf('/') + 1);
		return new String[] { slug + "-p0", slug + "-p1", slug + "-p2" };
	}

	/** How a note is saved from the keyboard. */
	private enum Save {

		CTRL_ENTER, ENTER_IN_SPEAKER, TAB_TO_BUTTON

	}

	private static Page opensLiveNotes(Reader reader, String sessionPath) {
		// The first page a fresh browser loads settles before the sign-in form is used.
		reader.opensHome();
		reader.signsInAs("organizer");
		Page live = reader.visits(sessionPath).followsLink("Live notes");
		assertThat(live.heading()).isEqualTo("Live notes");
		assertThat(focused(reader.driver())).as("the focus on arrival").isEqualTo("note-speaker");
		return live;
	}

	/**
	 * Speaker (a handle, typed), Tab, kind (its first letter picks it), Tab, what was
	 * said; then saves as {@code save} says. Keys only, all to the focused element.
	 */
	private static void takesNote(ChromeDriver driver, String speaker, String[] note, Save save) {
		type(driver, speaker);
		type(driver, Keys.TAB);
		type(driver, note[1]);
		type(driver, Keys.TAB);
		assertThat(focused(driver)).isEqualTo("note-body");
		type(driver, note[2]);
		switch (save) {
			case CTRL_ENTER -> type(driver, Keys.chord(Keys.CONTROL, Keys.ENTER));
			case ENTER_IN_SPEAKER -> {
				type(driver, Keys.chord(Keys.SHIFT, Keys.TAB));
				type(driver, Keys.chord(Keys.SHIFT, Keys.TAB));
				assertThat(focused(driver)).isEqualTo("note-speaker");
				type(driver, Keys.ENTER);
			}
			case TAB_TO_BUTTON -> {
				type(driver, Keys.TAB);
				type(driver, Keys.ENTER);
			}
		}
	}

	private static void type(ChromeDriver driver, CharSequence keys) {
		driver.switchTo().activeElement().sendKeys(keys);
	}

	private static String focused(ChromeDriver driver) {
		return driver.switchTo().activeElement().getAttribute("id");
	}

	private static void waitForNotes(ChromeDriver driver, int count) {
		new WebDriverWait(driver, Duration.ofSeconds(10), Page.POLL)
			.until((d) -> d.findElements(By.cssSelector("#notes > li")).size() == count
					&& "note-speaker".equals(d.switchTo().activeElement().getAttribute("id")));
	}

	private void assertRecorded(Page live, String sessionPath) {
		List<String> shown = live.itemsOf("Notes so far").stream().filter((item) -> item.contains("Person")).toList();
		assertThat(shown).hasSize(DISCUSSION.length);
		for (int i = 0; i < DISCUSSION.length; i++) {
			assertThat(shown.get(i)).contains(DISCUSSION[i][2]);
		}
		assertThat(shown.get(1)).contains("Question");
		assertThat(shown.get(3)).contains("Objection");
		String slug = sessionPath.substring(sessionPath.lastIndexOf('/') + 1);
		assertThat(this.jdbc.queryForList("""
				select p.handle || ' ' || n.kind || ' ' || n.body from discussion_note n
				join summit_session s on s.id = n.session_id join person p on p.id = n.speaker_id
				where s.slug = ? order by n.seq
				""", String.class, slug)).containsExactly(java.util.Arrays.stream(DISCUSSION)
			.map((note) -> slug + "-p" + note[0] + " " + kind(note[1]) + " " + note[2])
			.toArray(String[]::new));
	}

	/**
	 * Note 4 (an objection) becomes a concern raised by its speaker, note 10 a follow-up
	 * owned by its speaker; each links back to its note, and the live view shows both.
	 */
	static void filesFromNotes(Reader reader, String sessionPath, String[] speakers) {
		ChromeDriver driver = reader.driver();
		noteItem(driver, 4).findElement(By.partialLinkText("File as concern")).click();
		Page form = new Page(reader);
		assertThat(form.heading()).isEqualTo("File a concern");
		assertThat(form.field("Raised by (handle)").getAttribute("value")).isEqualTo(speakers[2]);
		assertThat(form.field("Title").getAttribute("value")).isEqualTo(DISCUSSION[3][2]);
		form.chooses("Category", "Bisection");
		ConcernPage concern = form.pressesButton("File the concern", ConcernPage::new);
		assertThat(concern.section("From the discussion")).contains("Note 4", DISCUSSION[3][2]);
		Page note = concern.followsLink("Note 4");
		assertThat(note.heading()).isEqualTo("Note 4");

		Page live = reader.visits(sessionPath + "/notes");
		noteItem(driver, 10).findElement(By.partialLinkText("Add follow-up")).click();
		Page followUpForm = new Page(reader);
		assertThat(followUpForm.field("Owner (handle, such as ojeda)").getAttribute("value")).isEqualTo(speakers[0]);
		followUpForm.fillsIn("What is to be done", "Revisit Rust at next year's summit");
		Page followUp = followUpForm.pressesButton("Assign the follow-up", Page::new);
		assertThat(followUp.section("From the discussion")).contains("Note 10", DISCUSSION[9][2]);

		live = reader.visits(sessionPath + "/notes");
		assertThat(noteItem(driver, 4).getText()).contains("Concern:", DISCUSSION[3][2]);
		assertThat(noteItem(driver, 10).getText()).contains("Follow-up:", "Revisit Rust at next year's summit");
		assertThat(live.heading()).isEqualTo("Live notes");
	}

	private static WebElement noteItem(ChromeDriver driver, int seq) {
		return driver.findElement(By.cssSelector("#notes > li[value='" + seq + "']"));
	}

	private static String kind(String letter) {
		return switch (letter) {
			case "p" -> "PROPOSAL";
			case "q" -> "QUESTION";
			case "a" -> "ANSWER";
			case "o" -> "OBJECTION";
			default -> "REMARK";
		};
	}

}
