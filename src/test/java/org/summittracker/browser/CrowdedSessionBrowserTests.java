package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session with more positions and concerns than its page shows: a reader follows "The
 * first 100 of 111" from the buy-in table to the whole table, a page at a time; a
 * maintainer cites a concern that is not among the form's checkboxes by its key; a reader
 * follows "The first 50 of 66" from the follow-ups to the list of the session's
 * follow-ups.
 */
@BrowserTest
class CrowdedSessionBrowserTests {

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

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

	@Test
	void aReaderFollowsTheFirstFollowUpsToTheListOfTheSessionsFollowUps(Reader reader) {
		Fixture.Built built = this.fixture.newSession("crowded-fu", 1, 1, 1);
		this.jdbc.update("""
				insert into follow_up (session_id, title, owner_id, due_on)
				select s.id, 'Crowded follow-up ' || lpad(n::text, 3, '0'), (select min(id) from person),
				       date '2030-01-01' + n
				from summit_session s join event e on e.id = s.event_id, generate_series(1, 60) n
				where e.slug = ? and s.slug = ?""", built.eventSlug(), built.slug());
		long all = this.jdbc.queryForObject(
				"select count(*) from follow_up f join summit_session s"
						+ " on s.id = f.session_id join event e on e.id = s.event_id where e.slug = ? and s.slug = ?",
				Long.class, built.eventSlug(), built.slug());

		SessionPage session = reader.visits(built.url(), SessionPage::new);
		assertThat(session.section("Follow-ups")).contains("The first 50 of " + all);
		Page list = session.followsLink("The first 50 of " + all + ": list them all");
		assertThat(list.path()).isEqualTo("/follow-ups?event=" + built.eventSlug() + "&session=" + built.slug());
		assertThat(list.text()).contains(all + " follow-ups", "Page 1 of 3");
		list = list.followsLink("Next");
		assertThat(list.path()).contains("session=" + built.slug(), "page=2");
		list = list.followsLink("Next");
		assertThat(list.text()).contains("Page 3 of 3", "Crowded follow-up 060");
	}

}
