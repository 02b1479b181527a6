package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.summittracker.support.Fixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A maintainer files a concern from the session page: the first submit lacks a title and
 * a blocking reason and is refused with inline messages, the corrected one is filed, and
 * the concern shows on the session page and its own. It uses a session of its own, so the
 * demo session other journeys read stays as it is.
 */
@BrowserTest
class FileAConcernBrowserTests {

	@Autowired
	Fixture fixture;

	@Test
	void aMaintainerFilesAConcern(Reader reader) {
		String sessionPath = this.fixture.session("concern-journey", 0, 0, 1);
		// The first page a fresh browser loads settles before the sign-in form is used.
		reader.opensHome();
		reader.signsInAs("viro");
		SessionPage session = reader.visits(sessionPath, SessionPage::new);
		Page form = session.followsLink("File a concern");
		assertThat(form.heading()).isEqualTo("File a concern");

		form.chooses("Category", "Bisection");
		form.fillsIn("Description (Markdown)", "Bisecting needs **one** compiler per step. <script>alert(1)</script>");
		form.ticks("It blocks the proposal");
		Page refused = form.pressesButton("File the concern", Page::new);
		assertThat(refused.flash()).contains("The concern was not saved");
		assertThat(refused.text()).contains("Give the concern a title.", "Say why the concern blocks the proposal.");

		refused.fillsIn("Title", "Bisection needs a pinned compiler");
		refused.fillsIn("Why it blocks", "Nobody can bisect the Rust code otherwise.");
		ConcernPage concern = refused.pressesButton("File the concern", ConcernPage::new);
		assertThat(concern.path()).isEqualTo(sessionPath + "/concerns/bisection-needs-a-pinned-compiler");
		assertThat(concern.heading()).isEqualTo("bisection-needs-a-pinned-compiler Bisection needs a pinned compiler");
		assertThat(concern.status()).contains("Open", "Blocking", "Raised by Al Viro");
		assertThat(concern.facts()).containsEntry("Category", "Bisection")
			.containsEntry("Why it blocks", "Nobody can bisect the Rust code otherwise.");
		assertThat(concern.section("Description"))
			.contains("Bisecting needs one compiler per step. <script>alert(1)</script>");
		assertThat(concern.section("Status history")).contains("Raised as Open");

		SessionPage back = concern.opensSession();
		assertThat(back.section("Open blocking concerns")).contains("bisection-needs-a-pinned-compiler");
		assertThat(back.section("Concerns")).contains("Bisection needs a pinned compiler", "Al Viro");
	}

}
