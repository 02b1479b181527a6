package org.summittracker.followup;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.shared.Pages;

public interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

	@Query("""
			select new org.summittracker.followup.FollowUpView(f.id, f.session.id, f.title, o.handle, o.name, f.dueOn,
				f.status, f.dropReason, c.key, r.seq)
			from FollowUp f join f.owner o left join f.concern c left join f.resolution r
			where f.session.id = :sessionId
			order by f.dueOn nulls last, f.id
			""")
	List<FollowUpView> findViews(Long sessionId);

	/**
	 * The first follow-ups a person owns, soonest due first, a page, and their number.
	 * Someone owns thousands at a large summit: the page reads its rows from the start of
	 * an index (owner, due date) and the number is counted in an index, where a total in
	 * the same statement ({@code count(*) over ()}) read and sorted every one of them.
	 */
	default Page<FollowUpView> findOwnedBy(Long ownerId, Pageable pageable) {
		return new PageImpl<>(findFirstOwnedBy(ownerId, pageable), pageable, countByOwnerId(ownerId));
	}

	@Query("""
			select new org.summittracker.followup.FollowUpView(f.id, f.session.id, f.title, o.handle, o.name, f.dueOn,
				f.status, f.dropReason, c.key, r.seq)
			from FollowUp f join f.owner o left join f.concern c left join f.resolution r
			where f.owner.id = :ownerId
			order by f.dueOn nulls last, f.id
			""")
	List<FollowUpView> findFirstOwnedBy(Long ownerId, Pageable pageable);

	long countByOwnerId(Long ownerId);

	/**
	 * A page of the follow-ups addressing a concern, with their number in the same
	 * statement ({@link Pages#withTotal}): a contested concern gathers thousands.
	 */
	default Page<FollowUpView> findAddressing(Long concernId, Pageable page) {
		return Pages.withTotal(findAddressingWithTotal(concernId, page), page, () -> countByConcernId(concernId));
	}

	@Query("""
			select new org.summittracker.followup.FollowUpView(f.id, f.session.id, f.title, o.handle, o.name, f.dueOn,
				f.status, f.dropReason, c.key, r.seq), count(*) over ()
			from FollowUp f join f.owner o join f.concern c left join f.resolution r
			where c.id = :concernId
			order by f.dueOn nulls last, f.id
			""")
	List<Object[]> findAddressingWithTotal(Long concernId, Pageable page);

	long countByConcernId(Long concernId);

	/** The follow-ups assigned from the given discussion notes, in one query. */
	@Query("""
			select new org.summittracker.followup.FollowUpRepository$FromNote(n.id, f.id, f.title)
			from FollowUp f join f.fromNote n
			where in_ids(n.id, :noteIds) and :noteIds is not null
			order by f.createdAt, f.id
			""")
	List<FromNote> findFromNotesIn(Long[] noteIds);

	default List<FromNote> findFromNotes(Collection<Long> noteIds) {
		return findFromNotesIn(noteIds.toArray(Long[]::new));
	}

	/** The discussion note a follow-up was assigned from. */
	@Query("""
			select new org.summittracker.session.SessionViews$NoteOrigin(n.id, s.id, n.seq, sp.handle, sp.name, n.kind,
				n.body, e.slug, s.slug)
			from FollowUp f join f.fromNote n join n.speaker sp join n.session s join s.event e
			where f.id = :followUpId
			""")
	java.util.Optional<org.summittracker.session.SessionViews.NoteOrigin> findNoteOrigin(Long followUpId);

	/** A follow-up assigned from one of its session's discussion notes. */
	record FromNote(Long noteId, Long id, String title) {
	}

}
