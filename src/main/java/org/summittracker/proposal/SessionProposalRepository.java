package org.summittracker.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SessionProposalRepository extends JpaRepository<SessionProposal, Long> {

	boolean existsBySessionIdAndProposalId(Long sessionId, Long proposalId);

	@Query("select coalesce(max(sp.seq), 0) from SessionProposal sp where sp.session.id = :sessionId")
	int findLastSeq(Long sessionId);

	Optional<SessionProposal> findFirstBySessionIdOrderBySeq(Long sessionId);

	/** The sessions that discussed the proposal, in the order they were held. */
	@Query("""
			select sp from SessionProposal sp join fetch sp.session s join fetch s.event e
			where sp.proposal.id = :proposalId
			order by e.startsOn, s.scheduleOrder, s.id
			""")
	List<SessionProposal> findByProposal(Long proposalId);

}
