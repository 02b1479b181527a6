package org.summittracker.people;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.shared.Pages;

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

	/**
	 * A page of the people maintaining or reviewing a subsystem, for its page, with their
	 * number in the same statement ({@link Pages#withTotal}): a subsystem may have
	 * hundreds.
	 */
	default Page<SubsystemMaintainer> findMaintainersOf(Long subsystemId, Pageable page) {
		return Pages.withTotal(findMaintainersWithTotal(subsystemId, page), page,
				() -> countBySubsystemId(subsystemId));
	}

	@Query("""
			select new org.summittracker.people.SubsystemMaintainer(s.id, s.slug, s.name, p.id, p.handle, p.name, p.email, m.role),
				count(*) over ()
			from Maintainership m join m.subsystem s join m.person p
			where s.id = :subsystemId
			order by m.role, p.name, p.id
			""")
	List<Object[]> findMaintainersWithTotal(Long subsystemId, Pageable page);

	long countBySubsystemId(Long subsystemId);

	/**
	 * A page of the subsystems a person maintains or reviews, for their page, with their
	 * number in the same statement: someone may maintain hundreds.
	 */
	default Page<SubsystemMaintainer> findMaintainedBy(Long personId, Pageable page) {
		return Pages.withTotal(findMaintainedWithTotal(personId, page), page, () -> countByPersonId(personId));
	}

	@Query("""
			select new org.summittracker.people.SubsystemMaintainer(s.id, s.slug, s.name, p.id, p.handle, p.name, p.email, m.role),
				count(*) over ()
			from Maintainership m join m.subsystem s join m.person p
			where p.id = :personId
			order by s.name, s.id
			""")
	List<Object[]> findMaintainedWithTotal(Long personId, Pageable page);

	long countByPersonId(Long personId);

	boolean existsByPersonAndSubsystem(Person person, Subsystem subsystem);

	/**
	 * Every (person id, subsystem id) pair, for imports that add only what is missing.
	 */
	@Query("select m.person.id, m.subsystem.id from Maintainership m")
	List<Object[]> findAllPairs();

	/** The maintainerships of one subsystem, as entities, for editing them. */
	List<Maintainership> findAllBySubsystemId(Long subsystemId);

}
