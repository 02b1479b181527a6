package org.summittracker.support;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters the database keeps by triggers against their rows counted: a concern's
 * number of steps ({@code concern.steps}, V111) and a position's number of changes
 * ({@code position.changes}, V112). None may differ, whatever wrote them.
 */
public final class CountersKept {

	private CountersKept() {
	}

	/**
	 * Every concern's number of steps is its steps' count: its status changes but the one
	 * that opened it, its re-raises and its answers.
	 */
	public static void everyConcernsStepsAreCounted(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForList("""
				select k.key || ': ' || k.steps || ' against ' || s.n
				from concern k
				cross join lateral (select (select count(*) from concern_status_change h
				                            where h.concern_id = k.id and h.from_status is not null)
				                           + (select count(*) from concern_reraise x where x.concern_id = k.id)
				                           + (select count(*) from concern_response a where a.concern_id = k.id) as n) s
				where k.steps <> s.n""", String.class)).as("concerns whose number of steps is not their steps' count")
			.isEmpty();
	}

	/** Every position's number of changes is its changes' count. */
	public static void everyPositionsChangesAreCounted(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForList("""
				select p.id || ': ' || p.changes || ' against ' || (select count(*) from position_change c
				                                                      where c.position_id = p.id)
				from position p
				where p.changes <> (select count(*) from position_change c where c.position_id = p.id)""",
				String.class))
			.as("positions whose number of changes is not their changes' count")
			.isEmpty();
	}

}
