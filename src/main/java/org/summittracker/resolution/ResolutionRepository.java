package org.summittracker.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.summittracker.shared.Pages;

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
	 * What a follow-up form offers to choose among the session's resolutions: the one of
	 * number {@code chosen} (none when null) and the latest
	 * {@link ResolutionView#OFFERED} of the others, in their order; with the number of
	 * all in the same statement. A follow-up usually implements a recent resolution; any
	 * other is typed by its number.
	 */
	default Page<ResolutionView> findChoices(Long sessionId, Integer chosen) {
		List<Object[]> rows = findChoicesWithTotal(sessionId, (chosen != null) ? chosen : -1,
				PageRequest.of(0, ResolutionView.OFFERED + 1));
		boolean chosenRead = !rows.isEmpty() && chosen != null && ((ResolutionView) rows.get(0)[0]).seq() == chosen;
		List<Object[]> kept = new ArrayList<>(
				rows.subList(0, Math.min(rows.size(), ResolutionView.OFFERED + (chosenRead ? 1 : 0))));
		kept.sort(Comparator.comparingInt((row) -> ((ResolutionView) row[0]).seq()));
		return Pages.first(kept, ResolutionView.OFFERED, (row) -> (ResolutionView) row[0]);
	}

	@Query("""
			select new org.summittracker.resolution.ResolutionView(r.id, r.session.id, r.seq, r.statement, r.outcome,
				r.decidedOn, r.revisitOn), count(*) over ()
			from Resolution r where r.session.id = :sessionId
			order by case when r.seq = :chosen then 0 else 1 end, r.seq desc
			""")
	List<Object[]> findChoicesWithTotal(Long sessionId, int chosen, Pageable pageable);

}
