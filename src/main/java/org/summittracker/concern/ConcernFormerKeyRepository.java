package org.summittracker.concern;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConcernFormerKeyRepository extends JpaRepository<ConcernFormerKey, Long> {

	boolean existsBySessionIdAndKey(Long sessionId, String key);

	/**
	 * The session's former keys that start with {@code prefix} (letters, digits and '-').
	 */
	@Query("select f.key from ConcernFormerKey f where f.sessionId = :sessionId and f.key like concat(:prefix, '%')")
	List<String> findKeysStartingWith(Long sessionId, String prefix);

	boolean existsByConcernIdAndKey(Long concernId, String key);

	/** The concern's current key, when {@code key} is a key it had before. */
	@Query("""
			select c.key from ConcernFormerKey f join f.concern c join c.session s join s.event e
			where e.slug = :eventSlug and s.slug = :sessionSlug and f.key = :key
			""")
	Optional<String> findCurrentKey(String eventSlug, String sessionSlug, String key);

}
