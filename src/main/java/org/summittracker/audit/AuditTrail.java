package org.summittracker.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.shared.CountedPage;
import org.summittracker.shared.KeptByTables;

/**
 * Reads the audit trail, newest first: everything (for administrators), one session's
 * history, or one entity's.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private final AuditEntryRepository entries;

	private final Clock clock;

	AuditTrail(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Appends a change made before it reached the trail, at the time it was made (the
	 * demo summit's records, dated as they date themselves); changes made now are
	 * published as {@link AuditableChange} events instead. A time in the future is
	 * refused.
	 */
	@Transactional
	public void appendAsOf(Instant occurredAt, AuditableChange change) {
		if (occurredAt.isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("An audit entry cannot be dated in the future: " + occurredAt);
		}
		this.entries.save(new AuditEntry(occurredAt, change));
	}

	/**
	 * A page of the whole trail, its entries counted only up to {@link CountedPage#AHEAD}
	 * past the page's first (a summit's 160,000 and more).
	 */
	@KeptByTables
	public Page<AuditRecord> all(Pageable pageable) {
		List<AuditRecord> records = this.entries.findNewestFirst(pageable).stream().map(AuditEntry::toRecord).toList();
		// As Spring Data counts: not when a first page that is not full holds them all.
		long counted = (pageable.getOffset() == 0 && records.size() < pageable.getPageSize()) ? records.size()
				: this.entries.countUpTo(CountedPage.limit(pageable, false));
		return CountedPage.of(records, pageable, counted);
	}

	@KeptByTables
	public Page<AuditRecord> ofSession(long sessionId, Pageable pageable) {
		return this.entries.findBySessionNewestFirst(sessionId, pageable).map(AuditEntry::toRecord);
	}

	@KeptByTables
	public Page<AuditRecord> ofEntity(String entityType, long entityId, Pageable pageable) {
		return this.entries.findByEntityNewestFirst(entityType, entityId, pageable).map(AuditEntry::toRecord);
	}

}
