package org.summittracker.resolution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;

import org.summittracker.shared.Pages;

public record ResolutionView(Long id, Long sessionId, int seq, String statement, Outcome outcome, LocalDate decidedOn,
		LocalDate revisitOn, List<String> addressedConcernKeys, String proposalKey) {

	/** Without addressed concerns, about the session's proposals as a whole. */
	public ResolutionView(Long id, Long sessionId, int seq, String statement, Outcome outcome, LocalDate decidedOn,
			LocalDate revisitOn) {
		this(id, sessionId, seq, statement, outcome, decidedOn, revisitOn, List.of(), null);
	}

	/**
	 * The same, addressing these concerns and deciding this proposal (null: all of them).
	 */
	ResolutionView addressing(List<String> keys, String proposalKey) {
		return new ResolutionView(this.id, this.sessionId, this.seq, this.statement, this.outcome, this.decidedOn,
				this.revisitOn, List.copyOf(keys), proposalKey);
	}

	/**
	 * Resolutions a session page shows at most, in their order: the minutes have them
	 * all.
	 */
	public static final int SHOWN = 50;

	/**
	 * Resolutions a follow-up form offers at most, the latest (and the one a follow-up
	 * already implements); any other is typed by its number.
	 */
	public static final int OFFERED = 100;

	/**
	 * The first {@link #SHOWN} resolutions of the session in the array {@code ?}
	 * ({@code bigint[]} of one id), one row per addressed concern (or one with a null key
	 * when it addresses none): id, session id, seq, statement, outcome, decided on,
	 * revisit on, concern key, the key of the proposal it decides (null: all of the
	 * session's), the number of all resolutions; read by {@link #firstFromRows}.
	 */
	public static final String SHOWN_ROWS = """
			select r.id, r.session_id, r.seq, r.statement, r.outcome, r.decided_on, r.revisit_on, c.key, p.key, r.total
			from (select x.*, count(*) over () as total from resolution x where x.session_id = any(?)
				order by x.session_id, x.seq limit\s""" + SHOWN + """
			) r left join resolution_concern rc on rc.resolution_id = r.id
				left join concern c on c.id = rc.concern_id left join proposal p on p.id = r.proposal_id
			order by r.session_id, r.seq, c.key""";

	/**
	 * The first resolutions, with the number of all, from rows as {@link #SHOWN_ROWS}
	 * lists them.
	 */
	public static Page<ResolutionView> firstFromRows(List<Object[]> rows) {
		return Pages.first(fromRows(rows), SHOWN, Pages.total(rows));
	}

	/**
	 * The resolutions with the keys of the concerns each addresses and of the proposal
	 * each decides, from rows as {@link #SHOWN_ROWS} lists them (the outcome as an
	 * {@link Outcome} or its name).
	 */
	public static List<ResolutionView> fromRows(List<Object[]> rows) {
		Map<Long, ResolutionView> views = new LinkedHashMap<>();
		Map<Long, List<String>> keys = new HashMap<>();
		Map<Long, String> proposals = new HashMap<>();
		for (Object[] row : rows) {
			Long id = (Long) row[0];
			views.computeIfAbsent(id,
					(k) -> new ResolutionView(id, (Long) row[1], (Integer) row[2], (String) row[3],
							(row[4] instanceof String name) ? Outcome.valueOf(name) : (Outcome) row[4],
							(LocalDate) row[5], (LocalDate) row[6]));
			proposals.put(id, (String) row[8]);
			List<String> own = keys.computeIfAbsent(id, (k) -> new ArrayList<>());
			if (row[7] != null) {
				own.add((String) row[7]);
			}
		}
		return views.values().stream().map((v) -> v.addressing(keys.get(v.id()), proposals.get(v.id()))).toList();
	}

}
