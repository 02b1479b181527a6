package org.summittracker.event;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EventRepository extends JpaRepository<Event, Long> {

	Optional<Event> findBySlug(String slug);

	boolean existsBySlug(String slug);

	/** Newest first; backed by event_starts_on_idx. */
	@Query("select e from Event e order by e.startsOn desc, e.id desc")
	Page<Event> findNewestFirst(Pageable pageable);

}
