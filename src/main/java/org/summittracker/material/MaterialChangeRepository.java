package org.summittracker.material;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialChangeRepository extends JpaRepository<MaterialChange, Long> {

}
