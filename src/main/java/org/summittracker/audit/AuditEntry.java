package org.summittracker.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of the append-only audit trail; never updated (Hibernate is told so, and a
 * trigger refuses it anyway).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private String actor;

	private String action;

	private String entityType;

	private Long entityId;

	private Long sessionId;

	private String summary;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, AuditableChange change) {
		this.occurredAt = occurredAt;
		this.actor = change.actor();
		this.action = change.action();
		this.entityType = change.entityType();
		this.entityId = change.entityId();
		this.sessionId = change.sessionId();
		this.summary = change.summary();
	}

	AuditRecord toRecord() {
		return new AuditRecord(this.id, this.occurredAt, this.actor, this.action, this.entityType, this.entityId,
				this.sessionId, this.summary);
	}

}
