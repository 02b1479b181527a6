package org.summittracker.audit;

import java.util.List;

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
	List<AuditEntry> findNewestFirst(Pageable pageable);

	/** How many entries there are, counted up to {@code limit}. */
	@Query(value = "select count(*) from (select 1 from audit_entry limit :limit) counted", nativeQuery = true)
	long countUpTo(int limit);

	@Query("select e from AuditEntry e where e.sessionId = :sessionId order by e.occurredAt desc, e.id desc")
	Page<AuditEntry> findBySessionNewestFirst(Long sessionId, Pageable pageable);

	@Query("select e from AuditEntry e where e.entityType = :entityType and e.entityId = :entityId "
			+ "order by e.occurredAt desc, e.id desc")
	Page<AuditEntry> findByEntityNewestFirst(String entityType, Long entityId, Pageable pageable);

}
