package org.summittracker.audit;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every {@link AuditableChange} to the trail.
 */
@Component
class AuditListener {

	private final AuditEntryRepository entries;

	private final Clock clock;

	AuditListener(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	// Synchronous, in the publisher's transaction: a change and its audit entry commit or
	// roll back together.
	@EventListener
	void on(AuditableChange change) {
		this.entries.save(new AuditEntry(this.clock.instant(), change));
	}

}
