package org.summittracker.event;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EventFormerSlugRepository extends JpaRepository<EventFormerSlug, Long> {

	@Query("select e.slug from EventFormerSlug f join f.event e where f.slug = :slug")
	Optional<String> findCurrentSlug(String slug);

	@Query("delete from EventFormerSlug f where f.slug = :slug and f.event.id = :eventId")
	@org.springframework.data.jpa.repository.Modifying
	void release(Long eventId, String slug);

}
