package org.summittracker.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Append and read, nothing else: the repository has no update or delete methods.
 */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	@Query("select e from AuditEntry e order by e.occurredAt desc, e.id desc")
	Page<AuditEntry> findNewestFirst(Pageable pageable);

	@Query("select e from AuditEntry e where e.sessionId = :sessionId order by e.occurredAt desc, e.id desc")
	Page<AuditEntry> findBySessionNewestFirst(Long sessionId, Pageable pageable);

	@Query("select e from AuditEntry e where e.entityType = :entityType and e.entityId = :entityId "
			+ "order by e.occurredAt desc, e.id desc")
	Page<AuditEntry> findByEntityNewestFirst(String entityType, Long entityId, Pageable pageable);

}
