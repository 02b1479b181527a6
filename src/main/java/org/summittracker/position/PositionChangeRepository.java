package org.summittracker.position;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PositionChangeRepository extends JpaRepository<PositionChange, Long> {

	/** The session's timeline, newest first (index position_change_session_idx). */
	@Query(value = """
			select new org.summittracker.position.PositionChangeView(c.id, p.id, pe.handle, pe.name, c.kind,
				c.oldStance, c.newStance, c.conditions, c.rationale, c.citedConcerns, sf.name, c.entryMethod,
				eb.handle, eb.name, c.changedAt)
			from PositionChange c join c.position p join p.person pe join c.enteredBy eb left join c.speaksFor sf
			where c.session.id = :sessionId
			order by c.changedAt desc, c.id desc
			""", countQuery = "select count(c) from PositionChange c where c.session.id = :sessionId")
	Page<PositionChangeView> findTimeline(Long sessionId, Pageable pageable);

	/**
	 * One person's position's timeline in a session, newest first (index
	 * position_change_position_idx).
	 */
	@Query(value = """
			select new org.summittracker.position.PositionChangeView(c.id, p.id, pe.handle, pe.name, c.kind,
				c.oldStance, c.newStance, c.conditions, c.rationale, c.citedConcerns, sf.name, c.entryMethod,
				eb.handle, eb.name, c.changedAt)
			from PositionChange c join c.position p join p.person pe join c.enteredBy eb left join c.speaksFor sf
			where p.id = :positionId
			order by c.changedAt desc, c.id desc
			""", countQuery = "select count(c) from PositionChange c where c.position.id = :positionId")
	Page<PositionChangeView> findTimelineOf(Long positionId, Pageable pageable);

}
