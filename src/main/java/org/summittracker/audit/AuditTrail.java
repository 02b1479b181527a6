package org.summittracker.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail, newest first: everything (for administrators), one session's
 * history, or one entity's.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private final AuditEntryRepository entries;

	AuditTrail(AuditEntryRepository entries) {
		this.entries = entries;
	}

	public Page<AuditRecord> all(Pageable pageable) {
		return this.entries.findNewestFirst(pageable).map(AuditEntry::toRecord);
	}

	public Page<AuditRecord> ofSession(long sessionId, Pageable pageable) {
		return this.entries.findBySessionNewestFirst(sessionId, pageable).map(AuditEntry::toRecord);
	}

	public Page<AuditRecord> ofEntity(String entityType, long entityId, Pageable pageable) {
		return this.entries.findByEntityNewestFirst(entityType, entityId, pageable).map(AuditEntry::toRecord);
	}

}
