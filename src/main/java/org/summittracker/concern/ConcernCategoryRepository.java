package org.summittracker.concern;

import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConcernCategoryRepository extends JpaRepository<ConcernCategory, Long> {

	Optional<ConcernCategory> findBySlug(String slug);

	/** The slugs starting with {@code prefix} (letters, digits and '-'). */
	@Query("select c.slug from ConcernCategory c where c.slug like concat(:prefix, '%')")
	Set<String> findSlugsStartingWith(String prefix);

	boolean existsByNameIgnoreCase(String name);

}
