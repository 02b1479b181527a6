package org.summittracker.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import org.summittracker.support.Fixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer records a resolution on the Rust session and assigns a follow-up from it;
 * its owner signs in, finds it waiting on the home page and marks it done. (Tolerates
 * what other journeys add to the demo session.) On a session with more concerns than the
 * forms offer, an organizer names concerns beyond them by their keys, a wrong key first.
 */
@BrowserTest
class FollowUpsJourneyBrowserTests {

	static final String SESSION_URL = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	@Autowired
	Fixture fixture;

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
		reader.find(By.id("concern-toolchain-stability")).click();
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
		assertThat(done.history()).contains("Kees Cook", "open → done", "Demo Organizer",
				"Follow-up assigned to keescook");
		assertThat(reader.opensHome().section("Waiting on me")).doesNotContain(title);
	}

	@Test
	void onACrowdedSessionAnOrganizerNamesConcernsBeyondTheFormsChoicesByTheirKeys(Reader reader) {
		// 110 open concerns raised before the session's own: the forms offer the first
		// 100
		Fixture.Built built = this.fixture.newSession("crowded-keys", 1, 1, 1);
		this.fixture.crowd(built.url(), 110);
		String statement = "Start with the oldest drivers " + System.nanoTime();
		String title = "Survey the drivers " + System.nanoTime();

		reader.signsInAs("organizer");
		SessionPage session = reader.visits(built.url(), SessionPage::new);
		Page form = session.followsLink("Record a resolution");
		assertThat(reader.driver().findElements(By.cssSelector("input[name=concerns][type=checkbox]"))).hasSize(100);
		form.fillsIn("Statement", statement);
		form.fillsIn("Other concerns it addresses (their keys)", "crowded-110 no-such-concern");
		Page refused = form.pressesButton("Record the resolution", Page::new);
		assertThat(refused.text()).contains("The resolution was not recorded",
				"This session has no concern no-such-concern.");
		refused.fillsIn("Other concerns it addresses (their keys)", "crowded-110");
		Page back = refused.pressesButton("Record the resolution", Page::new);
		assertThat(back.flash()).matches("Resolution \\d+ recorded\\.");
		assertThat(back.section("Resolutions")).contains(statement, "crowded-110");

		Page assign = back.followsLink("Assign a follow-up");
		assign.fillsIn("What is to be done", title);
		assign.fillsIn("Owner (handle, such as ojeda)", built.person(0));
		assign.fillsIn("Or another concern of this session (its key)", "crowded-105");
		FollowUpPage assigned = assign.pressesButton("Assign the follow-up", FollowUpPage::new);
		assertThat(assigned.heading()).isEqualTo("Follow-up: " + title);
		assertThat(assigned.text()).contains("crowded-105");
		// its edit form shows the concern chosen, though the list offers the first 100
		assertThat(new Select(reader.find(By.id("concern"))).getFirstSelectedOption().getText())
			.startsWith("crowded-105: ");
	}

}
