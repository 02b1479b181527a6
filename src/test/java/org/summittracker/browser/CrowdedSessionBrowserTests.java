package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session with more positions and concerns than its page shows: a reader follows "The
 * first 100 of 111" from the buy-in table to the whole table, a page at a time; a
 * maintainer cites a concern that is not among the form's checkboxes by its key.
 */
@BrowserTest
class CrowdedSessionBrowserTests {

	@Autowired
	Fixture fixture;

	@Test
	void aReaderFollowsTheFirstRowsOfTheBuyInToAllOfThemAndAMaintainerCitesAConcernByKey(Reader reader) {
		String url = this.fixture.newSession("crowded", 1, 1, 1).url();
		this.fixture.crowd(url, 110);

		SessionPage session = reader.visits(url, SessionPage::new);
		assertThat(session.section("Buy-in")).contains("The first 100 of 111");
		Page buyIn = session.followsLink("The first 100 of 111");
		assertThat(buyIn.path()).isEqualTo(url + "/buy-in");
		assertThat(buyIn.text()).contains("Page 1 of 2", "Crowd 001").doesNotContain("Crowd 110");
		buyIn = buyIn.followsLink("Next");
		assertThat(buyIn.text()).contains("Page 2 of 2", "Crowd 110");

		String maintainer = this.fixture.personWithAccount("crowd-maintainer", Role.MAINTAINER);
		reader.signsInAs(maintainer, Fixture.PASSWORD);
		session = reader.visits(url, SessionPage::new);
		session.ticks("Concerned (cite at least one concern)");
		session.fillsIn("Other concerns cited (their keys)", "crowded-110 no-such-concern");
		Page refused = session.pressesButton("Save the position", Page::new);
		assertThat(refused.text()).contains("This session has no concern no-such-concern.");
		refused.fillsIn("Other concerns cited (their keys)", "crowded-110");
		refused.pressesButton("Save the position", SessionPage::new);
		assertThat(reader.visits(url + "/positions/" + maintainer).text()).contains("Concerned", "crowded-110");
	}

}
