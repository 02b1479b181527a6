package org.summittracker.position;

import java.util.List;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages judge readiness from bounded reads (the maintainers' positions, the first rows,
 * the first opposers and blocking concerns, and the number of each): the verdict, the
 * counts and the sentences are those of the whole buy-in, and a crowded session's pages
 * read as many statements as a small one's.
 */
@SummitIntegrationTest
class BoundedReadinessTests {

	/** Positions in the crowded session: more than a page of rows shows. */
	static final int CROWDED = 230;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	BuyInQueries buyIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void aCrowdedSessionsBoundedBuyInSaysWhatTheWholeOneSays() {
		Fixture.Built built = this.fixture.newSession("bounded-readiness", 1, 40, CROWDED);
		String sub = this.fixture.subProposal(built.eventSlug(), built.slug(), built.slug() + "-part");
		long session = sessionId(built);
		String reader = this.fixture.personWithAccount("bounded-reader", Role.MAINTAINER);
		long readerId = this.fixture.personId(reader);
		// the reader's position on the sub-proposal comes after every other by name
		this.jdbc.update("update person set name = 'Zz ' || handle where id = ?", readerId);
		this.jdbc.update("insert into position (session_id, person_id, stance, rationale, entry_method, entered_by_id,"
				+ " proposal_id) select ?, ?, 'OPPOSES', 'No', 'BY_MAINTAINER', ?, id from proposal where key = ?",
				session, readerId, readerId, sub);

		sameAsTheWhole(session, readerId, "not ready");
		// ready: every position acks and no blocking concern is open
		this.jdbc.update(
				"update position set stance = 'SUPPORTS', rationale = null, conditions = null"
						+ " where proposal_id in (select proposal_id from session_proposal where session_id = ?)",
				session);
		this.jdbc.update("update concern set blocking = false, blocking_reason = null where session_id = ?", session);
		sameAsTheWhole(session, readerId, "ready");
	}

	private void sameAsTheWhole(long session, long readerId, String verdict) {
		List<ProposalBuyIn> whole = this.buyIn.forProposals(session);
		BuyInQueries.Shown shown = this.buyIn.shown(session, readerId);
		List<ProposalBuyIn> bounded = shown.proposals().get(session);
		assertThat(bounded).hasSameSizeAs(whole).hasSize(2);
		for (int i = 0; i < whole.size(); i++) {
			ProposalBuyIn all = whole.get(i);
			ProposalBuyIn first = bounded.get(i);
			Readiness expected = all.readiness();
			Readiness actual = first.readiness();
			assertThat(first.proposal()).isEqualTo(all.proposal());
			assertThat(actual.isReady()).as(verdict).isEqualTo(expected.isReady());
			assertThat(actual.missing()).isEqualTo(expected.missing());
			assertThat(actual.acked()).isEqualTo(expected.acked());
			assertThat(actual.missingCount()).isEqualTo(expected.missingCount());
			assertThat(actual.ackedCount()).isEqualTo(expected.ackedCount());
			assertThat(actual.subsystems()).isEqualTo(expected.subsystems());
			assertThat(actual.opposerCount()).isEqualTo(expected.opposerCount());
			assertThat(actual.openBlockingCount()).isEqualTo(expected.openBlockingCount());
			assertThat(first.buyIn().positionCount()).isEqualTo(all.buyIn().positions().size());
			assertThat(first.buyIn().rowCount()).isEqualTo(all.buyIn().rowCount());
			assertThat(first.buyIn().hasRows()).isEqualTo(all.buyIn().hasRows());
			assertThat(first.buyIn().shownRows().getContent()).isEqualTo(all.buyIn().shownRows().getContent());
			assertThat(first.buyIn().shownRows().getTotalElements())
				.isEqualTo(all.buyIn().shownRows().getTotalElements());
			assertThat(shown.readerPositions().get(first.proposal().id())).isEqualTo(all.buyIn().positionOf(readerId));
		}
		ProposalBuyIn main = whole.get(0);
		assertThat(main.buyIn().positions()).hasSize(CROWDED);
		assertThat(main.readiness().missing()).hasSizeLessThan(main.readiness().missingCount() + 1);
		// read: the maintainers' positions and the first page's others, no more
		assertThat(bounded.get(0).buyIn().positions()).hasSizeLessThanOrEqualTo(SessionBuyIn.SHOWN + 5);
		assertThat(bounded.get(0).buyIn().isWhole()).isFalse();
		if ("not ready".equals(verdict)) {
			assertThat(main.readiness().opposerCount()).isGreaterThan(Readiness.NAMED);
			assertThat(main.readiness().openBlockingCount()).isGreaterThan(Readiness.NAMED);
			assertThat(main.readiness().missing()).contains(
					"Nacked-by " + (main.readiness().opposerCount() - Readiness.NAMED) + " more people",
					(main.readiness().openBlockingCount() - Readiness.NAMED) + " more blocking concerns open");
		}
		assertThat(main.readiness().isReady()).isEqualTo("ready".equals(verdict));
		SessionBuyIn sessions = this.buyIn.forSessions(List.of(session)).get(session);
		assertThat(this.buyIn.summaries(List.of(session), 5)).isEqualTo(java.util.Map.of(session, sessions.summary(5)));
		assertThat(this.buyIn.judged(List.of(session)).get(session).readiness().subsystems())
			.isEqualTo(sessions.readiness().subsystems());
	}

	@Test
	void aCrowdedSessionsPagesReadAsManyStatementsAsASmallOnesAndShowTheReadersOwnPosition() throws Exception {
		Fixture.Built small = this.fixture.newSession("bounded-small", 1, 3, 3);
		Fixture.Built crowded = this.fixture.newSession("bounded-crowded", 1, 40, CROWDED);
		String reader = this.fixture.personWithAccount("bounded-own", Role.MAINTAINER);
		long readerId = this.fixture.personId(reader);
		this.jdbc.update("update person set name = 'Zz ' || handle where id = ?", readerId);
		this.jdbc.update("insert into position (session_id, person_id, stance, entry_method, entered_by_id,"
				+ " proposal_id) select ?, ?, 'UNDECIDED', 'STATED_IN_SESSION', ?, proposal_id from session_proposal"
				+ " where session_id = ?", sessionId(crowded), readerId, readerId, sessionId(crowded));
		MockHttpSession signedIn = SignIn.as(this.mvc, reader, Fixture.PASSWORD);
		assertThat(statements(crowded.url(), null)).isEqualTo(statements(small.url(), null));
		assertThat(statements(crowded.url(), signedIn)).isEqualTo(statements(small.url(), signedIn));
		assertThat(statements("/proposals/" + crowded.slug(), null))
			.isEqualTo(statements("/proposals/" + small.slug(), null));
		assertThat(statements("/events/" + crowded.eventSlug(), null))
			.isEqualTo(statements("/events/" + small.eventSlug(), null));
		// the reader's position is past the first page of rows, and their form has it
		String page = this.mvc.perform(get(crowded.url()).session(signedIn))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/positions/" + reader + "/withdrawal")
			.doesNotContain("<tr id=\"position-" + reader + "\"");
	}

	private long statements(String url, MockHttpSession session) throws Exception {
		this.mvc.perform((session != null) ? get(url + "?warm=1").session(session) : get(url + "?warm=1"));
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		statistics.clear();
		this.mvc
			.perform((session != null) ? get(url + "?n=" + System.nanoTime()).session(session)
					: get(url + "?n=" + System.nanoTime()))
			.andExpect(status().isOk());
		return statistics.getPrepareStatementCount();
	}

	private long sessionId(Fixture.Built built) {
		return this.jdbc.queryForObject("select s.id from summit_session s join event e on e.id = s.event_id"
				+ " where e.slug = ? and s.slug = ?", Long.class, built.eventSlug(), built.slug());
	}

}
