package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the session page says that only the minutes said before: the proposal a resolution
 * decides, and every subsystem a position given by mail speaks for (not only when it
 * speaks for one). Signed out, on a session of its own.
 */
@BrowserTest
class SessionPageFactsBrowserTests {

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aReaderSeesWhichProposalAResolutionDecidesAndWhatAPositionSpeaksFor(Reader reader) {
		Built built = this.fixture.newSession("facts", 0, 2, 3);
		String proposal = built.slug();
		String person = built.person(1);
		// The first resolution decides the session's proposal; the second, all of them.
		this.jdbc.update("""
				update resolution set proposal_id = (select id from proposal where key = ?)
				where seq = 1 and session_id = (select id from summit_session where slug = ?)
				""", proposal, built.slug());
		// The second person's position, given by mail, speaks for two subsystems.
		this.jdbc.update("""
				update position set stance = 'SUPPORTS', conditions = null, rationale = null, entry_method = 'BY_MAIL',
					mail_message_id = '<facts-ack@example.org>', mail_trailer = 'ACKED', speaks_for_id = null
				where person_id = (select id from person where handle = ?)
				""", person);
		this.jdbc.update("""
				insert into position_speaks_for (position_id, subsystem_id)
				select p.id, s.id from position p, subsystem s
				where p.person_id = (select id from person where handle = ?) and s.slug in (?, ?)
				""", person, built.slug() + "-s0", built.slug() + "-s1");

		SessionPage page = reader.visits(built.url(), SessionPage::new);

		assertThat(page.itemsOf("Resolutions")).satisfiesExactly(
				(first) -> assertThat(first).contains("Resolution 0", "decides proposal " + proposal),
				(second) -> assertThat(second).contains("Resolution 1").doesNotContain("decides proposal"));
		assertThat(page.itemsOf("Buy-in")).anySatisfy((row) -> assertThat(row).contains(person, "By mail",
				"Subsystem 0 of " + built.slug() + ", Subsystem 1 of " + built.slug()));
	}

}
