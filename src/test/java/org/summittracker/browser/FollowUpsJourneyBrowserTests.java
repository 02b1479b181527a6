package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer records a resolution on the Rust session and assigns a follow-up from it;
 * its owner signs in, finds it waiting on the home page and marks it done. (Tolerates
 * what other journeys add to the demo session.)
 */
@BrowserTest
class FollowUpsJourneyBrowserTests {

	static final String SESSION_URL = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	@Test
	void anOrganizerRecordsAResolutionAndAssignsAFollowUpThatItsOwnerMarksDone(Reader reader) {
		String statement = "Hardening work starts with the WiFi drivers " + System.nanoTime();
		String title = "Propose a Rust WiFi driver " + System.nanoTime();

		reader.signsInAs("organizer");
		SessionPage session = reader.visits(SESSION_URL, SessionPage::new);
		Page form = session.followsLink("Record a resolution");
		assertThat(form.heading()).isEqualTo("Record a resolution");
		form.fillsIn("Statement", statement);
		form.chooses("Outcome", "Experiment");
		reader.find(org.openqa.selenium.By.id("concern-toolchain-stability")).click();
		Page back = form.pressesButton("Record the resolution", Page::new);
		assertThat(back.flash()).matches("Resolution \\d+ recorded\\.");
		String seq = back.flash().replaceAll("\\D", "");
		assertThat(back.section("Resolutions")).contains(statement, "Experiment", "toolchain-stability");

		Page assign = back.followsLink("Assign a follow-up");
		assign.fillsIn("What is to be done", title);
		assign.fillsIn("Owner (handle, such as ojeda)", "keescook");
		assign.chooses("Implements the resolution (optional)", seq + ". Experiment: " + statement);
		FollowUpPage assigned = assign.pressesButton("Assign the follow-up", FollowUpPage::new);
		assertThat(assigned.flash()).isEqualTo("Follow-up assigned to keescook.");
		assertThat(assigned.heading()).isEqualTo("Follow-up: " + title);
		assertThat(assigned.status()).isEqualTo("Open");
		reader.signsOut();

		HomePage home = reader.signsInAs("keescook");
		assertThat(home.section("Waiting on me")).contains(title);
		FollowUpPage mine = home.followsLink(title, FollowUpPage::new);
		FollowUpPage done = mine.marks("Done");
		assertThat(done.flash()).isEqualTo("Follow-up marked done.");
		assertThat(done.status()).isEqualTo("Done");
		assertThat(done.history()).contains("keescook", "open → done", "organizer", "Follow-up assigned to keescook");
		assertThat(reader.opensHome().section("Waiting on me")).doesNotContain(title);
	}

}
