package org.summittracker.position;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PositionRepository extends JpaRepository<Position, Long> {

	/** Current positions of the given sessions, without their cited concerns (see {@link PositionQueries}). */
	@Query("""
			select new org.summittracker.position.PositionView(p.id, p.session.id, pe.id, pe.handle, pe.name, pe.email,
				p.stance, p.conditions, p.rationale, sf.id, sf.slug, sf.name, p.entryMethod, eb.handle, eb.name,
				p.confirmedAt, p.updatedAt)
			from Position p join p.person pe join p.enteredBy eb left join p.speaksFor sf
			where p.session.id in :sessionIds and p.withdrawnAt is null
			order by pe.name
			""")
	List<PositionView> findCurrent(Collection<Long> sessionIds);

	@Query("""
			select new org.summittracker.position.PositionView(p.id, p.session.id, pe.id, pe.handle, pe.name, pe.email,
				p.stance, p.conditions, p.rationale, sf.id, sf.slug, sf.name, p.entryMethod, eb.handle, eb.name,
				p.confirmedAt, p.updatedAt)
			from Position p join p.person pe join p.enteredBy eb left join p.speaksFor sf
			where pe.id = :personId and p.withdrawnAt is null
			order by p.updatedAt desc
			""")
	List<PositionView> findCurrentOf(Long personId);

	/** (position id, concern key) pairs for the given positions. */
	@Query("""
			select p.id, c.key from Position p join p.citedConcerns c
			where p.id in :positionIds
			order by c.key
			""")
	List<Object[]> findCitedKeys(Collection<Long> positionIds);

}
