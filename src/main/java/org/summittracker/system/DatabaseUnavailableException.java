package org.summittracker.system;

import java.sql.SQLException;

/**
 * PostgreSQL could not be used; the message is one sentence saying what was tried and
 * what to do.
 */
public class DatabaseUnavailableException extends RuntimeException {

	DatabaseUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	static DatabaseUnavailableException from(String address, String database, String username, SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		if (state.startsWith("28")) {
			return new DatabaseUnavailableException("PostgreSQL at " + address + " refused the user " + username
					+ " for the database " + database + ": set SPRING_DATASOURCE_USERNAME and "
					+ "SPRING_DATASOURCE_PASSWORD to an account it accepts.", ex);
		}
		if (state.startsWith("08") || state.isEmpty()) {
			return new DatabaseUnavailableException("No PostgreSQL answered at " + address + " (database " + database
					+ "): start PostgreSQL there, run `docker compose up -d db`, or set SPRING_DATASOURCE_URL to "
					+ "a server that answers.", ex);
		}
		return new DatabaseUnavailableException("PostgreSQL at " + address + " could not open the database " + database
				+ " (" + ex.getMessage() + "): check the server, or set SPRING_DATASOURCE_URL to " + "another one.",
				ex);
	}

}
