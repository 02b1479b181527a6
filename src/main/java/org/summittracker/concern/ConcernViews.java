package org.summittracker.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.domain.Page;

import org.summittracker.account.Actor;
import org.summittracker.shared.HistoryEntry;
import org.summittracker.shared.Pages;

/**
 * Read models of concerns, each filled by one query.
 */
public final class ConcernViews {

	private ConcernViews() {
	}

	/** A concern as listed on a session page. */
	public record ConcernSummary(Long id, Long sessionId, String key, String title, String categoryName,
			String raiserHandle, String raiserName, ConcernStatus status, boolean blocking, long responses) {

		public boolean isOpen() {
			return this.status == ConcernStatus.OPEN;
		}

		/** The page of the person who raised it. */
		public String getRaiserPath() {
			return "/people/" + this.raiserHandle;
		}

	}

	/** The whole of one concern, for its own page. */
	public record ConcernDetail(Long id, String eventSlug, String eventName, String sessionSlug, String sessionTitle,
			String key, String title, String categoryName, String raiserHandle, String raiserName, String body,
			boolean blocking, String blockingReason, ConcernStatus status, String statusNote, LocalDate revisitOn,
			Instant createdAt, String proposalKey, String proposalTitle) {

		/** Whether {@code actor} is the person who raised this concern. */
		public boolean isRaisedBy(Actor actor) {
			return actor != null && this.raiserHandle.equals(actor.personHandle());
		}

		/**
		 * Whether {@code actor} may edit this concern and change its status: its raiser
		 * or an organizer.
		 */
		public boolean mayBeChangedBy(Actor actor) {
			return isRaisedBy(actor) || (actor != null && actor.isOrganizer());
		}

		/** The statuses {@code actor} may move this concern to; none for anyone else. */
		public List<ConcernStatus> movesFor(Actor actor) {
			return this.status.movesFor(isRaisedBy(actor), actor != null && actor.isOrganizer());
		}

	}

	/** A response, with the session it was given in. */
	public record ResponseView(String authorHandle, String authorName, String body, Instant createdAt, String eventName,
			String sessionTitle) {

		/** The session it was given in, in words. */
		public String session() {
			return this.eventName + ": " + this.sessionTitle;
		}

	}

	/**
	 * One step of a concern's status history; by the person of the account that acted, or
	 * by its username when that account has no person.
	 */
	public record StatusChangeView(ConcernStatus fromStatus, ConcernStatus toStatus, String note, LocalDate revisitOn,
			String changedByHandle, String changedByName, String changedByUsername, Instant changedAt, String eventName,
			String sessionTitle) implements HistoryEntry {

		/** The session it was made in, in words. */
		public String session() {
			return this.eventName + ": " + this.sessionTitle;
		}

		@Override
		public Instant getAt() {
			return this.changedAt;
		}

		@Override
		public String getBy() {
			return (this.changedByName != null) ? this.changedByName : this.changedByUsername;
		}

	}

	/**
	 * A concern a form offers to choose (a follow-up's, a resolution's): its key, title
	 * and status.
	 */
	public record ConcernChoice(String key, String title, ConcernStatus status) {

		/**
		 * Concerns a form offers at most: the open ones first, then the others, each in
		 * the order they were raised. Any other concern of the session is chosen by its
		 * key in a text field (a session may gather thousands: a select or checkbox per
		 * concern helps nobody and weighs megabytes); those a record already addresses
		 * are shown besides.
		 */
		public static final int OFFERED = 100;

		/** A concern from a row as {@link SessionPageConcern#CHOICE_ROWS} lists it. */
		static ConcernChoice of(Object[] row) {
			return new ConcernChoice((String) row[0], (String) row[1], ConcernStatus.valueOf((String) row[2]));
		}

	}

	/** A concern's key, for listings that cite concerns by key. */
	public record ConcernKey(Long ownerId, Long concernId, String key) {
	}

	/** Open concerns per session, for event listings. */
	public record OpenConcernCount(Long sessionId, long open, long openBlocking) {
	}

	/**
	 * A concern raised in an earlier session about a proposal this session discusses,
	 * still open (or raised again here): listed on the session page as carried forward.
	 */
	public record CarriedConcern(Long id, String key, String title, String proposalKey, String raiserHandle,
			String raiserName, Instant raisedAt, String eventSlug, String eventName, String sessionSlug,
			String sessionTitle, ConcernStatus status, boolean blocking, long reraisedHere) {

		public boolean isReraisedHere() {
			return this.reraisedHere > 0;
		}

		/** The concern's permalink, in the session it was raised in. */
		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "/concerns/" + this.key;
		}

	}

	/**
	 * A concern on a session page: raised in it, or carried into it from an earlier
	 * session.
	 */
	public record SessionPageConcern(Long id, Long sessionId, String key, String title, String categoryName,
			String raiserHandle, String raiserName, ConcernStatus status, boolean blocking, long responses,
			String proposalKey, Instant raisedAt, String eventSlug, String eventName, String sessionSlug,
			String sessionTitle, long reraisedHere) {

		/**
		 * Where {@link #SESSIONS_ROWS} finds the concerns of the sessions in the array:
		 * raised in each, or carried into it.
		 */
		/**
		 * Whether concern {@code c}, of session {@code s} (of event {@code e}), about a
		 * proposal session {@code here} (of event {@code he}) discusses, is carried into
		 * it: raised in a session held before it, and still open or deferred, or raised
		 * again, answered or moved in it.
		 */
		private static final String CARRIED = """
				(e.starts_on < he.starts_on or (e.starts_on = he.starts_on
				        and (s.schedule_order < here.schedule_order
				          or (s.schedule_order = here.schedule_order and s.id < here.id))))
				      and (c.status in ('OPEN', 'DEFERRED')
				        or exists (select 1 from concern_reraise x where x.concern_id = c.id and x.session_id = here.id)
				        or exists (select 1 from concern_status_change h where h.concern_id = c.id
				          and h.session_id = here.id)
				        or exists (select 1 from concern_response a where a.concern_id = c.id
				          and a.session_id = here.id))""";

		/**
		 * Where {@link #SESSIONS_ROWS} finds the concerns of the sessions in the array:
		 * raised in each, or carried into it.
		 */
		private static final String CANDIDATES = """
				from summit_session here join event he on he.id = here.event_id
					join lateral (select o.id from concern o where o.session_id = here.id
						union select o.id from session_proposal sp join concern o on o.proposal_id = sp.proposal_id
						where sp.session_id = here.id) candidate on true
					join concern c on c.id = candidate.id
					join concern_category cat on cat.id = c.category_id join proposal pr on pr.id = c.proposal_id
					join person r on r.id = c.raised_by_id join summit_session s on s.id = c.session_id
					join event e on e.id = s.event_id
				where here.id = any(?)
				  and (s.id = here.id
				    or (exists (select 1 from session_proposal sp where sp.session_id = here.id
				          and sp.proposal_id = pr.id)
				      and """ + CARRIED + "))";

		/**
		 * For the sessions in the array {@code ?} ({@code bigint[]}; the session page
		 * sends it in its round trip): the concerns raised in each session, and those
		 * carried into it (raised in sessions held before it about the proposals it
		 * discusses, still open or deferred, or raised again, answered or moved in it);
		 * in the order they were raised, the session id last; read by {@link #of}. The
		 * candidates come by index (raised in the session, or about a proposal it
		 * discusses): the rule written as one cross of concerns and session (as JPQL,
		 * kept in CarriedConcernsTests as the oracle) scans every concern, 250 ms at
		 * summit scale.
		 */
		public static final String SESSIONS_ROWS = """
				select c.id, s.id, c.key, c.title, cat.name, r.handle, r.name, c.status, c.blocking,
					(select count(*) from concern_response cr where cr.concern_id = c.id), pr.key, c.created_at,
					e.slug, e.name, s.slug, s.title,
					(select count(*) from concern_reraise x where x.concern_id = c.id and x.session_id = here.id),
					here.id
				""" + CANDIDATES + """
				order by here.id, e.starts_on, s.schedule_order, s.id, c.created_at, c.id""";

		/**
		 * As {@link #SESSIONS_ROWS} for the session in the array {@code ?}
		 * ({@code bigint[]} of one id), what a resolution form offers to choose: the
		 * first {@link ConcernChoice#OFFERED}, the open ones first, then in the order the
		 * page lists them, each row its key, title and status, and the number of all.
		 * Read by {@link ConcernChoice#of}.
		 */
		public static final String CHOICE_ROWS = "select c.key, c.title, c.status, count(*) over ()\n" + CANDIDATES
				+ "\norder by c.status <> 'OPEN', e.starts_on, s.schedule_order, s.id, c.created_at, c.id\nlimit "
				+ ConcernChoice.OFFERED;

		/**
		 * Concerns raised in a session, and concerns carried into it, that its page shows
		 * at most, each in the order they were raised (like the proposal page's 100): the
		 * concern list (filtered by session) and the minutes have them all.
		 */
		public static final int SHOWN = 100;

		/**
		 * Open blocking concerns a session page names at most, above its buy-in: the
		 * concern list filtered to them has them all.
		 */
		public static final int BLOCKING_SHOWN = 20;

		/**
		 * As {@link #SESSIONS_ROWS} for the session in the array {@code ?}
		 * ({@code bigint[]} of one id), only the rows its page shows: the first
		 * {@link #SHOWN} raised in it, the first {@link #SHOWN} carried into it, and the
		 * first {@link #BLOCKING_SHOWN} of its own that are open and blocking; each row
		 * followed by its place among its own or the carried ones (null past the first
		 * {@link #SHOWN}), their number, its place among the open blocking ones (null for
		 * the others) and their number. Its own rows are read from the session's index in
		 * the order they were raised and stop at the first {@link #SHOWN} (a session may
		 * gather thousands: numbering them all in a window cost 70 ms for 5,000), and are
		 * counted in the index; the responses and re-raisings are counted only for the
		 * rows read. Read by {@link #shown}.
		 */
		public static final String SHOWN_ROWS = """
				select c.id, s.id, c.key, c.title, cat.name, r.handle, r.name, c.status, c.blocking,
					(select count(*) from concern_response cr where cr.concern_id = c.id), pr.key, c.created_at,
					e.slug, e.name, s.slug, s.title,
					(select count(*) from concern_reraise x where x.concern_id = c.id and x.session_id = here.id),
					here.id, f.listed, case when s.id = here.id then n.raised else f.carried end, f.blocking_listed,
					n.blocking
				from summit_session here
					cross join lateral (select (select count(*) from concern o where o.session_id = here.id) as raised,
						(select count(*) from concern o where o.session_id = here.id and o.status = 'OPEN' and o.blocking)
							as blocking
						offset 0) n
					join lateral (select g.id, min(g.listed) as listed, min(g.blocking_listed) as blocking_listed,
							min(g.carried) as carried
						from (select o.id, row_number() over (order by o.created_at, o.id) as listed,
								null::bigint as blocking_listed, null::bigint as carried
							from (select o.id, o.created_at from concern o where o.session_id = here.id
								order by o.created_at, o.id limit\s"""
				+ SHOWN + """
						) o
									union all
									select o.id, null, row_number() over (order by o.created_at, o.id), null
									from (select o.id, o.created_at from concern o
										where o.session_id = here.id and o.status = 'OPEN' and o.blocking
										order by o.created_at, o.id limit\s""" + BLOCKING_SHOWN
				+ """
						) o
									union all
									select k.id, k.listed, null, k.carried
									from (select c.id, row_number() over (order by e.starts_on, s.schedule_order, s.id,
											c.created_at, c.id) as listed, count(*) over () as carried
										from event he, session_proposal sp join concern c on c.proposal_id = sp.proposal_id
											join summit_session s on s.id = c.session_id join event e on e.id = s.event_id
										where he.id = here.event_id and sp.session_id = here.id and c.session_id <> here.id
										  and """
				+ CARRIED + """
						) k
									where k.listed <=\s""" + SHOWN
				+ """
						) g
								group by g.id) f on true
							join concern c on c.id = f.id
							join concern_category cat on cat.id = c.category_id join proposal pr on pr.id = c.proposal_id
							join person r on r.id = c.raised_by_id join summit_session s on s.id = c.session_id
							join event e on e.id = s.event_id
						where here.id = any(?)
						order by here.id, e.starts_on, s.schedule_order, s.id, c.created_at, c.id""";

		/** A concern from a row as {@link #SESSIONS_ROWS} lists it. */
		public static SessionPageConcern of(Object[] row) {
			return new SessionPageConcern((Long) row[0], (Long) row[1], (String) row[2], (String) row[3],
					(String) row[4], (String) row[5], (String) row[6], ConcernStatus.valueOf((String) row[7]),
					(Boolean) row[8], (Long) row[9], (String) row[10], (Instant) row[11], (String) row[12],
					(String) row[13], (String) row[14], (String) row[15], (Long) row[16]);
		}

		/**
		 * What a session page shows of its concerns, from rows as {@link #SHOWN_ROWS}
		 * lists them: those raised in it, those carried into it, and its open blocking
		 * ones, each a first page with the number of all.
		 */
		public static ShownConcerns shown(Long sessionId, List<Object[]> rows) {
			List<SessionPageConcern> listed = new ArrayList<>();
			List<SessionPageConcern> blocking = new ArrayList<>();
			long raisedTotal = 0;
			long carriedTotal = 0;
			long blockingTotal = rows.isEmpty() ? 0 : ((Number) rows.get(0)[21]).longValue();
			for (Object[] row : rows) {
				SessionPageConcern concern = of(row);
				boolean raisedHere = concern.sessionId.equals(sessionId);
				long total = ((Number) row[19]).longValue();
				if (raisedHere) {
					raisedTotal = total;
				}
				else {
					carriedTotal = total;
				}
				if (row[18] != null && ((Number) row[18]).longValue() <= SHOWN) {
					listed.add(concern);
				}
				if (raisedHere && concern.status == ConcernStatus.OPEN && concern.blocking && row[20] != null
						&& ((Number) row[20]).longValue() <= BLOCKING_SHOWN) {
					blocking.add(concern);
				}
			}
			return new ShownConcerns(Pages.first(raisedIn(sessionId, listed), SHOWN, raisedTotal),
					Pages.first(carriedInto(sessionId, listed), SHOWN, carriedTotal),
					Pages.first(raisedIn(sessionId, blocking), BLOCKING_SHOWN, blockingTotal));
		}

		/** The session's own concerns, as its page lists them. */
		public static List<ConcernSummary> raisedIn(Long sessionId, List<SessionPageConcern> concerns) {
			return concerns.stream()
				.filter((c) -> c.sessionId.equals(sessionId))
				.map((c) -> new ConcernSummary(c.id, c.sessionId, c.key, c.title, c.categoryName, c.raiserHandle,
						c.raiserName, c.status, c.blocking, c.responses))
				.toList();
		}

		/** The concerns carried into the session from earlier ones. */
		public static List<CarriedConcern> carriedInto(Long sessionId, List<SessionPageConcern> concerns) {
			return concerns.stream()
				.filter((c) -> !c.sessionId.equals(sessionId))
				.map((c) -> new CarriedConcern(c.id, c.key, c.title, c.proposalKey, c.raiserHandle, c.raiserName,
						c.raisedAt, c.eventSlug, c.eventName, c.sessionSlug, c.sessionTitle, c.status, c.blocking,
						c.reraisedHere))
				.toList();
		}

	}

	/**
	 * What a session page shows of its concerns, each list a first page with the number
	 * of all.
	 *
	 * @param raised the first of those raised in it
	 * @param carried the first of those carried into it
	 * @param blocking the first of those raised in it that are open and blocking
	 */
	public record ShownConcerns(Page<ConcernSummary> raised, Page<CarriedConcern> carried,
			Page<ConcernSummary> blocking) {

		/**
		 * What a form on the session page offers to cite among the concerns shown: those
		 * carried into the session and those raised in it, the open ones first, each in
		 * the order they were raised (as {@link SessionPageConcern#CHOICE_ROWS} orders
		 * them), the first {@link ConcernChoice#OFFERED}; any other is cited by its key.
		 */
		public List<ConcernChoice> choices() {
			List<ConcernChoice> all = new ArrayList<>();
			this.carried.forEach((c) -> all.add(new ConcernChoice(c.key(), c.title(), c.status())));
			this.raised.forEach((c) -> all.add(new ConcernChoice(c.key(), c.title(), c.status())));
			return all.stream()
				.sorted(Comparator.comparing((ConcernChoice c) -> c.status() != ConcernStatus.OPEN))
				.limit(ConcernChoice.OFFERED)
				.toList();
		}

		/** How many concerns are raised in the session or carried into it. */
		public long choiceCount() {
			return this.raised.getTotalElements() + this.carried.getTotalElements();
		}

	}

	/** A concern raised again, in a later session, by someone. */
	public record ReraiseView(Long concernId, String eventSlug, String eventName, String sessionSlug,
			String sessionTitle, String raiserHandle, String raiserName, Instant raisedAt) {
	}

	/** A concern filed from one of its session's discussion notes. */
	public record FiledFromNote(Long noteId, String key, String title) {
	}

}
