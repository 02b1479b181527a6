package org.summittracker.proposal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SessionProposalRepository extends JpaRepository<SessionProposal, Long> {

	boolean existsBySessionIdAndProposalId(Long sessionId, Long proposalId);

	@Query("select coalesce(max(sp.seq), 0) from SessionProposal sp where sp.session.id = :sessionId")
	int findLastSeq(Long sessionId);

	Optional<SessionProposal> findFirstBySessionIdOrderBySeq(Long sessionId);

}
