package org.summittracker.demo;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

// The demo summit loaded at start, in a database of its own.
@SummitIntegrationTest(properties = "summit.demo-data.enabled=true")
class DemoSummitLoaderTests {

	private static final String[] TABLES = { "person", "subsystem", "maintainership", "event", "summit_session",
			"session_participant", "session_subsystem", "discussion_note", "concern", "concern_response", "position",
			"position_concern", "position_change", "resolution", "follow_up", "audit_entry" };

	@Autowired
	DemoSummitLoader loader;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void loadsTheDemoSummitOnceAndOnlyOnce() {
		// Other tests in this context may have loaded it already; either way a second
		// load adds nothing.
		this.loader.load();
		Map<String, Long> afterFirst = counts();
		assertThat(this.loader.load()).isFalse();
		assertThat(counts()).isEqualTo(afterFirst);

		assertThat(inDemoSession("select count(*) from discussion_note x where x.session_id = ?")).isEqualTo(17);
		assertThat(inDemoSession("select count(*) from concern x where x.session_id = ?")).isEqualTo(6);
		assertThat(inDemoSession("select count(*) from position x where x.session_id = ?")).isEqualTo(10);
		assertThat(inDemoSession("select count(*) from position_change c join position x on x.id = c.position_id "
				+ "where x.session_id = ?"))
			.isEqualTo(10);
		assertThat(inDemoSession("select count(*) from resolution x where x.session_id = ?")).isEqualTo(2);
		assertThat(inDemoSession("select count(*) from follow_up x where x.session_id = ?")).isEqualTo(6);
		assertThat(inDemoSession("select count(*) from session_subsystem x where x.session_id = ?")).isEqualTo(5);
		assertThat(inDemoSession("select count(*) from session_material x where x.session_id = ? and x.kind = 'REPORT'"
				+ " and x.url = 'https://lwn.net/Articles/870555/' and x.created_at = '2021-09-27T00:00:00Z'"))
			.isOne();
		// Its audit trail: the session, its 5 affected subsystems, 11 participants, the
		// proposal, 17 notes, 6 concerns and a response, 10 positions, 2 resolutions and
		// 6 follow-ups and the LWN report (material), dated as the demo dates its records
		// (other tests of this context
		// add entries of today).
		assertThat(inDemoSession("select count(*) from audit_entry x where x.session_id = ? "
				+ "and x.actor = 'organizer' and x.occurred_at <= '2021-09-27T00:00:00Z'"))
			.isEqualTo(61);
	}

	/**
	 * The event and the session are dated as of the agenda, the notes, resolutions and
	 * the proposal's link as of what the session recorded, as the demo's other records
	 * and its audit trail are: never the time of loading.
	 */
	@Test
	void theDemosRecordsAreDatedAsTheDemoDatesThemNotAtLoading() {
		this.loader.load();
		assertThat(inDemoSession("select count(*) from summit_session x where x.id = ? "
				+ "and x.created_at = '2021-09-20T00:00:00Z' and (select created_at from event where id = x.event_id)"
				+ " = '2021-09-20T00:00:00Z'"))
			.isOne();
		assertThat(inDemoSession("select count(*) from discussion_note x where x.session_id = ? "
				+ "and x.created_at = '2021-09-27T00:00:00Z' and x.updated_at = x.created_at"))
			.isEqualTo(17);
		assertThat(inDemoSession("select count(*) from resolution x where x.session_id = ? "
				+ "and x.created_at = '2021-09-27T00:00:00Z' and x.updated_at = x.created_at"))
			.isEqualTo(2);
		assertThat(inDemoSession("select count(*) from session_proposal x where x.session_id = ? "
				+ "and x.linked_at = '2021-09-27T00:00:00Z'"))
			.isOne();
	}

	private long inDemoSession(String sql) {
		Long sessionId = this.jdbc.queryForObject("""
				select s.id from summit_session s join event e on e.id = s.event_id
				where e.slug = 'maintainers-summit-2021' and s.slug = 'using-rust-for-kernel-development'
				""", Long.class);
		return this.jdbc.queryForObject(sql, Long.class, sessionId);
	}

	@Test
	void everyDemoEmailIsOnTheReservedDomain() {
		this.loader.load();
		// Other tests of this context add people too, some without an address.
		assertThat(this.jdbc.queryForList("select email from person where email is not null", String.class))
			.isNotEmpty()
			.allSatisfy((email) -> assertThat(email).endsWith("@example.org"));
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, this.jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

}
