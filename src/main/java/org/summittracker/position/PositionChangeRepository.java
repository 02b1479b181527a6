package org.summittracker.position;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PositionChangeRepository extends JpaRepository<PositionChange, Long> {

}
