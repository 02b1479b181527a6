package org.summittracker.followup;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FollowUpChangeRepository extends JpaRepository<FollowUpChange, Long> {

	@Query("select c from FollowUpChange c where c.followUp.id = :followUpId order by c.changedAt desc, c.id desc")
	List<FollowUpChange> findHistory(Long followUpId);

}
