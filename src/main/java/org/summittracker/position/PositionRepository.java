package org.summittracker.position;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.concern.Concern;

interface PositionRepository extends JpaRepository<Position, Long> {

	/** The person's position on the proposal, withdrawn or not (there is at most one). */
	Optional<Position> findByProposalIdAndPersonId(Long proposalId, Long personId);

	/** The current positions on the proposal that rest on a mail. */
	@Query("select p from Position p where p.proposal.id = ?1 and p.mail.messageId is not null and p.withdrawnAt is null")
	List<Position> findGivenByMail(Long proposalId);

	/**
	 * The person's position on the proposal (withdrawn or not), with what the position
	 * page shows of it.
	 */
	@Query("""
			select p from Position p join fetch p.person pe join fetch p.enteredBy left join fetch p.speaksFor
			left join fetch p.citedConcerns join fetch p.proposal
			where p.proposal.id = :proposalId and pe.handle = :handle
			""")
	Optional<Position> findOnProposal(Long proposalId, String handle);

	/** The person's position on the session's main proposal (withdrawn or not). */
	@Query("""
			select p from Position p join fetch p.person pe join fetch p.proposal pr
			where pe.handle = :handle and pr.id = (select sp.proposal.id from SessionProposal sp
				where sp.session.id = :sessionId and sp.seq = 1)
			""")
	Optional<Position> findOnMainProposal(Long sessionId, String handle);

	/** The proposal's concerns among the given keys, to cite from a position. */
	@Query("select c from Concern c where c.proposal.id = :proposalId and c.key in :keys order by c.key, c.id")
	List<Concern> findConcerns(Long proposalId, Collection<String> keys);

	/**
	 * The proposals the given sessions discuss, in each session's order, each with the
	 * key of every open blocking concern about it (one row per concern, or one with a
	 * null key), raised in whichever session.
	 */
	@Query("""
			select sp.session.id, sp.seq, p.id, p.key, p.title, p.statement, p.status, pa.key, pa.title, c.key
			from SessionProposal sp join sp.proposal p left join p.parent pa
			left join Concern c on c.proposal = p and c.status = org.summittracker.concern.ConcernStatus.OPEN
				and c.blocking = true
			where in_ids(sp.session.id, :sessionIds) and :sessionIds is not null
			order by sp.session.id, sp.seq, c.createdAt, c.id
			""")
	List<Object[]> findDiscussedWithOpenBlockingIn(Long[] sessionIds);

	/**
	 * The subsystems each of the given proposals affects (proposal id, subsystem id,
	 * slug, name), by name.
	 */
	@Query("""
			select p.id, sub.id, sub.slug, sub.name from Proposal p join p.subsystems sub
			where in_ids(p.id, :proposalIds) and :proposalIds is not null
			order by sub.name
			""")
	List<Object[]> findProposalSubsystemsIn(Long[] proposalIds);

}
