package org.summittracker.account;

/**
 * What an account may do beyond reading. Roles are explicit: an administrator organizes
 * only when also given {@link #ORGANIZER}.
 */
public enum Role {

	/**
	 * Files concerns, responds, records their own position, updates the follow-ups they
	 * own.
	 */
	MAINTAINER("Maintainer"),

	/**
	 * Edits events, sessions, notes, resolutions and follow-ups; records positions on
	 * behalf of others.
	 */
	ORGANIZER("Organizer"),

	/** Manages accounts and roles, runs imports, reads the whole audit trail. */
	ADMIN("Admin");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
