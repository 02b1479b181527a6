package org.summittracker.people;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MaintainershipRepository extends JpaRepository<Maintainership, Long> {

	@Query("""
			select new org.summittracker.people.SubsystemMaintainer(s.id, s.slug, s.name, p.id, p.handle, p.name, p.email, m.role)
			from Maintainership m join m.subsystem s join m.person p
			where in_ids(s.id, :subsystemIds) and :subsystemIds is not null
			order by s.name, m.role, p.name
			""")
	List<SubsystemMaintainer> findBySubsystemIdsIn(Long[] subsystemIds);

	default List<SubsystemMaintainer> findBySubsystemIds(Collection<Long> subsystemIds) {
		return findBySubsystemIdsIn(subsystemIds.toArray(Long[]::new));
	}

	@Query("""
			select new org.summittracker.people.SubsystemMaintainer(s.id, s.slug, s.name, p.id, p.handle, p.name, p.email, m.role)
			from Maintainership m join m.subsystem s join m.person p
			where p.id = :personId
			order by s.name
			""")
	List<SubsystemMaintainer> findByPersonId(Long personId);

	boolean existsByPersonAndSubsystem(Person person, Subsystem subsystem);

	/**
	 * Every (person id, subsystem id) pair, for imports that add only what is missing.
	 */
	@Query("select m.person.id, m.subsystem.id from Maintainership m")
	List<Object[]> findAllPairs();

	/** The maintainerships of one subsystem, as entities, for editing them. */
	List<Maintainership> findAllBySubsystemId(Long subsystemId);

}
