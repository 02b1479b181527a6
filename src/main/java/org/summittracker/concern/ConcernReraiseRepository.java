package org.summittracker.concern;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.concern.ConcernViews.ReraiseView;

interface ConcernReraiseRepository extends JpaRepository<ConcernReraise, Long> {

	boolean existsByConcernIdAndSessionIdAndRaisedById(Long concernId, Long sessionId, Long personId);

	/** The concern's re-raises, in the order they were made. */
	@Query("""
			select new org.summittracker.concern.ConcernViews$ReraiseView(x.concern.id, e.slug, e.name, s.slug, s.title,
				p.handle, p.name, x.raisedAt)
			from ConcernReraise x join x.session s join s.event e join x.raisedBy p
			where x.concern.id = :concernId
			order by x.raisedAt, x.id
			""")
	List<ReraiseView> findOf(Long concernId);

}
