package org.summittracker.material;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MaterialRepository extends JpaRepository<Material, Long> {

	/** The item with this id in the session. */
	@Query("select m from Material m where m.id = :id and m.session.id = :sessionId")
	Optional<Material> findInSession(Long sessionId, Long id);

	/** How many items the session holds, withdrawn ones included. */
	@Query("select count(m) from Material m where m.session.id = :sessionId")
	long countInSession(Long sessionId);

}
