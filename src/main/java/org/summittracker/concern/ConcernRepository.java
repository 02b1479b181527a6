package org.summittracker.concern;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.concern.ConcernViews.ConcernDetail;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.concern.ConcernViews.OpenConcernCount;
import org.summittracker.concern.ConcernViews.ResponseView;
import org.summittracker.concern.ConcernViews.StatusChangeView;
import org.summittracker.shared.Pages;

public interface ConcernRepository extends JpaRepository<Concern, Long>, SessionPageConcerns {

	/**
	 * Session {@code s} (of event {@code e}) was held before {@code here} (of
	 * {@code he}).
	 */
	String HELD_BEFORE = """
			(e.startsOn < he.startsOn or (e.startsOn = he.startsOn and (s.scheduleOrder < here.scheduleOrder
			    or (s.scheduleOrder = here.scheduleOrder and s.id < here.id))))
			""";

	/** A concern's line in a list ({@link ConcernSummary}), the select of a query. */
	String SUMMARY = """
			select new org.summittracker.concern.ConcernViews$ConcernSummary(c.id, c.session.id, c.key, c.title, cat.name,
				r.handle, r.name, c.status, c.blocking,
				(select count(cr) from ConcernResponse cr where cr.concern = c))
			""";

	/** What {@link #SUMMARY} reads from. */
	String FROM_SUMMARY = """
			from Concern c join c.category cat join c.raisedBy r
			""";

	/** A concern's whole, for its page. */
	String DETAIL = """
			select new org.summittracker.concern.ConcernViews$ConcernDetail(c.id, e.slug, e.name, s.slug, s.title, c.key,
				c.title, cat.name, r.handle, r.name, c.body, c.blocking, c.blockingReason, c.status, c.statusNote,
				c.revisitOn, c.createdAt, pr.key, pr.title)
			from Concern c join c.session s join s.event e join c.category cat join c.raisedBy r join c.proposal pr
			""";

	Optional<Concern> findBySessionIdAndKey(Long sessionId, String key);

	Optional<Concern> findByProposalIdAndKey(Long proposalId, String key);

	/** The proposal's concern keys that start with {@code prefix}. */
	@Query("select c.key from Concern c where c.proposal.id = :proposalId and c.key like concat(:prefix, '%')")
	List<String> findProposalKeysStartingWith(Long proposalId, String prefix);

	/**
	 * The concern of that key, whatever its status, about a proposal the session
	 * discusses, raised in a session held before it: one that may be raised again in it.
	 */
	@Query("""
			select c.id from Concern c join c.session s join s.event e, SessionProposal sp, Session here
				join here.event he
			where here.id = :sessionId and sp.session.id = :sessionId and sp.proposal = c.proposal and c.key = :key
			  and s.id <> here.id and """ + HELD_BEFORE + """
			order by sp.seq
			""")
	List<Long> findEarlier(Long sessionId, String key);

	/** The session's keys that start with {@code prefix} (letters, digits and '-'). */
	@Query("select c.key from Concern c where c.session.id = :sessionId and c.key like concat(:prefix, '%')")
	List<String> findKeysStartingWith(Long sessionId, String prefix);

	@Query(SUMMARY + FROM_SUMMARY + """
			where c.session.id = :sessionId
			order by c.createdAt, c.id
			""")
	List<ConcernSummary> findSummaries(Long sessionId);

	/**
	 * The first {@code size} concerns raised in the session, as {@link #findSummaries}
	 * orders them, with their number in the same statement: what a position form offers
	 * (a session may gather thousands).
	 */
	default Page<ConcernSummary> findFirstSummaries(Long sessionId, int size) {
		PageRequest first = PageRequest.of(0, size);
		return Pages.withTotal(findSummariesWithTotal(sessionId, first), first, () -> 0);
	}

	@Query(SUMMARY + ", count(*) over () " + FROM_SUMMARY + """
			where c.session.id = :sessionId
			order by c.createdAt, c.id
			""")
	List<Object[]> findSummariesWithTotal(Long sessionId, Pageable pageable);

	/**
	 * What a follow-up form offers to choose among the concerns raised in the session:
	 * the concern of key {@code chosen} (none when null), then the first
	 * {@link ConcernChoice#OFFERED} of the others, the open ones first, each in the order
	 * they were raised; with the number of all in the same statement.
	 */
	default Page<ConcernChoice> findChoices(Long sessionId, String chosen) {
		PageRequest first = PageRequest.of(0, ConcernChoice.OFFERED + 1);
		List<Object[]> rows = findChoicesWithTotal(sessionId, chosen, first);
		boolean chosenRead = !rows.isEmpty() && ((ConcernChoice) rows.get(0)[0]).key().equals(chosen);
		return Pages.first(rows.subList(0, Math.min(rows.size(), ConcernChoice.OFFERED + (chosenRead ? 1 : 0))),
				ConcernChoice.OFFERED, (row) -> (ConcernChoice) row[0]);
	}

	@Query("""
			select new org.summittracker.concern.ConcernViews$ConcernChoice(c.key, c.title, c.status), count(*) over ()
			from Concern c
			where c.session.id = :sessionId
			order by case when c.key = :chosen then 0 else 1 end,
				case when c.status = org.summittracker.concern.ConcernStatus.OPEN then 0 else 1 end, c.createdAt, c.id
			""")
	List<Object[]> findChoicesWithTotal(Long sessionId, String chosen, Pageable pageable);

	/**
	 * The latest concerns a person raised, a page, and their number. Someone raises
	 * thousands at a large summit: the page reads its rows from the end of an index
	 * (raiser, newest first) and the number is counted in that index, where a total in
	 * the same statement ({@code count(*) over ()}) read every one of the person's
	 * concerns.
	 */
	default Page<ConcernSummary> findRaisedBy(Long personId, Pageable pageable) {
		return new PageImpl<>(findLatestRaisedBy(personId, pageable), pageable, countByRaisedById(personId));
	}

	@Query(SUMMARY + FROM_SUMMARY + """
			where c.raisedBy.id = :personId
			order by c.createdAt desc, c.id desc
			""")
	List<ConcernSummary> findLatestRaisedBy(Long personId, Pageable pageable);

	long countByRaisedById(Long personId);

	@Query("""
			select new org.summittracker.concern.ConcernViews$OpenConcernCount(c.session.id, count(c),
				sum(case when c.blocking = true then 1 else 0 end))
			from Concern c
			where in_ids(c.session.id, :sessionIds) and :sessionIds is not null and c.status = org.summittracker.concern.ConcernStatus.OPEN
			group by c.session.id
			""")
	List<OpenConcernCount> countOpenIn(Long[] sessionIds);

	default List<OpenConcernCount> countOpen(Collection<Long> sessionIds) {
		return countOpenIn(sessionIds.toArray(Long[]::new));
	}

	@Query(DETAIL + """
			where e.slug = :eventSlug and s.slug = :sessionSlug and c.key = :key
			""")
	Optional<ConcernDetail> findDetail(String eventSlug, String sessionSlug, String key);

	@Query(DETAIL + """
			where c.id = :concernId
			""")
	Optional<ConcernDetail> findDetailOf(Long concernId);

	@Query("""
			select new org.summittracker.concern.ConcernViews$ResponseView(a.handle, a.name, r.body, r.createdAt,
				e.name, s.title)
			from ConcernResponse r join r.author a join r.session s join s.event e
			where r.concern.id = :concernId
			order by r.createdAt, r.id
			""")
	List<ResponseView> findResponses(Long concernId);

	/**
	 * A page of a concern's responses, oldest first, with their number in the same
	 * statement ({@link Pages#withTotal}): a contested concern gathers thousands.
	 */
	default Page<ResponseView> findResponses(Long concernId, Pageable pageable) {
		return Pages.withTotal(findResponsesWithTotal(concernId, pageable), pageable, () -> countResponses(concernId));
	}

	@Query("""
			select new org.summittracker.concern.ConcernViews$ResponseView(a.handle, a.name, r.body, r.createdAt,
				e.name, s.title), count(*) over ()
			from ConcernResponse r join r.author a join r.session s join s.event e
			where r.concern.id = :concernId
			order by r.createdAt, r.id
			""")
	List<Object[]> findResponsesWithTotal(Long concernId, Pageable pageable);

	@Query("select count(r) from ConcernResponse r where r.concern.id = :concernId")
	long countResponses(Long concernId);

	@Query("""
			select new org.summittracker.concern.ConcernViews$StatusChangeView(h.fromStatus, h.toStatus, h.note,
				h.revisitOn, p.handle, p.name, h.changedByUsername, h.changedAt, e.name, s.title)
			from ConcernStatusChange h left join h.changedBy p join h.session s join s.event e
			where h.concern.id = :concernId
			order by h.changedAt, h.id
			""")
	List<StatusChangeView> findHistory(Long concernId);

	@Query("""
			select s.name from Concern c join c.subsystems s where c.id = :concernId order by s.name
			""")
	List<String> findSubsystemNames(Long concernId);

	/** The concerns filed from the given discussion notes, in one query. */
	@Query("""
			select new org.summittracker.concern.ConcernViews$FiledFromNote(n.id, c.key, c.title)
			from Concern c join c.fromNote n
			where in_ids(n.id, :noteIds) and :noteIds is not null
			order by c.createdAt, c.id
			""")
	List<ConcernViews.FiledFromNote> findFiledFromNotesIn(Long[] noteIds);

	default List<ConcernViews.FiledFromNote> findFiledFromNotes(Collection<Long> noteIds) {
		return findFiledFromNotesIn(noteIds.toArray(Long[]::new));
	}

	/** The discussion note a concern was filed from. */
	@Query("""
			select new org.summittracker.session.SessionViews$NoteOrigin(n.id, s.id, n.seq, sp.handle, sp.name, n.kind,
				n.body, e.slug, s.slug)
			from Concern c join c.fromNote n join n.speaker sp join n.session s join s.event e
			where c.id = :concernId
			""")
	Optional<org.summittracker.session.SessionViews.NoteOrigin> findNoteOrigin(Long concernId);

}
