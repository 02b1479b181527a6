package org.summittracker.people;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubsystemRepository extends JpaRepository<Subsystem, Long> {

	Optional<Subsystem> findBySlug(String slug);

	// Concerns: the subsystems a concern names.
	java.util.List<Subsystem> findAllBySlugIn(java.util.Collection<String> slugs);

}
