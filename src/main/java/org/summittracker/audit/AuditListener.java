package org.summittracker.audit;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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
		this.entries.save(new AuditEntry(this.clock.instant(), through(change)));
	}

	/** The change, saying how it was made when that was not through the pages. */
	private static AuditableChange through(AuditableChange change) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object through = (request != null)
				? request.getAttribute(AuditableChange.THROUGH_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
		if (!(through instanceof String how)) {
			return change;
		}
		return new AuditableChange(change.actor(), change.action(), change.entityType(), change.entityId(),
				change.sessionId(), change.summary() + " (through " + how + ")");
	}

}
