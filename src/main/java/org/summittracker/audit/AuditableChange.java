package org.summittracker.audit;

import java.util.Objects;

/**
 * One change worth keeping in the audit trail, published as an application event by the
 * module that made it, inside the transaction that made it.
 *
 * @param actor who made the change: the account's username, or “system” for start-up work
 * @param action what happened, upper-case words such as {@code ROLES_CHANGED} (at most 40
 * characters)
 * @param entityType what changed, such as {@code Account} or {@code Concern} (at most 40
 * characters)
 * @param entityId the changed entity's id, or {@code null}
 * @param sessionId the summit session the change belongs to, or {@code null}; it puts the
 * entry in that session's history
 * @param summary the change in words, before → after
 */
public record AuditableChange(String actor, String action, String entityType, Long entityId, Long sessionId,
		String summary) {

	/**
	 * The actor of changes nobody signed in made: start-up, demo data, the first
	 * administrator.
	 */
	public static final String SYSTEM = "system";

	/**
	 * The request attribute that says how a request was made when it is not through the
	 * pages (“API token “mail-bot””); the trail adds it to every change the request
	 * makes.
	 */
	public static final String THROUGH_ATTRIBUTE = AuditableChange.class.getName() + ".through";

	public AuditableChange {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(entityType, "entityType");
		Objects.requireNonNull(summary, "summary");
		if (actor.length() > 64 || action.length() > 40 || entityType.length() > 40) {
			throw new IllegalArgumentException("actor (64), action (40) or entity type (40) is too long");
		}
	}

}
