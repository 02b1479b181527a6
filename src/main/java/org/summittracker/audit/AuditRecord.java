package org.summittracker.audit;

import java.time.Instant;

import org.summittracker.shared.HistoryEntry;

/**
 * An entry of the audit trail as pages show it.
 */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String entityType, Long entityId,
		Long sessionId, String summary) implements HistoryEntry {

	@Override
	public Instant getAt() {
		return this.occurredAt;
	}

	@Override
	public String getBy() {
		return this.actor;
	}

	@Override
	public String getSummary() {
		return this.summary;
	}

}
