package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.summittracker.browser.AuthoringJourneyBrowserTests.addSession;
import static org.summittracker.browser.AuthoringJourneyBrowserTests.sets;

/**
 * An organizer follows one proposal across two summits: makes it in a session of a 2021
 * summit, links it to a session of the 2022 summit, where the concern raised in 2021 is
 * carried forward and resolved; the proposal page then shows both sessions in order, the
 * concern resolved (in 2022) and the buy-in, and the person page links to the proposal.
 * The summits are its own (dated like the demo's and the next one), so the demo event
 * other journeys read keeps its one session.
 */
@BrowserTest
class ProposalAcrossEventsBrowserTests {

	@Autowired
	Fixture fixture;

	@Test
	void anOrganizerFollowsAProposalFromOneSummitToTheNext(Reader reader) {
		long n = System.nanoTime() % 1_000_000_000L;
		String key = "rust-trial-" + n;
		String organizer = this.fixture.personWithAccount("across-organizer", Role.ORGANIZER);
		String developer = this.fixture.person("across-dev");
		reader.opensHome();
		reader.signsInAs(organizer, Fixture.PASSWORD);

		// 2021: a session that discusses a new proposal.
		Page first = session(reader, "Summit 2021 " + n, "2021-09-20", "Rust in 2021 " + n);
		String firstPath = first.path();
		Page proposals = first.followsLink("Proposals discussed");
		proposals.fillsIn("Key", key);
		proposals.fillsIn("Title", "A Rust trial " + n);
		proposals.fillsIn("Statement", "Merge minimal Rust support as a trial.");
		proposals = proposals.pressesButton("Discuss it here", Page::new);
		assertThat(proposals.text()).contains(key, "A Rust trial " + n);

		// A concern about it is raised there.
		Page form = reader.visits(firstPath).followsLink("File a concern");
		form.fillsIn("Title", "Changes across subsystems " + n);
		form.chooses("Category", "Bisection");
		form.fillsIn("Description (Markdown)", "Who fixes Rust code when a C interface changes?");
		ConcernPage concern = form.pressesButton("File the concern", ConcernPage::new);
		String concernKey = "changes-across-subsystems-" + n;
		assertThat(concern.path()).isEqualTo(firstPath + "/concerns/" + concernKey);

		// 2022: a session of the next summit discusses the same proposal.
		Page second = session(reader, "Summit 2022 " + n, "2022-09-12", "Rust in 2022 " + n);
		String secondPath = second.path();
		proposals = second.followsLink("Proposals discussed");
		proposals.fillsIn("Key", key);
		proposals = proposals.pressesButton("Discuss it here", Page::new);
		assertThat(proposals.text()).contains(key, "A Rust trial " + n);

		// The concern still open is carried forward into it, and resolved there.
		SessionPage later = reader.visits(secondPath, SessionPage::new);
		assertThat(later.section("Concerns carried forward")).contains(concernKey, "Changes across subsystems " + n,
				"Summit 2021 " + n, "Open");
		concern = later.followsLink("Respond or resolve", ConcernPage::new);
		concern.ticks("Resolved");
		concern.fillsIn("Note (required to resolve; the reason, to overrule)",
				"Subsystem maintainers may refuse Rust code they cannot maintain.");
		concern = concern.pressesButton("Change the status", ConcernPage::new);
		assertThat(concern.status()).contains("Resolved");
		// Resolved in 2022: still listed there, as handled in that session, and no longer
		// carried into a later one.
		assertThat(reader.visits(secondPath, SessionPage::new).section("Concerns carried forward")).contains(concernKey,
				"Resolved");

		// A position stated in the 2022 session.
		later = reader.visits(secondPath, SessionPage::new);
		later.fillsIn("Whose position (handle; leave empty for your own)", developer);
		later.ticks("Supports (Acked-by)");
		later = later.pressesButton("Save the position", SessionPage::new);
		assertThat(later.flash()).isEqualTo("The position of " + developer + " is saved, as stated in the session.");

		// The proposal's life: both sessions in order, the concern resolved, the buy-in.
		Page proposal = later.followsLink("A Rust trial " + n);
		assertThat(proposal.path()).isEqualTo("/proposals/" + key);
		assertThat(proposal.itemsOf("Discussed at")).satisfiesExactly(
				(session) -> assertThat(session).contains("2021-09-20", "Summit 2021 " + n, "Rust in 2021 " + n),
				(session) -> assertThat(session).contains("2022-09-12", "Summit 2022 " + n, "Rust in 2022 " + n));
		// One concern (its row, then the steps listed in it).
		assertThat(proposal.itemsOf("Concerns")).filteredOn((row) -> row.contains(concernKey))
			.singleElement()
			.asString()
			.contains("Changes across subsystems " + n, "Resolved in Summit 2022 " + n);
		assertThat(proposal.itemsOf("Buy-in today"))
			.anySatisfy((row) -> assertThat(row).contains("Person " + developer, "Acked-by", "Stated in session"));

		// The person page lists the proposal, with the stance, and links to it.
		PersonPage person = reader.visits("/people/" + developer, PersonPage::new);
		assertThat(person.positions()).singleElement()
			.asString()
			.contains(key, "A Rust trial " + n, "Rust in 2022 " + n, "Acked-by");
		assertThat(person.followsLink("A Rust trial " + n).path()).isEqualTo("/proposals/" + key);
	}

	/**
	 * A reader pages through a proposal's concerns on its page, 25 at a time, and back:
	 * the address names the page, so it can be linked to.
	 */
	@Test
	void aReaderPagesThroughAProposalsConcernsOnItsPage(Reader reader) {
		Fixture.Built session = this.fixture.newSession("paged", 1, 1, 1);
		this.fixture.moreConcerns(session, 30, 0);
		String path = "/proposals/" + session.slug();
		reader.opensHome();
		Page proposal = reader.visits(path);
		// The session's own concern first, then the 30 raised after it.
		assertThat(proposal.section("Concerns")).contains("Concern 0", "More concern 024", "Page 1 of 2", "31 in all")
			.doesNotContain("More concern 025");
		Page second = proposal.followsLink("Next");
		assertThat(second.path()).isEqualTo(path + "?concerns=2");
		assertThat(second.section("Concerns")).contains("More concern 025", "More concern 030", "Page 2 of 2")
			.doesNotContain("More concern 024");
		Page first = second.followsLink("Previous");
		assertThat(first.path()).isEqualTo(path);
		assertThat(first.section("Concerns")).contains("More concern 001", "Page 1 of 2");
	}

	/**
	 * A new summit starting on {@code day} with one session; answers the session page.
	 */
	static Page session(Reader reader, String name, String day, String title) {
		Page form = reader.visits("/events").followsLink("New event");
		form.fillsIn("Name", name);
		sets(reader, "startsOn", day);
		sets(reader, "endsOn", day);
		form.fillsIn("Location", "Somewhere");
		Page event = form.pressesButton("Create the event", Page::new);
		assertThat(event.flash()).isEqualTo("Created the event " + name + ".");
		event = addSession(event, title, day, "09:30");
		return event.followsLink(title);
	}

}
