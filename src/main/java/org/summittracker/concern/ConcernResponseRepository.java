package org.summittracker.concern;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConcernResponseRepository extends JpaRepository<ConcernResponse, Long> {

}
