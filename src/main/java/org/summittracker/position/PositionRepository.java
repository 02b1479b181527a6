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
	 * Current positions on the main proposal (the first) of each of the given sessions
	 * (each under the id of the session asked about, wherever it was stated), without
	 * their cited concerns (see {@link PositionQueries}).
	 */
	@Query("""
			select new org.summittracker.position.PositionView(p.id, sp.session.id, pe.id, pe.handle, pe.name, pe.email,
				p.stance, p.conditions, p.rationale, sf.id, sf.slug, sf.name, p.entryMethod, eb.handle, eb.name,
				p.confirmedAt, p.updatedAt, p.version, p.proposal.id, p.mail.trailer, p.mail.messageId, p.mail.version,
				p.mailPostedSince)
			from Position p join SessionProposal sp on sp.proposal = p.proposal
			join p.person pe join p.enteredBy eb left join p.speaksFor sf
			where in_ids(sp.session.id, :sessionIds) and :sessionIds is not null and p.withdrawnAt is null
				and sp.seq = (select min(x.seq) from SessionProposal x where x.session = sp.session)
			order by pe.name
			""")
	List<PositionView> findCurrentIn(Long[] sessionIds);

	default List<PositionView> findCurrent(Collection<Long> sessionIds) {
		return findCurrentIn(sessionIds.toArray(Long[]::new));
	}

	/**
	 * Current positions on the given proposals (each under the session it was last stated
	 * in), without their cited concerns.
	 */
	@Query("""
			select new org.summittracker.position.PositionView(p.id, p.session.id, pe.id, pe.handle, pe.name, pe.email,
				p.stance, p.conditions, p.rationale, sf.id, sf.slug, sf.name, p.entryMethod, eb.handle, eb.name,
				p.confirmedAt, p.updatedAt, p.version, p.proposal.id, p.mail.trailer, p.mail.messageId, p.mail.version,
				p.mailPostedSince)
			from Position p join p.person pe join p.enteredBy eb left join p.speaksFor sf
			where in_ids(p.proposal.id, :proposalIds) and :proposalIds is not null and p.withdrawnAt is null
			order by pe.name
			""")
	List<PositionView> findCurrentOnIn(Long[] proposalIds);

	default List<PositionView> findCurrentOn(Collection<Long> proposalIds) {
		return findCurrentOnIn(proposalIds.toArray(Long[]::new));
	}

	@Query("""
			select new org.summittracker.position.PositionView(p.id, p.session.id, pe.id, pe.handle, pe.name, pe.email,
				p.stance, p.conditions, p.rationale, sf.id, sf.slug, sf.name, p.entryMethod, eb.handle, eb.name,
				p.confirmedAt, p.updatedAt, p.version, p.proposal.id, p.mail.trailer, p.mail.messageId, p.mail.version,
				p.mailPostedSince)
			from Position p join p.person pe join p.enteredBy eb left join p.speaksFor sf
			where pe.id = :personId and p.withdrawnAt is null
			order by p.updatedAt desc
			""")
	List<PositionView> findCurrentOf(Long personId);

	/** (position id, concern key) pairs for the given positions. */
	@Query("""
			select p.id, c.key from Position p join p.citedConcerns c
			where in_ids(p.id, :positionIds) and :positionIds is not null
			order by c.key
			""")
	List<Object[]> findCitedKeysIn(Long[] positionIds);

	default List<Object[]> findCitedKeys(Collection<Long> positionIds) {
		return findCitedKeysIn(positionIds.toArray(Long[]::new));
	}

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
