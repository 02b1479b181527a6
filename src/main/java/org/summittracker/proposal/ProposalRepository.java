package org.summittracker.proposal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProposalRepository extends JpaRepository<Proposal, Long> {

	Optional<Proposal> findByKey(String key);

	boolean existsByKey(String key);

	/** The keys starting with {@code prefix} (letters, digits and '-'). */
	@Query("select p.key from Proposal p where p.key like concat(:prefix, '%')")
	java.util.Set<String> findKeysStartingWith(String prefix);

	/** The proposals the session discusses, in its order. */
	@Query("""
			select p from SessionProposal sp join sp.proposal p
			where sp.session.id = :sessionId
			order by sp.seq
			""")
	List<Proposal> findDiscussedIn(Long sessionId);

	/** What the given sessions discuss, in each session's order. */
	@Query("""
			select new org.summittracker.proposal.DiscussedProposal(sp.session.id, sp.seq, p.id, p.key, p.title,
				p.statement, p.status, pa.key, pa.title)
			from SessionProposal sp join sp.proposal p left join p.parent pa
			where in_ids(sp.session.id, :sessionIds) and :sessionIds is not null
			order by sp.session.id, sp.seq
			""")
	List<DiscussedProposal> findDiscussedIn(Long[] sessionIds);

	default List<DiscussedProposal> findDiscussed(Collection<Long> sessionIds) {
		return findDiscussedIn(sessionIds.toArray(Long[]::new));
	}

	/**
	 * Links to the proposals with these ids, by id: one statement, issued for no ids too,
	 * so that a page issues as many statements whatever its data.
	 */
	default Map<Long, ProposalLink> findLinks(Collection<Long> ids) {
		Map<Long, ProposalLink> links = new HashMap<>();
		findLinkRowsIn(ids.toArray(Long[]::new)).forEach((row) -> links.put((Long) row[0], (ProposalLink) row[1]));
		return links;
	}

	@Query("""
			select p.id, new org.summittracker.proposal.ProposalLink(p.key, p.title, p.status) from Proposal p
			where in_ids(p.id, :ids) and :ids is not null
			""")
	List<Object[]> findLinkRowsIn(Long[] ids);

	/**
	 * The proposals that affect the subsystem, themselves or through a session that
	 * discussed them, by key: one statement.
	 */
	@Query("""
			select new org.summittracker.proposal.ProposalLink(p.key, p.title, p.status) from Proposal p
			where exists (select 1 from Proposal q join q.subsystems s where q = p and s.id = :subsystemId)
			   or exists (select 1 from SessionProposal sp join sp.session se join se.affectedSubsystems ss
			              where sp.proposal = p and ss.id = :subsystemId)
			order by p.key
			""")
	List<ProposalLink> findAffecting(Long subsystemId, Pageable page);

	/**
	 * Proposals whose key or title holds the text, or whose key, title or statement hold
	 * all its words (“rust linux” finds “Rust for Linux”, index proposal_search_idx); by
	 * key.
	 */
	@Query(value = """
			select p.* from proposal p
			where p.search_vector @@ plainto_tsquery('english', :words)
			   or lower(p.key) like lower('%' || :words || '%') or lower(p.title) like lower('%' || :words || '%')
			order by p.key
			""", nativeQuery = true)
	List<Proposal> findMatching(String words, Pageable page);

}
