package org.summittracker.concern;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConcernCategoryRepository extends JpaRepository<ConcernCategory, Long> {

	Optional<ConcernCategory> findBySlug(String slug);

	boolean existsByNameIgnoreCase(String name);

	List<ConcernCategory> findAllByOrderByName();

}
