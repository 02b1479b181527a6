package org.summittracker.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SubsystemRepository extends JpaRepository<Subsystem, Long> {

	Optional<Subsystem> findBySlug(String slug);

	/** The subsystem as its page shows it: a value, so that the read can be kept. */
	@Query("""
			select new org.summittracker.people.SubsystemView(s.id, s.slug, s.name, s.status, s.mailingList)
			from Subsystem s where s.slug = :slug""")
	Optional<SubsystemView> findViewBySlug(String slug);

	/**
	 * The slugs starting with {@code prefix} (letters, digits and '-') of subsystems
	 * other than {@code exceptId}'s (backed by subsystem_slug_prefix_idx).
	 */
	@Query(value = "select slug from subsystem where slug like :prefix || '%' and id <> :exceptId", nativeQuery = true)
	java.util.Set<String> findSlugsStartingWith(String prefix, long exceptId);

	/**
	 * The subsystems a new one named {@code name} would look like: the one holding the
	 * slug made from its name, and those of the same name, whatever its case.
	 */
	@Query("select s from Subsystem s where s.slug = :slug or lower(s.name) = lower(:name) order by s.name, s.slug")
	List<Subsystem> findLike(String slug, String name, Pageable pageable);

	/**
	 * Marks the subsystems of these ids as named by a MAINTAINERS import, those not
	 * marked yet: one statement for a whole file.
	 */
	@Modifying
	@Query(value = "update subsystem set imported_at = now() where id = any(:ids) and imported_at is null",
			nativeQuery = true)
	int markImported(Long[] ids);

	// Concerns: the subsystems a concern names.
	List<Subsystem> findAllBySlugIn(Collection<String> slugs);

	boolean existsByNameIgnoreCase(String name);

	/** The API: subsystems named as it writes them, by their names. */
	List<Subsystem> findAllByNameIn(Collection<String> names);

	/**
	 * Subsystems whose name or slug contains {@code text} (lower case), those starting
	 * with it first, for the search that picks affected subsystems among thousands.
	 */
	@Query("""
			select s from Subsystem s
			where lower(s.name) like concat('%', :text, '%') or s.slug like concat('%', :text, '%')
			order by case when lower(s.name) like concat(:text, '%') or s.slug like concat(:text, '%') then 0 else 1 end,
				s.name
			""")
	List<Subsystem> search(String text, Pageable limit);

}
