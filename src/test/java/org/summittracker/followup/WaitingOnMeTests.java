package org.summittracker.followup;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signed-in home page lists what waits on me, overdue follow-ups first, in a bounded
 * number of statements.
 */
@SummitIntegrationTest
class WaitingOnMeTests {

	static final int MAX_STATEMENTS = 12;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void myFollowUpsOverdueFirstMyOpenConcernsAndSessionsWhereIHaveNoPosition() throws Exception {
		// One person owns all six follow-ups, raised all three concerns and maintains the
		// five subsystems.
		this.fixture.session("waiting", 0, 3, 0);
		String me = "waiting-session-p0";
		this.jdbc.update("update follow_up set due_on = date '2099-01-01' where title = 'Follow-up 0' and owner_id ="
				+ " (select id from person where handle = ?)", me);
		this.jdbc.update("update follow_up set status = 'DONE' where title = 'Follow-up 5' and owner_id ="
				+ " (select id from person where handle = ?)", me);
		this.jdbc.update("update concern set status = 'WITHDRAWN' where key = 'concern-2' and raised_by_id ="
				+ " (select id from person where handle = ?)", me);
		MockHttpSession session = this.fixture.signIn(this.mvc, me, Role.MAINTAINER);
		String home = this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("Waiting on me", "4 follow-ups are overdue.", "Overdue by ");
		assertThat(home.indexOf("Follow-up 1")).isLessThan(home.indexOf("Follow-up 0"));
		assertThat(home).doesNotContain("Follow-up 5");
		assertThat(home).contains("concern-0", "concern-1").doesNotContain("concern-2");
		assertThat(home).contains("Proposals waiting on my position",
				"affects Subsystem 0 of waiting-session, Subsystem 1 of waiting-session");

		// Taking a position takes the session off the list.
		this.jdbc
			.update("insert into position (proposal_id, session_id, person_id, stance, entry_method, entered_by_id)"
					+ " select sp.proposal_id, s.id, p.id, 'SUPPORTS', 'BY_MAINTAINER', p.id"
					+ " from summit_session s join session_proposal sp on sp.session_id = s.id, person p"
					+ " where s.slug = 'waiting-session' and p.handle = ?", me);
		this.mvc.perform(get("/").session(session))
			.andExpect(content().string(not(containsString("affects Subsystem 0 of waiting-session"))));
	}

	@Test
	void anonymousReadersSeeNoWaitingList() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Waiting on me"))));
	}

	@Test
	void theHomePageIsBoundedWhateverIsWaiting() throws Exception {
		this.fixture.session("waiting-bound", 0, 3, 0);
		MockHttpSession session = this.fixture.signIn(this.mvc, "waiting-bound-session-p0", Role.MAINTAINER);
		long small = statementsFor(session);
		this.fixture.session("waiting-bound-big", 0, 30, 0);
		// Hand the bigger session's follow-ups, concerns and subsystems to the same
		// person: ten times as much.
		this.jdbc.update(
				"update follow_up set owner_id = (select id from person where handle = ?) where owner_id ="
						+ " (select id from person where handle = ?)",
				"waiting-bound-session-p0", "waiting-bound-big-session-p0");
		this.jdbc.update(
				"update concern set raised_by_id = (select id from person where handle = ?) where raised_by_id ="
						+ " (select id from person where handle = ?)",
				"waiting-bound-session-p0", "waiting-bound-big-session-p0");
		this.jdbc.update(
				"update maintainership set person_id = (select id from person where handle = ?) where person_id ="
						+ " (select id from person where handle = ?)",
				"waiting-bound-session-p0", "waiting-bound-big-session-p0");
		long large = statementsFor(session);
		assertThat(large).isEqualTo(small).isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	private long statementsFor(MockHttpSession session) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waiting on me")));
		return statistics.getPrepareStatementCount();
	}

}
