package org.summittracker.resolution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
		Map<Long, ResolutionView> views = new LinkedHashMap<>();
		Map<Long, List<String>> keys = new HashMap<>();
		Map<Long, String> proposals = new HashMap<>();
		for (Object[] row : findRowsWithConcernKeys(sessionId)) {
			Long id = (Long) row[0];
			views.computeIfAbsent(id, (k) -> new ResolutionView(id, (Long) row[1], (Integer) row[2], (String) row[3],
					(Outcome) row[4], (LocalDate) row[5], (LocalDate) row[6]));
			proposals.put(id, (String) row[8]);
			List<String> own = keys.computeIfAbsent(id, (k) -> new ArrayList<>());
			if (row[7] != null) {
				own.add((String) row[7]);
			}
		}
		return views.values().stream().map((v) -> v.addressing(keys.get(v.id()), proposals.get(v.id()))).toList();
	}

}
