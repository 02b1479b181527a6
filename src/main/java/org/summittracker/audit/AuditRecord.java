package org.summittracker.audit;

import java.time.Instant;

/**
 * An entry of the audit trail as pages show it.
 */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String entityType, Long entityId,
		Long sessionId, String summary) {

}
