package org.summittracker.followup;

import java.time.LocalDate;

/** A follow-up as a session, a person and a concern list it. */
public record FollowUpView(Long id, Long sessionId, String title, String ownerHandle, String ownerName, LocalDate dueOn,
		FollowUpStatus status, String dropReason, String concernKey, Integer resolutionSeq) implements Due {

	/**
	 * Follow-ups a session page shows at most, soonest due first: the minutes have them
	 * all.
	 */
	public static final int SHOWN = 50;

	/**
	 * The first {@link #SHOWN} follow-ups of the session in the array {@code ?}
	 * ({@code bigint[]} of one id), as {@link FollowUpRepository#findViews} orders them,
	 * and the number of all; read by {@link #of}. The rows are read from the session's
	 * index in that order and stop at {@link #SHOWN}, and counted in the index apart: a
	 * total in a window over the joined rows read and sorted every one (40 ms for a
	 * session of 10,000).
	 */
	public static final String SHOWN_ROWS = """
			select f.id, f.session_id, f.title, o.handle, o.name, f.due_on, f.status, f.drop_reason, c.key, r.seq,
				n.total
			from (select f.* from follow_up f where f.session_id = any(?)
					order by f.session_id, f.due_on nulls last, f.id limit\s""" + SHOWN + """
			) f
				cross join (select count(*) as total from follow_up a where a.session_id = any(?)) n
				join person o on o.id = f.owner_id left join concern c on c.id = f.concern_id
				left join resolution r on r.id = f.resolution_id
			order by f.session_id, f.due_on nulls last, f.id""";

	/** A follow-up from a row as {@link #SHOWN_ROWS} lists it. */
	public static FollowUpView of(Object[] row) {
		return new FollowUpView((Long) row[0], (Long) row[1], (String) row[2], (String) row[3], (String) row[4],
				(LocalDate) row[5], FollowUpStatus.valueOf((String) row[6]), (String) row[7], (String) row[8],
				(Integer) row[9]);
	}

}
