package org.summittracker.followup;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpChangeRepository extends JpaRepository<FollowUpChange, Long> {

}
