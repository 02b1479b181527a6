package org.summittracker.proposal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProposalChangeRepository extends JpaRepository<ProposalChange, Long> {

}
