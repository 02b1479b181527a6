package org.summittracker.session;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SessionFormerSlugRepository extends JpaRepository<SessionFormerSlug, Long> {

	boolean existsByEventIdAndSlug(Long eventId, String slug);

	@Query("""
			select s.slug from SessionFormerSlug f join f.session s join s.event e
			where e.slug = :eventSlug and f.slug = :slug
			""")
	Optional<String> findCurrentSlug(String eventSlug, String slug);

	@Query("select s.slug from SessionFormerSlug f join f.session s where f.eventId = :eventId and f.slug = :slug")
	Optional<String> findCurrentSlug(Long eventId, String slug);

	@Modifying
	@Query("delete from SessionFormerSlug f where f.session.id = :sessionId and f.slug = :slug")
	void release(Long sessionId, String slug);

}
