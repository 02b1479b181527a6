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

	/**
	 * Upcoming events first, the soonest first; then the others, newest first (for
	 * {@code /events} and home).
	 */
	@Query(value = """
			select e from Event e
			order by case when e.status = org.summittracker.event.Event.Status.UPCOMING then 0 else 1 end,
				case when e.status = org.summittracker.event.Event.Status.UPCOMING then e.startsOn end asc,
				e.startsOn desc, e.id desc
			""", countQuery = "select count(e) from Event e")
	Page<Event> findUpcomingFirst(Pageable pageable);

}
