package org.summittracker.concern;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConcernStatusChangeRepository extends JpaRepository<ConcernStatusChange, Long> {

}
