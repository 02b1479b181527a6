package org.summittracker.freshness;

import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the change stamp: one primary-key read, outside any transaction, so that it is
 * read before (and never after) the data a page shows.
 */
@Component
class ChangeStamps {

	private final JdbcTemplate jdbc;

	ChangeStamps(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public ChangeStamp current() {
		return this.jdbc.queryForObject("select stamp, changed_at from change_stamp",
				(rs, row) -> new ChangeStamp(rs.getLong(1), rs.getObject(2, Timestamp.class).toInstant()));
	}

}
