package org.summittracker.freshness;

import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the change stamp: one primary-key read, outside any transaction, so that it is
 * read before (and never after) the data a page shows. It is read for every page, so it
 * is a prepared statement: the driver parses it once and the server plans it once per
 * connection (a plain statement was parsed at every request).
 */
@Component
class ChangeStamps {

	/** Given, so that JdbcTemplate prepares the statement. */
	private static final Object[] NO_ARGUMENTS = {};

	private final JdbcTemplate jdbc;

	ChangeStamps(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public ChangeStamp current() {
		return this.jdbc.queryForObject("select stamp, changed_at from change_stamp",
				(rs, row) -> new ChangeStamp(rs.getLong(1), rs.getObject(2, Timestamp.class).toInstant()),
				NO_ARGUMENTS);
	}

}
