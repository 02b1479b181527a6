package org.summittracker.support;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A position's number of changes ({@code position.changes}, which the database keeps:
 * V112) against its changes counted: none may differ, whatever wrote them.
 */
public final class PositionChangesCounted {

	private PositionChangesCounted() {
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
