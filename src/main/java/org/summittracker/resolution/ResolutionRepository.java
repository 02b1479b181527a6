package org.summittracker.resolution;

import java.util.List;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ResolutionRepository extends JpaRepository<Resolution, Long> {

	@Query("select r from Resolution r where r.session.id = :sessionId and r.seq = :seq")
	Optional<Resolution> findBySeq(Long sessionId, int seq);

	@Query("select coalesce(max(r.seq), 0) from Resolution r where r.session.id = :sessionId")
	int findLastSeq(Long sessionId);

	@Query("""
			select new org.summittracker.resolution.ResolutionView(r.id, r.session.id, r.seq, r.statement, r.outcome,
				r.decidedOn, r.revisitOn)
			from Resolution r where r.session.id = :sessionId order by r.seq
			""")
	List<ResolutionView> findViews(Long sessionId);

	/**
	 * A session's resolutions, one row per addressed concern (or one with a null key when
	 * it addresses none): id, session id, seq, statement, outcome, decided on, revisit
	 * on, concern key, the key of the proposal it decides (null: all of the session's).
	 */
	@Query("""
			select r.id, r.session.id, r.seq, r.statement, r.outcome, r.decidedOn, r.revisitOn, c.key, p.key
			from Resolution r left join r.addressedConcerns c left join r.proposal p
			where r.session.id = :sessionId order by r.seq, c.key
			""")
	List<Object[]> findRowsWithConcernKeys(Long sessionId);

	/**
	 * A session's resolutions with the keys of the concerns each addresses and of the
	 * proposal each decides, in one query.
	 */
	default List<ResolutionView> findWithConcerns(Long sessionId) {
		return ResolutionView.fromRows(findRowsWithConcernKeys(sessionId));
	}

}
