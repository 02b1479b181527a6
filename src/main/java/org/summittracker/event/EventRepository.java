package org.summittracker.event;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.shared.Pages;

public interface EventRepository extends JpaRepository<Event, Long> {

	Optional<Event> findBySlug(String slug);

	/** The event as its pages show it: a value, so that the read can be kept. */
	@Query("""
			select new org.summittracker.event.EventView(e.id, e.slug, e.name, e.startsOn, e.endsOn, e.location,
				e.description, e.status)
			from Event e where e.slug = :slug""")
	Optional<EventView> findViewBySlug(String slug);

	boolean existsBySlug(String slug);

	/**
	 * The slugs starting with {@code prefix} (letters, digits and '-'), and the former
	 * slugs starting with it: none of them can be a new event's.
	 */
	@Query(value = """
			select slug from event where slug like :prefix || '%'
			union select slug from event_former_slug where slug like :prefix || '%'
			""", nativeQuery = true)
	java.util.Set<String> findSlugsTakenStartingWith(String prefix);

	/**
	 * The days (YYYY-MM-DD) of the event's sessions that fall outside {@code startsOn} to
	 * {@code endsOn}, in order.
	 */
	@Query(value = """
			select distinct cast(day as varchar) from summit_session
			where event_id = :eventId and (day < :startsOn or day > :endsOn) order by 1
			""", nativeQuery = true)
	java.util.List<String> findSessionDaysOutside(Long eventId, java.time.LocalDate startsOn,
			java.time.LocalDate endsOn);

	/** Newest first; backed by event_starts_on_idx. */
	@Query("select e from Event e order by e.startsOn desc, e.id desc")
	Page<Event> findNewestFirst(Pageable pageable);

	/**
	 * Upcoming events first, the soonest first; then the others, newest first (for
	 * {@code /events} and the API): a page with its total in the same statement
	 * ({@link Pages#withTotal}).
	 */
	default Page<EventView> findUpcomingFirst(Pageable pageable) {
		return Pages.withTotal(findUpcomingFirstWithTotal(pageable), pageable, this::count);
	}

	/** Pairs of an event and the number of all events. */
	@Query("""
			select new org.summittracker.event.EventView(e.id, e.slug, e.name, e.startsOn, e.endsOn, e.location,
				e.description, e.status), count(*) over () from Event e
			order by case when e.status = org.summittracker.event.Event.Status.UPCOMING then 0 else 1 end,
				case when e.status = org.summittracker.event.Event.Status.UPCOMING then e.startsOn end asc,
				e.startsOn desc, e.id desc
			""")
	java.util.List<Object[]> findUpcomingFirstWithTotal(Pageable pageable);

	/** Upcoming events, the soonest first. */
	@Query("""
			select new org.summittracker.event.EventView(e.id, e.slug, e.name, e.startsOn, e.endsOn, e.location,
				e.description, e.status)
			from Event e where e.status = org.summittracker.event.Event.Status.UPCOMING order by e.startsOn, e.id""")
	java.util.List<EventView> findUpcoming(Pageable pageable);

	/** Held and archived events, newest first. */
	@Query("""
			select new org.summittracker.event.EventView(e.id, e.slug, e.name, e.startsOn, e.endsOn, e.location,
				e.description, e.status)
			from Event e where e.status <> org.summittracker.event.Event.Status.UPCOMING
			order by e.startsOn desc, e.id desc""")
	java.util.List<EventView> findPast(Pageable pageable);

}
