package org.summittracker.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.position.BuyInQueries;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.proposal.ProposalStatus;
import org.summittracker.shared.KeptReads;
import org.summittracker.shared.Pages;

/**
 * The life of one proposal, read in a fixed number of statements however many sessions
 * discussed it: the sessions in the order they were held, its concerns, a timeline of
 * notes, position changes, concern events and resolutions, how each person's position
 * moved from session to session, and its buy-in and readiness today (as the last session
 * that discussed it sees them).
 */
@Component
@Transactional(readOnly = true)
public class ProposalLife {

	public record Header(Long id, String key, String title, String statement, ProposalStatus status, String parentKey,
			String parentTitle, String supersededByKey, String supersededByTitle, long version) {
	}

	public record Related(String key, String title, ProposalStatus status) {
	}

	/**
	 * One change an organizer made to the proposal, with the session that decided it (or
	 * {@code null}).
	 */
	public record Change(Instant at, String by, String summary, DiscussedIn decidedIn) {
	}

	public record DiscussedIn(Long sessionId, String eventSlug, String eventName, LocalDate startsOn,
			String sessionSlug, String sessionTitle) {

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug;
		}

	}

	/**
	 * A concern about the proposal with its steps since it was raised: all of them, or
	 * the last ones and how many {@code earlier} ones are not shown (the concern's page
	 * has them all).
	 */
	public record ConcernLine(Long id, String key, String title, String status, boolean blocking, String raiserHandle,
			String raiserName, Instant raisedAt, DiscussedIn raisedIn, List<Entry> steps, long earlier) {

		public boolean isOpen() {
			return "OPEN".equals(this.status);
		}

		/** Its own page, which lists every step. */
		public String path() {
			return this.raisedIn.path() + "/concerns/" + this.key;
		}

		/**
		 * Whether step {@code index} was taken in another session than the step before it
		 * (the first always is): the page names a session once for the steps taken in it,
		 * rather than on each (a step's line was mostly its session's name).
		 */
		public boolean inNewSession(int index) {
			for (int i = index - 1; i >= 0; i--) {
				if (!"RAISED".equals(this.steps.get(i).kind())) {
					return !this.steps.get(i).session().equals(this.steps.get(index).session());
				}
			}
			return true;
		}

		ConcernLine withSteps(List<Entry> steps, long earlier) {
			return new ConcernLine(this.id, this.key, this.title, this.status, this.blocking, this.raiserHandle,
					this.raiserName, this.raisedAt, this.raisedIn, steps, earlier);
		}

	}

	/**
	 * One entry of the timeline: what happened, in which session, when, by whom, and in
	 * words.
	 */
	public record Entry(DiscussedIn session, Instant at, String kind, String handle, String name, String detail,
			String text, String newStance, String concernKey) {

		/**
		 * What a step of a concern did, as a message code: raised, raised again,
		 * answered, or the status it moved to.
		 */
		public String stepCode() {
			return switch (this.kind) {
				case "RAISED" -> "proposal.concerns.step.raised";
				case "RERAISED" -> "proposal.concerns.step.reraised";
				case "ANSWERED" -> "proposal.concerns.step.answered";
				default -> "concern.status." + this.detail;
			};
		}

		/** The entry in words, as the history export writes it. */
		public String words() {
			return ProposalHistoryText.describe(this);
		}

		/** Whether it starts another session's part of the timeline. */
		public boolean startsSession(Entry previous) {
			return previous == null || previous.session() != this.session;
		}

	}

	/** A stance a person stated, and the session they stated it in. */
	public record Move(String stance, DiscussedIn session) {

		public String words() {
			return ProposalHistoryText.words(this.stance);
		}

	}

	/**
	 * A person's stance at the end of each session that discussed the proposal, and the
	 * moves: each stance they stated, in the session they stated it (a session's last).
	 */
	public record Movement(String handle, String name, List<String> stances, List<Move> moves) {

		/** The moves in words: “Concerned (in 2021: Rust) → Acked-by (in 2025: Rust)”. */
		public String movesInWords() {
			return String.join(" → ", this.moves.stream()
				.map((m) -> m.words() + " (" + m.session().eventName() + ": " + m.session().sessionTitle() + ")")
				.toList());
		}

		/** The stances in words, session by session (blank before the first). */
		public List<String> words() {
			return this.stances.stream().map((s) -> s.isEmpty() ? "" : ProposalHistoryText.words(s)).toList();
		}

	}

	/**
	 * The proposal, what it is related to, the sessions that discussed it, its concerns
	 * (each with its steps), how positions moved and its buy-in today: all of them
	 * ({@link ProposalLife#of(String)}) or the first ones a page shows
	 * ({@link ProposalLife#of(String, int)}), with the number of all
	 * ({@code concernCount}, {@code movementCount}). Its timeline, which holds every note
	 * of those sessions, is read a page at a time ({@link ProposalLife#timeline}) or
	 * streamed ({@link ProposalLife#eachEntry}), never held whole.
	 */
	public record Life(Header proposal, List<Related> parts, List<Related> supersedes, List<Change> changes,
			List<DiscussedIn> sessions, List<ConcernLine> concerns, long concernCount, List<Movement> movements,
			long movementCount, ProposalBuyIn buyIn) {
	}

	/**
	 * The steps of concerns (the concerns chosen by the condition on {@code k}, given
	 * once for each of the four branches): raised, moved, raised again, answered. Narrow
	 * rows: what the timeline sorts by, who, and which row holds the text
	 * ({@code concern_id}, {@code rid}), read by {@link #withTexts} for the rows kept.
	 */
	private static final String CONCERN_STEPS = """
			  select h.session_id, h.changed_at as at, 'CONCERN' as kind, h.changed_by_id as person_id,
			         h.to_status as detail, null as text, null as new_stance, h.id as seq, k.key as ref,
			         k.id as concern_id, h.id as rid
			  from concern_status_change h join concern k on k.id = h.concern_id
			  where %1$s and h.from_status is not null
			  union all
			  select k.session_id, k.created_at, 'RAISED', k.raised_by_id, case when k.blocking then 'BLOCKING' else '' end,
			         null, null, k.id, k.key, k.id, k.id
			  from concern k
			  where %1$s
			  union all
			  select x.session_id, x.raised_at, 'RERAISED', x.raised_by_id, '', null, null, x.id, k.key, k.id, x.id
			  from concern_reraise x join concern k on k.id = x.concern_id
			  where %1$s
			  union all
			  select a.session_id, a.created_at, 'ANSWERED', a.author_id, '', null, null, a.id, k.key, k.id, a.id
			  from concern_response a join concern k on k.id = a.concern_id
			  where %1$s
			""";

	/** The steps of the proposal's concerns (four times the proposal's id). */
	private static final String ITS_CONCERN_STEPS = CONCERN_STEPS.formatted("k.proposal_id = ?");

	/** Steps of a concern its line on the page shows: its own page has them all. */
	public static final int STEPS_SHOWN = 5;

	/** Concerns read at once, with all their steps, when the history is written out. */
	static final int CONCERNS_AT_ONCE = 500;

	/** People whose moves are read at once when the history is written out. */
	private static final int PEOPLE_AT_ONCE = 500;

	/** Timeline entries read at once when the whole timeline is written out. */
	private static final int ENTRIES_AT_ONCE = 500;

	/**
	 * The order the timeline is told in: as the sessions were held, then as things
	 * happened.
	 */
	private static final String TOLD = "t.starts_on, t.schedule_order, t.session_id, t.at, t.kind, t.seq";

	/**
	 * The narrow rows {@code t} with their sessions' order. The rows meet their sessions
	 * behind a fence ({@code offset 0}) so that they are joined by hash before the sort:
	 * otherwise, to serve a limit, the planner walked the events in order and scanned
	 * every row for each (7 s for the 131,000 rows of a proposal of the skewed data set).
	 */
	private static String withSessions(String rows) {
		return """
				(select t.*, e.starts_on, s.schedule_order from (%s) t
				  join summit_session s on s.id = t.session_id join event e on e.id = s.event_id offset 0) t"""
			.formatted(rows);
	}

	/**
	 * The entries of the narrow rows {@code t} (a from item with their sessions' order),
	 * in the order they are told, each with its person and its text, read from the row
	 * that holds it; {@code answer} is the text of an answer, {@code more} columns of
	 * {@code t} after the entry's. Texts are read for these rows only: sorting the rows
	 * with their notes' text took 0.6 s on a proposal of the skewed data set.
	 */
	private static String withTexts(String rows, String answer, String more) {
		return """
				select t.session_id, t.at, t.kind, pe.handle, pe.name, t.detail,
				       case t.kind when 'NOTE' then n.body when 'RESOLUTION' then r.statement when 'DECIDED' then d.summary
				         when 'CONCERN' then k.key || ': ' || k.title || coalesce(' (' || h.note || ')', '')
				         when 'RAISED' then k.key || ': ' || k.title when 'RERAISED' then k.key || ': ' || k.title
				         when 'ANSWERED' then %s else t.text end,
				       t.new_stance, t.ref%s
				from %s
				left join person pe on pe.id = t.person_id
				left join discussion_note n on t.kind = 'NOTE' and n.id = t.rid
				left join resolution r on t.kind = 'RESOLUTION' and r.id = t.rid
				left join proposal_change d on t.kind = 'DECIDED' and d.id = t.rid
				left join concern k on k.id = t.concern_id
				left join concern_status_change h on t.kind = 'CONCERN' and h.id = t.rid
				left join concern_response a on t.kind = 'ANSWERED' and a.id = t.rid
				"""
			.formatted(answer, more, rows);
	}

	/** The text of an answer in the timeline. */
	private static final String ANSWER = "k.key || ': ' || a.body";

	/**
	 * Notes and resolutions of the sessions that discussed it, changes to positions on it
	 * and to concerns about it (eight times the proposal's id), as narrow rows.
	 */
	private static final String TIMELINE_ROWS = """
			  select n.session_id, n.created_at as at, 'NOTE' as kind, n.speaker_id as person_id,
			         n.kind as detail, null as text, null as new_stance, n.seq as seq, null as ref,
			         null::bigint as concern_id, n.id as rid
			  from discussion_note n join session_proposal sp on sp.session_id = n.session_id
			  where sp.proposal_id = ?
			  union all
			  select c.session_id, c.changed_at, 'POSITION', p.person_id, c.kind,
			         coalesce(c.old_stance, '') || '>' || coalesce(c.new_stance, ''), c.new_stance, c.id, null, null, c.id
			  from position_change c join position p on p.id = c.position_id
			  where p.proposal_id = ?
			  union all
			"""
			+ ITS_CONCERN_STEPS
			+ """
					  union all
					  select r.session_id, r.created_at, 'RESOLUTION', null, r.outcome, null, null, r.seq, null, null, r.id
					  from resolution r join session_proposal sp on sp.session_id = r.session_id
					  where sp.proposal_id = ? and (r.proposal_id is null or r.proposal_id = sp.proposal_id)
					  union all
					  select d.session_id, d.changed_at, 'DECIDED', null, d.changed_by_username, null, null, d.id, null, null, d.id
					  from proposal_change d
					  where d.proposal_id = ? and d.session_id is not null
					""";

	/**
	 * The first {@code :upto} rows of each kind in each session that discussed the
	 * proposal ({@code :proposal}), in the order the timeline tells them, as narrow rows
	 * with their sessions' order: a page of the timeline is among them, however many rows
	 * the sessions hold. Each kind is read through an index in that order
	 * ({@code (session_id, time, id)}) and stops after {@code :upto} rows. A step's
	 * concern is looked up row by row ({@code offset 0} keeps the lateral from being
	 * joined): once the statement is prepared, the generic plan joined a session's
	 * answers (113,760 on the skewed data set) to all the proposal's concerns by hash,
	 * 0.1 to 0.28 s instead of 9 to 31 ms.
	 */
	private static final String FIRST_ROWS = """
			select t.*, ss.starts_on, ss.schedule_order
			from (select s.id, e.starts_on, s.schedule_order from session_proposal sp
			      join summit_session s on s.id = sp.session_id join event e on e.id = s.event_id
			      where sp.proposal_id = :proposal) ss
			cross join lateral (
			  (select n.session_id, n.created_at as at, 'NOTE' as kind, n.speaker_id as person_id, n.kind as detail,
			          null as text, null as new_stance, n.seq::bigint as seq, null as ref, null::bigint as concern_id,
			          n.id as rid
			   from discussion_note n where n.session_id = ss.id order by n.created_at, n.seq limit :upto)
			  union all
			  (select c.session_id, c.changed_at, 'POSITION', p.person_id, c.kind,
			          coalesce(c.old_stance, '') || '>' || coalesce(c.new_stance, ''), c.new_stance, c.id, null, null, c.id
			   from position_change c join position p on p.id = c.position_id
			   where c.session_id = ss.id and p.proposal_id = :proposal order by c.changed_at, c.id limit :upto)
			  union all
			  (select h.session_id, h.changed_at, 'CONCERN', h.changed_by_id, h.to_status, null, null, h.id, k.key, k.id, h.id
			   from concern_status_change h
			   cross join lateral (select k.key, k.id from concern k
			                       where k.id = h.concern_id and k.proposal_id = :proposal offset 0) k
			   where h.session_id = ss.id and h.from_status is not null
			   order by h.changed_at, h.id limit :upto)
			  union all
			  (select k.session_id, k.created_at, 'RAISED', k.raised_by_id, case when k.blocking then 'BLOCKING' else '' end,
			          null, null, k.id, k.key, k.id, k.id
			   from concern k where k.session_id = ss.id and k.proposal_id = :proposal order by k.created_at, k.id limit :upto)
			  union all
			  (select x.session_id, x.raised_at, 'RERAISED', x.raised_by_id, '', null, null, x.id, k.key, k.id, x.id
			   from concern_reraise x
			   cross join lateral (select k.key, k.id from concern k
			                       where k.id = x.concern_id and k.proposal_id = :proposal offset 0) k
			   where x.session_id = ss.id order by x.raised_at, x.id limit :upto)
			  union all
			  (select a.session_id, a.created_at, 'ANSWERED', a.author_id, '', null, null, a.id, k.key, k.id, a.id
			   from concern_response a
			   cross join lateral (select k.key, k.id from concern k
			                       where k.id = a.concern_id and k.proposal_id = :proposal offset 0) k
			   where a.session_id = ss.id order by a.created_at, a.id limit :upto)
			  union all
			  (select r.session_id, r.created_at, 'RESOLUTION', null, r.outcome, null, null, r.seq, null, null, r.id
			   from resolution r where r.session_id = ss.id and (r.proposal_id is null or r.proposal_id = :proposal)
			   order by r.created_at, r.seq limit :upto)
			  union all
			  (select d.session_id, d.changed_at, 'DECIDED', null, d.changed_by_username, null, null, d.id, null, null, d.id
			   from proposal_change d where d.proposal_id = :proposal and d.session_id = ss.id
			   order by d.changed_at, d.id limit :upto)
			) t""";

	/**
	 * How many entries the timeline has ({@code :proposal}), counted kind by kind through
	 * indexes without reading the rows: the changes to its positions
	 * ({@code position.changes}, which the database keeps: V112; counting them position
	 * by position took 50 ms for 5,000 positions on the skewed data set); its concerns,
	 * each raised and its steps since ({@code concern.steps}, which the database keeps:
	 * V111; counting them concern by concern took 40 ms for 130,000 answers on the skewed
	 * data set), both summed from indexes that include them (V113: 23 to 30 index pages
	 * for 5,000 rows, where the concerns' rows lay on 2,122 pages). Joined to the
	 * proposal's positions and concerns, the changes to positions and to concerns were
	 * counted by scanning whole indexes in parallel (60 to 100 ms each on the skewed data
	 * set, against 5 to 10).
	 */
	private static final String ENTRIES = """
			(select count(*) from discussion_note n join session_proposal sp on sp.session_id = n.session_id
			 where sp.proposal_id = :proposal)
			+ (select coalesce(sum(p.changes), 0) from position p where p.proposal_id = :proposal)
			+ (select coalesce(sum(1 + k.steps), 0) from concern k where k.proposal_id = :proposal)
			+ (select count(*) from resolution r join session_proposal sp on sp.session_id = r.session_id
			   where sp.proposal_id = :proposal and (r.proposal_id is null or r.proposal_id = sp.proposal_id))
			+ (select count(*) from proposal_change d where d.proposal_id = :proposal and d.session_id is not null)""";

	/**
	 * A page of the timeline ({@code :proposal}, {@code :limit}, {@code :offset},
	 * {@code :upto} their sum), each row with the number of all: the first rows of each
	 * kind in each session are sorted and cut, then the kept ones get their texts.
	 * Before, every row was read and sorted for each page (0.3 s for the 131,563 rows of
	 * a proposal of the skewed data set).
	 */
	private static final String TIMELINE_PAGE = withTexts("(select t.*, " + ENTRIES + " as total from (" + FIRST_ROWS
			+ ") t order by " + TOLD + " limit :limit offset :offset) t", ANSWER, ", t.total") + "order by " + TOLD;

	/** The whole timeline, in order (eight times the proposal's id). */
	private static final String TIMELINE = withTexts(withSessions(TIMELINE_ROWS), ANSWER, "") + "order by " + TOLD;

	/**
	 * The steps of its concerns (its id): raised, moved, raised again, answered (without
	 * the answers' text, which the steps do not show), each with its concern's id,
	 * concern by concern in the order the history lists them ({@link #OPEN_FIRST}), then
	 * in the order they were taken. Its concerns are sorted (a few thousand rows), then
	 * each one's steps are read through its indexes ({@code concern_id} first) and sorted
	 * on their own (an incremental sort, a concern at a time), so that the rows stream as
	 * they are read. Before, every step of the proposal was sorted at once (1.2 to 2.1 s
	 * for its 122,000 steps on the skewed data set, against 0.9 s in all).
	 */
	public static final String STEPS = """
			select t.session_id, t.at, t.kind, t.handle, t.name, t.detail, t.text, null as new_stance, o.key, o.id
			from (select c.id, c.key, c.title, c.status <> 'OPEN' as open_last, e.starts_on, s.schedule_order,
			             c.created_at, c.session_id, c.raised_by_id, c.blocking
			      from concern c join summit_session s on s.id = c.session_id join event e on e.id = s.event_id
			      where c.proposal_id = ?
			      order by c.status <> 'OPEN', e.starts_on, s.schedule_order, c.created_at, c.id) o
			cross join lateral (
			  select t.*, e.starts_on, s.schedule_order, pe.handle, pe.name
			  from (select o.session_id, o.created_at as at, 'RAISED' as kind, o.raised_by_id as person_id,
			               case when o.blocking then 'BLOCKING' else '' end as detail, o.key || ': ' || o.title as text,
			               o.id as seq
			        union all
			        select h.session_id, h.changed_at, 'CONCERN', h.changed_by_id, h.to_status,
			               o.key || ': ' || o.title || coalesce(' (' || h.note || ')', ''), h.id
			        from concern_status_change h where h.concern_id = o.id and h.from_status is not null
			        union all
			        select x.session_id, x.raised_at, 'RERAISED', x.raised_by_id, '', o.key || ': ' || o.title, x.id
			        from concern_reraise x where x.concern_id = o.id
			        union all
			        select a.session_id, a.created_at, 'ANSWERED', a.author_id, '', o.key, a.id
			        from concern_response a where a.concern_id = o.id) t
			  join summit_session s on s.id = t.session_id join event e on e.id = s.event_id
			  left join person pe on pe.id = t.person_id) t
			order by o.open_last, o.starts_on, o.schedule_order, o.created_at, o.id, """ + TOLD;

	/**
	 * The order concerns are listed in: as the sessions that raised them were held. Its
	 * concerns are read by the proposal's index first, behind a fence ({@code offset 0}):
	 * to serve the limit, the planner otherwise walked every session in schedule order
	 * (0.8 s at summit scale, against 20 ms).
	 */
	private static final String CONCERNS_IN_ORDER = """
			from (select c.*, e.slug as event_slug, e.name as event_name, e.starts_on, s.slug as session_slug,
			        s.title as session_title, s.schedule_order
			      from concern c join summit_session s on s.id = c.session_id join event e on e.id = s.event_id
			      where c.proposal_id = ? offset 0) c
			join person r on r.id = c.raised_by_id
			order by c.starts_on, c.schedule_order, c.created_at, c.id
			limit ? offset ?""";

	/**
	 * A page of the concerns about it (its id, how many, how many before), each row with
	 * the number of all.
	 */
	private static final String CONCERNS = """
			select c.id, c.key, c.title, c.status, c.blocking, r.handle, r.name, c.created_at, c.session_id,
			       c.event_slug, c.event_name, c.starts_on, c.session_slug, c.session_title, count(*) over ()
			""" + CONCERNS_IN_ORDER;

	/**
	 * Concerns about it in the order the history lists them: the open ones first, then as
	 * the sessions that raised them were held (its id, how many, how many before).
	 */
	private static final String OPEN_FIRST = CONCERNS.replace("order by c.starts_on",
			"order by c.status <> 'OPEN', c.starts_on");

	/**
	 * The last steps (moved, raised again, answered) of the concerns a page shows (their
	 * ids, an array), in the order they were taken, each row with its concern's id and
	 * the number of all its steps: a concern answered thousands of times shows its last
	 * few, their texts for those few. Each concern's sessions with steps are counted
	 * through its indexes {@code (concern_id, session_id, time, id)} (V110), without
	 * reading the rows; then, latest session first, each kind's last few in each session
	 * are read backwards through the same indexes until the concern has its few. Before,
	 * every step of the concerns shown was sorted by its session's order (0.1 to 0.35 s
	 * for a concern with 11,385 answers on the skewed data set).
	 */
	private static final String LAST_STEPS = withTexts("""
			(select k.id as concern_id, k.key as ref, null as text, null as new_stance, l.*
			 from concern k
			 cross join lateral (
			   select ss.id as session_id, ss.starts_on, ss.schedule_order, ss.steps, t.*
			   from (select s.id, e.starts_on, s.schedule_order, sum(u.n) over () as steps
			         from (select u.session_id, count(*) as n
			               from (select h.session_id from concern_status_change h
			                     where h.concern_id = k.id and h.from_status is not null
			                     union all
			                     select x.session_id from concern_reraise x where x.concern_id = k.id
			                     union all
			                     select a.session_id from concern_response a where a.concern_id = k.id) u
			               group by u.session_id) u
			         join summit_session s on s.id = u.session_id join event e on e.id = s.event_id) ss
			   cross join lateral (
			     (select h.changed_at as at, 'CONCERN' as kind, h.changed_by_id as person_id, h.to_status as detail,
			             h.id as seq, h.id as rid
			      from concern_status_change h
			      where h.concern_id = k.id and h.session_id = ss.id and h.from_status is not null
			      order by h.changed_at desc, h.id desc limit %1$d)
			     union all
			     (select x.raised_at, 'RERAISED', x.raised_by_id, '', x.id, x.id
			      from concern_reraise x where x.concern_id = k.id and x.session_id = ss.id
			      order by x.raised_at desc, x.id desc limit %1$d)
			     union all
			     (select a.created_at, 'ANSWERED', a.author_id, '', a.id, a.id
			      from concern_response a where a.concern_id = k.id and a.session_id = ss.id
			      order by a.created_at desc, a.id desc limit %1$d)
			   ) t
			   order by ss.starts_on desc, ss.schedule_order desc, ss.id desc, t.at desc, t.kind desc, t.seq desc
			   limit %1$d
			 ) l
			 where k.id = any(?::bigint[])) t""".formatted(STEPS_SHOWN), "k.key", ", t.concern_id, t.steps")
			+ "order by t.concern_id, " + TOLD;

	/**
	 * Changes to positions on it in the sessions that discussed it, for how positions
	 * moved (its id, how many people before, how many up to the last shown): those of a
	 * page of the people whose positions moved (ranked by their first change), each row
	 * with the number of all those people. In windows, not a join to the people ranked:
	 * the planner joined those by nested loop (0.4 s for 7,000 changes, against 0.1 s).
	 */
	private static final String MOVED = """
			select t.session_id, t.at, 'POSITION', pe.handle, pe.name, t.detail, t.text, t.new_stance, null, t.people
			from (
			  select t.*, max(t.rank) over () as people
			  from (
			    select t.*, dense_rank() over (order by t.first) as rank
			    from (
			      select t.*, min(t.n) over (partition by t.person_id) as first
			      from (
			        select c.session_id, c.changed_at as at, p.person_id, c.kind as detail,
			               coalesce(c.old_stance, '') || '>' || coalesce(c.new_stance, '') as text, c.new_stance,
			               row_number() over (order by e.starts_on, s.schedule_order, s.id, c.changed_at, c.id) as n
			        from position_change c join position p on p.id = c.position_id
			        join session_proposal sp on sp.session_id = c.session_id and sp.proposal_id = p.proposal_id
			        join summit_session s on s.id = c.session_id join event e on e.id = s.event_id
			        where p.proposal_id = ?
			      ) t
			    ) t
			  ) t
			) t join person pe on pe.id = t.person_id
			where t.rank > ? and t.rank <= ?
			order by t.n""";

	/** How many people's positions on it moved in the sessions that discussed it. */
	private static final String MOVED_PEOPLE = """
			select count(distinct p.person_id)
			from position_change c join position p on p.id = c.position_id
			join session_proposal sp on sp.session_id = c.session_id and sp.proposal_id = p.proposal_id
			where p.proposal_id = ?""";

	/**
	 * The statements of the proposal page that read through the indexes of its big
	 * tables, for their plans to be checked (the timeline's parameters named).
	 */
	public static final List<String> PAGE_QUERIES = List.of(LAST_STEPS, TIMELINE_PAGE);

	private final JdbcTemplate jdbc;

	/** For the timeline's page, whose parameters are named; it keeps the parsed SQL. */
	private final NamedParameterJdbcTemplate named;

	private final BuyInQueries buyIn;

	private final KeptReads kept;

	ProposalLife(JdbcTemplate jdbc, BuyInQueries buyIn, KeptReads kept) {
		this.jdbc = jdbc;
		this.kept = kept;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.buyIn = buyIn;
	}

	/**
	 * What its history starts with: the proposal, what it is related to, the sessions
	 * that discussed it and its whole buy-in, without its concerns nor how positions
	 * moved, which {@link #eachConcern} and {@link #eachMovement} hand over a few hundred
	 * at a time (a proposal of the skewed data set has 5,000 concerns with 130,000
	 * steps).
	 */
	public Optional<Life> forHistory(String key) {
		return read(key, null, PageRequest.of(0, 1), false);
	}

	/**
	 * Hands every concern about it to {@code each} with every step since it was raised,
	 * the open ones first (otherwise as the sessions that raised them were held), read
	 * {@link #CONCERNS_AT_ONCE} at a time.
	 */
	public void eachConcern(Life life, Consumer<ConcernLine> each) {
		Long id = life.proposal().id();
		Map<Long, DiscussedIn> sessions = bySession(life);
		Deque<ConcernLine> pending = new ArrayDeque<>();
		long[] read = { 0 };
		// The next concern in order, read a few hundred at a time.
		Supplier<ConcernLine> next = () -> {
			if (pending.isEmpty() && read[0] >= 0) {
				List<ConcernLine> more = concerns(OPEN_FIRST, id, CONCERNS_AT_ONCE, read[0], null);
				pending.addAll(more);
				read[0] = (more.size() < CONCERNS_AT_ONCE) ? -1 : read[0] + more.size();
			}
			return pending.poll();
		};
		// Each concern's steps come together: hand it over with them, and those before
		// it that had none.
		BiConsumer<Long, List<Entry>> handOver = (concern, steps) -> {
			for (ConcernLine c = next.get(); c != null; c = next.get()) {
				boolean its = c.id().equals(concern);
				each.accept(c.withSteps(its ? steps : List.of(), 0));
				if (its) {
					return;
				}
			}
		};
		if (!sessions.isEmpty()) {
			Long[] current = { null };
			List<List<Entry>> steps = new ArrayList<>(List.of(new ArrayList<>()));
			stream(STEPS, id, 1, (rs) -> {
				Long concern = rs.getLong(10);
				if (!concern.equals(current[0])) {
					if (current[0] != null) {
						handOver.accept(current[0], steps.get(0));
					}
					current[0] = concern;
					steps.set(0, new ArrayList<>());
				}
				steps.get(0).add(entry(rs, sessions));
			});
			if (current[0] != null) {
				handOver.accept(current[0], steps.get(0));
			}
		}
		handOver.accept(null, List.of());
	}

	/**
	 * Hands how each person's position moved to {@code each}, in the order of their first
	 * change, read for {@link #PEOPLE_AT_ONCE} people at a time.
	 */
	public void eachMovement(Life life, Consumer<Movement> each) {
		if (life.sessions().isEmpty()) {
			return;
		}
		Map<Long, DiscussedIn> sessions = new LinkedHashMap<>();
		life.sessions().forEach((s) -> sessions.put(s.sessionId(), s));
		long[] people = { 0 };
		for (long before = 0; before == 0 || before < people[0]; before += PEOPLE_AT_ONCE) {
			List<Entry> positions = this.jdbc.query(MOVED, (rs, n) -> {
				people[0] = rs.getLong(10);
				return entry(rs, sessions);
			}, life.proposal().id(), before, before + PEOPLE_AT_ONCE);
			movements(positions, sessions).forEach(each);
			if (positions.isEmpty()) {
				return;
			}
		}
	}

	/**
	 * What its page shows: the first {@code shown} concerns, each with its last
	 * {@link #STEPS_SHOWN} steps, and the first {@code shown} people whose positions
	 * moved, with the number of all; the same statements whatever their number.
	 */
	public Optional<Life> of(String key, int shown) {
		return of(key, PageRequest.of(0, shown), PageRequest.of(0, shown));
	}

	/**
	 * What a page of it shows: a page of its concerns, each with its last
	 * {@link #STEPS_SHOWN} steps, and a page of the people whose positions moved (ranked
	 * by their first change), with the number of all; the same statements whatever their
	 * number (one more to count them past the last page).
	 */
	public Optional<Life> of(String key, Pageable concerns, Pageable people) {
		return read(key, concerns, people, true);
	}

	/**
	 * The proposal, what it is related to, the sessions that discussed it, its buy-in and
	 * its first {@code shown} concerns with the number of all, without their steps nor
	 * how positions moved: what the API answers.
	 */
	public Optional<Life> outline(String key, int shown) {
		return read(key, PageRequest.of(0, shown), PageRequest.of(0, shown), false);
	}

	/**
	 * The proposal with a page of its concerns ({@code null}: none, and its whole buy-in,
	 * for the history) and of the people whose positions moved.
	 */
	private Optional<Life> read(String key, Pageable concernPage, Pageable peoplePage, boolean withSteps) {
		return this.kept.read("ProposalLife.read",
				Arrays.asList(key, (concernPage != null) ? concernPage.getOffset() : null,
						(concernPage != null) ? concernPage.getPageSize() : null, peoplePage.getOffset(),
						peoplePage.getPageSize(), withSteps),
				() -> readNow(key, concernPage, peoplePage, withSteps));
	}

	private Optional<Life> readNow(String key, Pageable concernPage, Pageable peoplePage, boolean withSteps) {
		List<Header> headers = this.jdbc.query("""
				select p.id, p.key, p.title, p.statement, p.status, pa.key, pa.title, sb.key, sb.title, p.version
				from proposal p left join proposal pa on pa.id = p.parent_id
				left join proposal sb on sb.id = p.superseded_by_id
				where p.key = ?""",
				(rs, n) -> new Header(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						ProposalStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getString(9), rs.getLong(10)),
				key);
		if (headers.isEmpty()) {
			return Optional.empty();
		}
		Header proposal = headers.get(0);
		// Its parts and the proposals it took the place of, in one statement.
		List<Related> parts = new ArrayList<>();
		List<Related> supersedes = new ArrayList<>();
		this.jdbc.query("""
				select key, title, status, parent_id = ? from proposal
				where parent_id = ? or superseded_by_id = ? order by id""", (rs) -> {
			Related related = new Related(rs.getString(1), rs.getString(2), ProposalStatus.valueOf(rs.getString(3)));
			(rs.getBoolean(4) ? parts : supersedes).add(related);
		}, proposal.id(), proposal.id(), proposal.id());
		Map<Long, DiscussedIn> sessions = new LinkedHashMap<>();
		this.jdbc.query("""
				select s.id, e.slug, e.name, e.starts_on, s.slug, s.title
				from session_proposal sp join summit_session s on s.id = sp.session_id join event e on e.id = s.event_id
				where sp.proposal_id = ?
				order by e.starts_on, s.schedule_order, s.scheduled_at, s.id""", (rs) -> {
			sessions.put(rs.getLong(1), new DiscussedIn(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6)));
		}, proposal.id());
		List<Change> changes = this.jdbc.query(
				"select changed_at, changed_by_username, summary, session_id from proposal_change where proposal_id = ?"
						+ " order by changed_at, id",
				(rs, n) -> new Change(instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
						sessions.get(rs.getObject(4, Long.class))),
				proposal.id());
		long[] concernCount = { 0 };
		List<ConcernLine> concerns = (concernPage == null) ? List.of()
				: concerns(CONCERNS, proposal.id(), concernPage.getPageSize(), concernPage.getOffset(), concernCount);
		if (concerns.isEmpty() && concernPage != null && concernPage.getOffset() > 0) {
			// Past the last page: no row carries the number of all.
			concernCount[0] = this.jdbc.queryForObject("select count(*) from concern where proposal_id = ?", Long.class,
					proposal.id());
		}
		if (withSteps) {
			concerns = withLastSteps(proposal.id(), concernPage, concerns, sessions);
		}
		long[] movementCount = { 0 };
		long before = peoplePage.getOffset();
		List<Entry> positions = (sessions.isEmpty() || !withSteps) ? List.of() : this.jdbc.query(MOVED, (rs, n) -> {
			movementCount[0] = rs.getLong(10);
			return entry(rs, sessions);
		}, proposal.id(), before, before + peoplePage.getPageSize());
		if (positions.isEmpty() && before > 0 && !sessions.isEmpty()) {
			movementCount[0] = this.jdbc.queryForObject(MOVED_PEOPLE, Long.class, proposal.id());
		}
		Long last = sessions.isEmpty() ? null : new ArrayList<>(sessions.keySet()).get(sessions.size() - 1);
		// A page shows the first rows of the buy-in and its readiness, read bounded; the
		// history has every position.
		ProposalBuyIn current = (last == null) ? null
				: ((concernPage == null) ? this.buyIn.forProposals(last)
						: this.buyIn.shown(last, null).proposals().getOrDefault(last, List.of()))
					.stream()
					.filter((b) -> b.proposal().id().equals(proposal.id()))
					.findFirst()
					.orElse(null);
		return Optional.of(new Life(proposal, parts, supersedes, changes, List.copyOf(sessions.values()), concerns,
				concernCount[0], movements(positions, sessions), movementCount[0], current));
	}

	/**
	 * Concerns about it ({@code sql}: {@link #CONCERNS} or {@link #OPEN_FIRST}), as many
	 * as {@code limit} after {@code offset}, without their steps; the number of all into
	 * {@code count} when given.
	 */
	private List<ConcernLine> concerns(String sql, Long proposalId, int limit, long offset, long[] count) {
		return this.jdbc.query(sql, (rs, n) -> {
			if (count != null) {
				count[0] = rs.getLong(15);
			}
			return new ConcernLine(
					rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
					rs.getString(7), instant(rs.getTimestamp(8)), new DiscussedIn(rs.getLong(9), rs.getString(10),
							rs.getString(11), rs.getDate(12).toLocalDate(), rs.getString(13), rs.getString(14)),
					List.of(), 0);
		}, proposalId, limit, offset);
	}

	/**
	 * The concerns a page shows, each with its last {@link #STEPS_SHOWN} steps after it
	 * was raised and the number of the earlier ones.
	 */
	private List<ConcernLine> withLastSteps(Long proposalId, Pageable shown, List<ConcernLine> concerns,
			Map<Long, DiscussedIn> sessions) {
		Map<Long, List<Entry>> steps = new HashMap<>();
		Map<Long, Long> all = new HashMap<>();
		// Read even for a proposal without concerns: its page issues the same statements.
		this.jdbc.query(LAST_STEPS, (rs) -> {
			List<Entry> of = steps.computeIfAbsent(rs.getLong(10), (k) -> new ArrayList<>());
			of.add(entry(rs, sessions));
			all.put(rs.getLong(10), rs.getLong(11));
		}, (Object) concerns.stream().map(ConcernLine::id).toArray(Long[]::new));
		return concerns.stream().map((c) -> {
			List<Entry> last = steps.getOrDefault(c.id(), List.of());
			return c.withSteps(last, all.getOrDefault(c.id(), 0L) - last.size());
		}).toList();
	}

	/**
	 * A page of the timeline: notes and resolutions of the sessions that discussed it,
	 * changes to positions on it and to concerns about it, in the order the sessions were
	 * held, then as they happened; counted in the same statement.
	 */
	public Page<Entry> timeline(Life life, Pageable pageable) {
		if (life.sessions().isEmpty()) {
			return Page.empty(pageable);
		}
		// The entries name the sessions the life read: an input of the read.
		List<Object[]> rows = this.kept.read("ProposalLife.timeline",
				List.of(life.proposal().id(), pageable.getOffset(), pageable.getPageSize(), life.sessions()),
				() -> timelineRows(life, pageable));
		return Pages.withTotal(rows, pageable, () -> timeline(life, PageRequest.of(0, 1)).getTotalElements());
	}

	private List<Object[]> timelineRows(Life life, Pageable pageable) {
		Map<Long, DiscussedIn> sessions = bySession(life);
		return this.named.query(TIMELINE_PAGE,
				Map.of("proposal", life.proposal().id(), "limit", pageable.getPageSize(), "offset",
						pageable.getOffset(), "upto", pageable.getOffset() + pageable.getPageSize()),
				(rs, n) -> new Object[] { entry(rs, sessions), rs.getLong(10) });
	}

	/**
	 * Hands every entry of the timeline, in order, to {@code each}, read a few hundred at
	 * a time: a proposal's sessions may hold thousands of notes of kilobytes each.
	 */
	public void eachEntry(Life life, Consumer<Entry> each) {
		if (life.sessions().isEmpty()) {
			return;
		}
		Map<Long, DiscussedIn> sessions = bySession(life);
		Long id = life.proposal().id();
		stream(TIMELINE, id, 8, (rs) -> each.accept(entry(rs, sessions)));
	}

	/**
	 * Reads {@code sql}, its {@code parameters} each the proposal's id, a few hundred
	 * rows at a time, handing each row to {@code each} as it comes.
	 */
	private void stream(String sql, Long id, int parameters, RowCallbackHandler each) {
		this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setFetchSize(ENTRIES_AT_ONCE);
			for (int i = 1; i <= parameters; i++) {
				statement.setLong(i, id);
			}
			return statement;
		}, each);
	}

	private static Map<Long, DiscussedIn> bySession(Life life) {
		Map<Long, DiscussedIn> sessions = new HashMap<>();
		life.sessions().forEach((s) -> sessions.put(s.sessionId(), s));
		return sessions;
	}

	private static Entry entry(ResultSet rs, Map<Long, DiscussedIn> sessions) throws SQLException {
		return new Entry(sessions.get(rs.getLong(1)), instant(rs.getTimestamp(2)), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
	}

	/**
	 * Each person's stance at the end of every session that discussed the proposal
	 * (carried over from the one before when they said nothing new; empty before they
	 * first took one).
	 */
	private static List<Movement> movements(List<Entry> timeline, Map<Long, DiscussedIn> sessions) {
		List<Long> order = new ArrayList<>(sessions.keySet());
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, String[]> stances = new LinkedHashMap<>();
		Map<String, String[]> stated = new LinkedHashMap<>();
		for (Entry entry : timeline) {
			if (!"POSITION".equals(entry.kind()) || entry.session() == null) {
				continue;
			}
			names.put(entry.handle(), entry.name());
			String[] row = stances.computeIfAbsent(entry.handle(), (h) -> new String[order.size()]);
			int at = order.indexOf(entry.session().sessionId());
			String stance = (entry.newStance() != null) ? entry.newStance() : "WITHDRAWN";
			for (int i = at; i < row.length; i++) {
				row[i] = stance;
			}
			stated.computeIfAbsent(entry.handle(), (h) -> new String[order.size()])[at] = stance;
		}
		List<DiscussedIn> held = List.copyOf(sessions.values());
		List<Movement> movements = new ArrayList<>();
		stances.forEach((handle, row) -> {
			// The stance each session ended with, where it differs from the one before.
			List<Move> moves = new ArrayList<>();
			String[] said = stated.get(handle);
			for (int i = 0; i < said.length; i++) {
				if (said[i] != null && (moves.isEmpty() || !moves.get(moves.size() - 1).stance().equals(said[i]))) {
					moves.add(new Move(said[i], held.get(i)));
				}
			}
			movements.add(new Movement(handle, names.get(handle),
					Arrays.stream(row).map((s) -> (s != null) ? s : "").toList(), List.copyOf(moves)));
		});
		return movements;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
