package org.summittracker.resolution;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ResolutionChangeRepository extends JpaRepository<ResolutionChange, Long> {

	@Query("select c from ResolutionChange c where c.resolution.id = :resolutionId order by c.changedAt desc, c.id desc")
	List<ResolutionChange> findHistory(Long resolutionId);

}
