package org.summittracker.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubsystemRepository extends JpaRepository<Subsystem, Long> {

	Optional<Subsystem> findBySlug(String slug);

	// Concerns: the subsystems a concern names.
	List<Subsystem> findAllBySlugIn(Collection<String> slugs);

}
