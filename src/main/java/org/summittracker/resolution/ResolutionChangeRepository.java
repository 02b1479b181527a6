package org.summittracker.resolution;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.shared.HistoryEntry;

interface ResolutionChangeRepository extends JpaRepository<ResolutionChange, Long> {

	/** The resolution's history, newest first. */
	@Query("select " + HistoryEntry.Shown.OF_CHANGE
			+ " from ResolutionChange c where c.resolution.id = :resolutionId order by c.changedAt desc, c.id desc")
	List<HistoryEntry.Shown> findHistory(Long resolutionId);

}
