package org.summittracker.concern;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConcernStatusChangeRepository extends JpaRepository<ConcernStatusChange, Long> {

}
