package org.summittracker.people;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

	Optional<Person> findByHandle(String handle);

	/** The person as their page shows them: a value, so that the read can be kept. */
	@Query("""
			select new org.summittracker.people.PersonView(p.id, p.handle, p.name, p.email, p.affiliation)
			from Person p where p.handle = :handle""")
	Optional<PersonView> findViewByHandle(String handle);

	/**
	 * People whose handle or name starts with {@code prefix} (lower case), for the
	 * pickers; merged records are left out.
	 */
	@Query("""
			select p from Person p
			where p.mergedInto is null and (p.handle like concat(:prefix, '%') or lower(p.name) like concat(:prefix, '%'))
			order by p.handle
			""")
	List<Person> suggest(String prefix, Pageable limit);

	/** Someone else (not merged) with this email, regardless of case. */
	@Query("""
			select p from Person p
			where p.mergedInto is null and lower(p.email) = lower(:email) and (:selfId is null or p.id <> :selfId)
			""")
	List<Person> findOthersWithEmail(String email, Long selfId);

	/**
	 * People not merged into someone else whose name, in lower case, is one of these.
	 */
	@Query("select p from Person p where p.mergedInto is null and lower(p.name) in :names")
	List<Person> findByLowerNameIn(java.util.Collection<String> names);

	/** Everyone not merged into someone else, by handle. */
	@Query(value = "select p from Person p where p.mergedInto is null order by p.handle",
			countQuery = "select count(p) from Person p where p.mergedInto is null")
	Page<Person> findCurrent(Pageable pageable);

}
