package org.summittracker.concern;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.concern.ConcernViews.ConcernDetail;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.concern.ConcernViews.OpenConcernCount;
import org.summittracker.concern.ConcernViews.ResponseView;
import org.summittracker.concern.ConcernViews.StatusChangeView;

public interface ConcernRepository extends JpaRepository<Concern, Long> {

	Optional<Concern> findBySessionIdAndKey(Long sessionId, String key);

	/** The session's keys that start with {@code prefix} (letters, digits and '-'). */
	@Query("select c.key from Concern c where c.session.id = :sessionId and c.key like concat(:prefix, '%')")
	List<String> findKeysStartingWith(Long sessionId, String prefix);

	@Query("""
			select new org.summittracker.concern.ConcernViews$ConcernSummary(c.id, c.session.id, c.key, c.title, cat.name,
				r.handle, r.name, c.status, c.blocking,
				(select count(cr) from ConcernResponse cr where cr.concern = c))
			from Concern c join c.category cat join c.raisedBy r
			where c.session.id = :sessionId
			order by c.createdAt, c.id
			""")
	List<ConcernSummary> findSummaries(Long sessionId);

	@Query("""
			select new org.summittracker.concern.ConcernViews$ConcernSummary(c.id, c.session.id, c.key, c.title, cat.name,
				r.handle, r.name, c.status, c.blocking,
				(select count(cr) from ConcernResponse cr where cr.concern = c))
			from Concern c join c.category cat join c.raisedBy r
			where in_ids(c.session.id, :sessionIds) and c.status = org.summittracker.concern.ConcernStatus.OPEN
			  and c.blocking = true
			order by c.createdAt, c.id
			""")
	List<ConcernSummary> findOpenBlockingIn(Long[] sessionIds);

	default List<ConcernSummary> findOpenBlocking(Collection<Long> sessionIds) {
		return findOpenBlockingIn(sessionIds.toArray(Long[]::new));
	}

	@Query("""
			select new org.summittracker.concern.ConcernViews$ConcernSummary(c.id, c.session.id, c.key, c.title, cat.name,
				r.handle, r.name, c.status, c.blocking,
				(select count(cr) from ConcernResponse cr where cr.concern = c))
			from Concern c join c.category cat join c.raisedBy r
			where r.id = :personId
			order by c.createdAt desc, c.id desc
			""")
	List<ConcernSummary> findRaisedBy(Long personId);

	@Query("""
			select new org.summittracker.concern.ConcernViews$OpenConcernCount(c.session.id, count(c),
				sum(case when c.blocking = true then 1 else 0 end))
			from Concern c
			where in_ids(c.session.id, :sessionIds) and c.status = org.summittracker.concern.ConcernStatus.OPEN
			group by c.session.id
			""")
	List<OpenConcernCount> countOpenIn(Long[] sessionIds);

	default List<OpenConcernCount> countOpen(Collection<Long> sessionIds) {
		return countOpenIn(sessionIds.toArray(Long[]::new));
	}

	@Query("""
			select new org.summittracker.concern.ConcernViews$ConcernDetail(c.id, e.slug, e.name, s.slug, s.title, c.key,
				c.title, cat.name, r.handle, r.name, c.body, c.blocking, c.blockingReason, c.status, c.statusNote,
				c.revisitOn, c.createdAt, pr.key, pr.title)
			from Concern c join c.session s join s.event e join c.category cat join c.raisedBy r join c.proposal pr
			where e.slug = :eventSlug and s.slug = :sessionSlug and c.key = :key
			""")
	Optional<ConcernDetail> findDetail(String eventSlug, String sessionSlug, String key);

	@Query("""
			select new org.summittracker.concern.ConcernViews$ResponseView(a.handle, a.name, r.body, r.createdAt)
			from ConcernResponse r join r.author a
			where r.concern.id = :concernId
			order by r.createdAt, r.id
			""")
	List<ResponseView> findResponses(Long concernId);

	@Query("""
			select new org.summittracker.concern.ConcernViews$StatusChangeView(h.fromStatus, h.toStatus, h.note,
				h.revisitOn, p.handle, p.name, h.changedByUsername, h.changedAt)
			from ConcernStatusChange h left join h.changedBy p
			where h.concern.id = :concernId
			order by h.changedAt, h.id
			""")
	List<StatusChangeView> findHistory(Long concernId);

	@Query("""
			select s.name from Concern c join c.subsystems s where c.id = :concernId order by s.name
			""")
	List<String> findSubsystemNames(Long concernId);

	/** The session's concerns filed from its discussion notes, in one query. */
	@Query("""
			select new org.summittracker.concern.ConcernViews$FiledFromNote(n.id, c.key, c.title)
			from Concern c join c.fromNote n
			where c.session.id = :sessionId
			order by c.createdAt, c.id
			""")
	List<ConcernViews.FiledFromNote> findFiledFromNotes(Long sessionId);

	/** The discussion note a concern was filed from. */
	@Query("""
			select new org.summittracker.session.SessionViews$NoteOrigin(n.id, s.id, n.seq, sp.handle, sp.name, n.kind,
				n.body, e.slug, s.slug)
			from Concern c join c.fromNote n join n.speaker sp join n.session s join s.event e
			where c.id = :concernId
			""")
	Optional<org.summittracker.session.SessionViews.NoteOrigin> findNoteOrigin(Long concernId);

}
