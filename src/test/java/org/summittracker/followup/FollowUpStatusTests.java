package org.summittracker.followup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.Fixture.Built;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A follow-up moves open → in progress → done, may be dropped with a reason and reopened;
 * its owner or an organizer moves it, nobody else; every move is kept.
 */
@SummitIntegrationTest
class FollowUpStatusTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcTemplate jdbc;

	Built session;

	long id;

	@BeforeEach
	void aFollowUp() {
		this.session = this.fixture.newSession("status", 0, 2, 3);
		// "Follow-up 1" is owned by the session's second person.
		this.id = this.fixture.followUpId(this.session.slug(), "Follow-up 1");
	}

	@Test
	void theOwnerStartsAndFinishesTheirFollowUp() throws Exception {
		MockHttpSession owner = this.fixture.signIn(this.mvc, this.session.person(1), Role.MAINTAINER);
		move(owner, "in-progress", null).andExpect(redirectedUrl("/follow-ups/" + this.id));
		move(owner, "done", null).andExpect(redirectedUrl("/follow-ups/" + this.id));
		assertThat(statusOf()).isEqualTo("DONE");
		assertThat(this.jdbc.queryForList(
				"select from_status || '>' || to_status from follow_up_change" + " where follow_up_id = ? order by id",
				String.class, this.id))
			.containsExactly("OPEN>IN_PROGRESS", "IN_PROGRESS>DONE");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where entity_type = 'FollowUp'"
				+ " and entity_id = ? and action = 'FOLLOW_UP_STATUS'", Long.class, this.id))
			.isEqualTo(2);
		this.mvc.perform(get("/follow-ups/" + this.id))
			.andExpect(content().string(containsString("in progress → done")));
	}

	/**
	 * The history names the person of the account that made each change, as a concern's
	 * does (before, the account's name: the owner's handle here), and the account's name
	 * when it belongs to no person.
	 */
	@Test
	void theHistoryNamesThePersonWhoMadeEachChange() throws Exception {
		MockHttpSession owner = this.fixture.signIn(this.mvc, this.session.person(1), Role.MAINTAINER);
		move(owner, "in-progress", null).andExpect(redirectedUrl("/follow-ups/" + this.id));
		this.jdbc.update("""
				insert into follow_up_change (follow_up_id, from_status, to_status, changed_by, summary)
				values (?, 'IN_PROGRESS', 'IN_PROGRESS', 'history-robot', 'Follow-up revised: by a script')""",
				this.id);
		String page = this.mvc.perform(get("/follow-ups/" + this.id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<td>Person 1 of " + this.session.slug() + "</td>", "<td>history-robot</td>")
			.doesNotContain("<td>" + this.session.person(1) + "</td>");
	}

	@Test
	void droppingNeedsAReasonAndReopeningClearsIt() throws Exception {
		MockHttpSession organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
		move(organizer, "dropped", "  ").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say why the follow-up is dropped.")));
		assertThat(statusOf()).isEqualTo("OPEN");
		move(organizer, "dropped", "Superseded by the new plan").andExpect(redirectedUrl("/follow-ups/" + this.id));
		assertThat(this.jdbc.queryForObject("select drop_reason from follow_up where id = ?", String.class, this.id))
			.isEqualTo("Superseded by the new plan");
		move(organizer, "open", null).andExpect(redirectedUrl("/follow-ups/" + this.id));
		assertThat(this.jdbc.queryForObject("select drop_reason from follow_up where id = ?", String.class, this.id))
			.isNull();
		assertThat(this.jdbc.queryForList("select note from follow_up_change where follow_up_id = ? order by id",
				String.class, this.id))
			.containsExactly("Superseded by the new plan", null);
	}

	@Test
	void anotherMaintainerMayNotMoveSomeoneElsesFollowUp() throws Exception {
		MockHttpSession other = this.fixture.signIn(this.mvc, this.session.person(2), Role.MAINTAINER);
		move(other, "done", null).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("owner or an organizer may change its status")));
		this.mvc.perform(get("/follow-ups/" + this.id).session(other))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Change the status"))));
		assertThat(statusOf()).isEqualTo("OPEN");
	}

	@Test
	void aReasonTooLongDoesNotHideAMoveThatCannotBeMade() throws Exception {
		MockHttpSession owner = this.fixture.signIn(this.mvc, this.session.person(1), Role.MAINTAINER);
		move(owner, "open", "x".repeat(FollowUp.REASON_MAX + 1)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("At most 2000 characters.")))
			.andExpect(content().string(containsString("A follow-up that is open cannot become open.")));
		assertThat(statusOf()).isEqualTo("OPEN");
		assertThat(this.jdbc.queryForObject("select count(*) from follow_up_change where follow_up_id = ?", Long.class,
				this.id))
			.isZero();
	}

	@Test
	void unknownStatusesAndStaleFormsChangeNothing() throws Exception {
		MockHttpSession owner = this.fixture.signIn(this.mvc, this.session.person(1), Role.MAINTAINER);
		move(owner, "finished", null).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a status from the list.")));
		move(owner, "open", null).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot become open")));
		move(owner, "dropped", "x".repeat(2001)).andExpect(status().isUnprocessableContent());
		long version = this.fixture.followUpVersion(this.id);
		move(owner, "in-progress", null);
		this.mvc
			.perform(post("/follow-ups/{id}/status", this.id).session(owner)
				.with(csrf())
				.param("status", "done")
				.param("version", Long.toString(version)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this follow-up")));
		assertThat(statusOf()).isEqualTo("IN_PROGRESS");
		this.mvc
			.perform(post("/follow-ups/{id}/status", 999999).session(owner)
				.with(csrf())
				.param("status", "done")
				.param("version", "0"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSameMoveSentTwiceIsMadeOnce() throws Exception {
		MockHttpSession owner = this.fixture.signIn(this.mvc, this.session.person(1), Role.MAINTAINER);
		for (String[] move : new String[][] { { "done", null }, { "dropped", "Not needed after all." } }) {
			long version = this.fixture.followUpVersion(this.id);
			long changes = changes();
			for (int click = 0; click < 2; click++) {
				var request = post("/follow-ups/{id}/status", this.id).session(owner)
					.with(csrf())
					.param("status", move[0])
					.param("version", Long.toString(version));
				if (move[1] != null) {
					request.param("reason", move[1]);
				}
				// The second click's form is older than the move the first made: that
				// move is
				// what it asks, so it is answered as made, not as someone else's change.
				this.mvc.perform(request).andExpect(status().is3xxRedirection());
			}
			assertThat(statusOf()).isEqualTo(move[0].toUpperCase(java.util.Locale.ROOT));
			assertThat(changes()).as(move[0]).isEqualTo(changes + 1);
		}
		// The same stale form asking another reason to drop it is someone else's change.
		this.mvc
			.perform(post("/follow-ups/{id}/status", this.id).session(owner)
				.with(csrf())
				.param("status", "dropped")
				.param("reason", "Another reason.")
				.param("version", Long.toString(this.fixture.followUpVersion(this.id) - 1)))
			.andExpect(status().isConflict());
	}

	private long changes() {
		return this.jdbc.queryForObject("select count(*) from follow_up_change where follow_up_id = ?", Long.class,
				this.id);
	}

	private ResultActions move(MockHttpSession who, String to, String reason) throws Exception {
		var request = post("/follow-ups/{id}/status", this.id).session(who)
			.with(csrf())
			.param("status", to)
			.param("version", Long.toString(this.fixture.followUpVersion(this.id)));
		if (reason != null) {
			request.param("reason", reason);
		}
		return this.mvc.perform(request);
	}

	private String statusOf() {
		return this.jdbc.queryForObject("select status from follow_up where id = ?", String.class, this.id);
	}

}
