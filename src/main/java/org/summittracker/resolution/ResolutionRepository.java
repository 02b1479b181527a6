package org.summittracker.resolution;

import java.util.ArrayList;
import java.util.HashMap;
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

	@Query("""
			select r.id, c.key from Resolution r join r.addressedConcerns c
			where r.session.id = :sessionId order by c.key
			""")
	List<Object[]> findAddressedKeys(Long sessionId);

	/**
	 * A session's resolutions with the keys of the concerns each addresses, in two
	 * queries.
	 */
	default List<ResolutionView> findWithConcerns(Long sessionId) {
		List<ResolutionView> views = findViews(sessionId);
		if (views.isEmpty()) {
			return views;
		}
		Map<Long, List<String>> keys = new HashMap<>();
		for (Object[] row : findAddressedKeys(sessionId)) {
			keys.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((String) row[1]);
		}
		return views.stream().map((v) -> v.addressing(keys.getOrDefault(v.id(), List.of()))).toList();
	}

}
