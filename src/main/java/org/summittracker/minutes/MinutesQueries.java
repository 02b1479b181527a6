package org.summittracker.minutes;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import org.summittracker.minutes.SessionMinutes.EventHeader;
import org.summittracker.position.BuyInQueries;
import org.summittracker.shared.KeptReads;
import org.summittracker.shared.RoundTrip;

/**
 * Reads the facts of many sessions' minutes at once: one query per kind of fact, whatever
 * the number of sessions, and the buy-in's queries (which the position module writes and
 * reads), all of them sent to PostgreSQL together in one round trip (one prepared
 * statement of several queries, each binding the session ids as one array). The rows come
 * back as the columns are listed, dates as {@link LocalDate}, times as
 * {@link java.time.Instant}, enumerations as their names.
 */
@Component
class MinutesQueries {

	/**
	 * The columns of a position's changes, as {@link Kind#POSITION_HISTORY} reads them.
	 */
	static final class PositionChanges {

		static final String SELECT = """
				select pc.position_id, pc.old_stance, pc.new_stance, pc.conditions, pc.rationale, pc.cited_concerns,
					pc.entry_method, eb.handle, eb.name, eb.email, pc.changed_at, pc.session_id
				from position_change pc join person eb on eb.id = pc.entered_by_id
				""";

		/** The changes of the positions in the array, oldest first. */
		static final String OF_POSITIONS = SELECT + """
				where pc.position_id = any(?)
				order by pc.changed_at, pc.id""";

		private PositionChanges() {
		}

	}

	/** The kinds of facts, in the order their queries run and their rows come back. */
	enum Kind {

		/** Sessions with their event and lead. */
		SESSIONS("""
				select s.id, e.slug, e.name, e.starts_on, e.ends_on, e.location, s.slug, s.title, s.status,
					s.scheduled_at, s.proposal, s.summary, l.handle, l.name, l.email, s.minutes_final_at
				from summit_session s join event e on e.id = s.event_id left join person l on l.id = s.lead_id
				where s.id = any(?)"""),

		ATTENDEES("""
				select p.session_id, p.role, pe.handle, pe.name, pe.email
				from session_participant p join person pe on pe.id = p.person_id
				where p.session_id = any(?)
				order by p.role, pe.name, pe.handle"""),

		NOTES("""
				select n.session_id, n.seq, sp.handle, sp.name, sp.email, n.kind, n.body
				from discussion_note n join person sp on sp.id = n.speaker_id
				where n.session_id = any(?) and n.struck_at is null
				order by n.seq"""),

		CONCERNS(
				"""
						select c.id, c.session_id, c.key, c.title, cat.name, r.handle, r.name, r.email, c.status, c.blocking,
							c.blocking_reason, c.status_note, c.revisit_on, c.body, c.created_at
						from concern c join concern_category cat on cat.id = c.category_id join person r on r.id = c.raised_by_id
						where c.session_id = any(?)
						order by c.created_at, c.id"""),

		CONCERN_SUBSYSTEMS("""
				select cs.concern_id, s.name
				from concern_subsystem cs join subsystem s on s.id = cs.subsystem_id
				where cs.concern_id = any(array(select c.id from concern c where c.session_id = any(?)))
				order by s.name"""),

		RESPONSES("""
				select r.concern_id, a.handle, a.name, a.email, r.created_at, r.body
				from concern_response r join person a on a.id = r.author_id
				where r.concern_id = any(array(select c.id from concern c where c.session_id = any(?)))
				order by r.created_at, r.id"""),

		CONCERN_HISTORY("""
				select h.concern_id, h.from_status, h.to_status, h.note, h.revisit_on, coalesce(p.handle, h.changed_by),
					coalesce(p.name, h.changed_by), p.email, h.changed_at
				from concern_status_change h left join person p on p.id = h.changed_by_id
				where h.concern_id = any(array(select c.id from concern c where c.session_id = any(?)))
				order by h.changed_at, h.id"""),

		POSITION_HISTORY(PositionChanges.SELECT + """
				where pc.position_id = any(array(select p.id from position p where p.proposal_id = any(array(
					select sp.proposal_id from session_proposal sp where sp.session_id = any(?)))))
				order by pc.changed_at, pc.id"""),

		/**
		 * The mail each current position given by mail on a proposal the sessions discuss
		 * rests on, by position id.
		 */
		MAIL_GIVEN(
				"""
						select p.id, p.mail_trailer, p.mail_version, p.mail_message_id, p.mail_address
						from position p
						where p.proposal_id = any(array(select sp.proposal_id from session_proposal sp where sp.session_id = any(?)))
						  and p.entry_method = 'BY_MAIL' and p.withdrawn_at is null"""),

		/**
		 * Resolutions, each with the key of the proposal it decides (if it names one).
		 */
		RESOLUTIONS("""
				select r.id, r.session_id, r.seq, r.outcome, r.statement, r.decided_on, r.revisit_on, pr.key
				from resolution r left join proposal pr on pr.id = r.proposal_id
				where r.session_id = any(?)
				order by r.seq"""),

		RESOLUTION_CONCERNS(
				"""
						select r.id, c.key, c.id
						from resolution r join resolution_concern rc on rc.resolution_id = r.id join concern c on c.id = rc.concern_id
						where r.session_id = any(?)
						order by c.key"""),

		FOLLOW_UPS("""
				select f.id, f.session_id, f.title, o.handle, o.name, o.email, f.due_on, f.status, f.drop_reason, c.key,
					r.seq, f.created_at, c.id
				from follow_up f join person o on o.id = f.owner_id left join concern c on c.id = f.concern_id
					left join resolution r on r.id = f.resolution_id
				where f.session_id = any(?)
				order by f.due_on nulls last, f.id"""),

		/**
		 * Each follow-up's history, oldest first: from, to, the reason given, who (the
		 * person of the account that made the change, else the account's name) and when.
		 */
		FOLLOW_UP_HISTORY("""
				select h.follow_up_id, h.from_status, h.to_status, h.note, coalesce(p.handle, h.changed_by),
					coalesce(p.name, h.changed_by), p.email, h.changed_at
				from follow_up_change h left join person p on p.id = h.changed_by_id
				where h.follow_up_id = any(array(select f.id from follow_up f where f.session_id = any(?)))
				order by h.changed_at, h.id"""),

		/**
		 * The concerns carried into each session: raised in a session held before it,
		 * about a proposal it discusses, and still open or deferred, or raised again,
		 * answered, moved, addressed by a resolution or followed up in it. As the session
		 * page lists them, in the order they were raised (held before: as
		 * {@code ConcernRepository.HELD_BEFORE}).
		 */
		CARRIED_CONCERNS(
				"""
						with here as materialized (
							select h.id, he.starts_on, h.schedule_order, sp.proposal_id
							from summit_session h join event he on he.id = h.event_id join session_proposal sp on sp.session_id = h.id
							where h.id = any(?) and sp.session_id = any(?))
						select here.id, c.id, c.key, c.title, c.proposal_id, r.handle, r.name, r.email, c.created_at, e.name,
							s.title, c.status, c.blocking
						from here join concern c on c.proposal_id = here.proposal_id join person r on r.id = c.raised_by_id
							join summit_session s on s.id = c.session_id join event e on e.id = s.event_id
						where s.id <> here.id
						  and (e.starts_on < here.starts_on or (e.starts_on = here.starts_on and (s.schedule_order < here.schedule_order
						    or (s.schedule_order = here.schedule_order and s.id < here.id))))
						  and (c.status in ('OPEN', 'DEFERRED')
						    or exists (select 1 from concern_reraise x where x.concern_id = c.id and x.session_id = here.id)
						    or exists (select 1 from concern_response a where a.concern_id = c.id and a.session_id = here.id)
						    or exists (select 1 from concern_status_change m where m.concern_id = c.id
						      and m.session_id = here.id)
						    or exists (select 1 from resolution rs join resolution_concern ac on ac.resolution_id = rs.id
						      where rs.session_id = here.id and ac.concern_id = c.id and rs.session_id = any(?))
						    or exists (select 1 from follow_up f where f.session_id = here.id and f.concern_id = c.id
						      and f.session_id = any(?)))
						order by here.id, e.starts_on, s.schedule_order, s.id, c.created_at, c.id"""),

		/** Concerns raised again in the sessions: who, when. */
		RERAISES("""
				select x.session_id, x.concern_id, p.handle, p.name, p.email, x.raised_at
				from concern_reraise x join person p on p.id = x.raised_by_id
				where x.session_id = any(?)
				order by x.raised_at, x.id"""),

		/**
		 * Responses given in the sessions to concerns raised in other sessions (carried
		 * into them): the session, the concern, who, when, what. Those to the sessions'
		 * own concerns are left out against the sessions' concerns read by index, not by
		 * looking up each response's concern (four times the time at summit scale).
		 */
		CARRIED_RESPONSES("""
				select r.session_id, r.concern_id, a.handle, a.name, a.email, r.created_at, r.body
				from concern_response r join person a on a.id = r.author_id
				where r.session_id = any(?) and not exists (select 1 from concern c
					where c.session_id = any(?) and c.id = r.concern_id and c.session_id = r.session_id)
				order by r.created_at, r.id"""),

		/**
		 * Status changes made in the sessions to concerns raised in other sessions
		 * (carried into them): the session, the concern, then as
		 * {@link #CONCERN_HISTORY}.
		 */
		CARRIED_HISTORY("""
				select h.session_id, h.concern_id, h.from_status, h.to_status, h.note, h.revisit_on,
					coalesce(p.handle, h.changed_by), coalesce(p.name, h.changed_by), p.email, h.changed_at
				from concern_status_change h left join person p on p.id = h.changed_by_id
				where h.session_id = any(?) and not exists (select 1 from concern c
					where c.session_id = any(?) and c.id = h.concern_id and c.session_id = h.session_id)
				order by h.changed_at, h.id"""),

		/**
		 * What was done to the sessions' notes (taken, edited, moved, struck, restored),
		 * resolutions (recorded, revised), follow-ups (moved, revised: those added are
		 * told from {@link #FOLLOW_UPS}) and material (added, edited, withdrawn) after
		 * their minutes were final, as the amendments list it: the session, when, note,
		 * resolution, follow-up or material, the change, the number (a note's, a
		 * resolution's), who (their name when their account has a person; for a
		 * follow-up, the person of the account that made the change), the change's id, a
		 * follow-up's title and the statuses it moved from and to (an item of material's
		 * title, kind and reason for withdrawing), an item's address, and the id of the
		 * note, resolution, follow-up or item of material. Only the notes, resolutions,
		 * follow-ups and material changed since are looked at.
		 */
		LATER_CHANGES(
				"""
						select n.session_id, r.changed_at, 'note', r.change, r.seq, coalesce(p.name, r.changed_by), r.id, null,
							null, null, null, n.id
						from summit_session s join discussion_note n on n.session_id = s.id
							join discussion_note_revision r on r.note_id = n.id
							left join account a on a.username = r.changed_by left join person p on p.id = a.person_id
						where s.id = any(?) and s.minutes_final_at is not null
						  and greatest(n.created_at, n.updated_at) > s.minutes_final_at and r.changed_at > s.minutes_final_at
						union all
						select x.session_id, c.changed_at, 'resolution', c.kind, x.seq, coalesce(p.name, c.changed_by), c.id, null,
							null, null, null, x.id
						from summit_session s join resolution x on x.session_id = s.id
							join resolution_change c on c.resolution_id = x.id
							left join account a on a.username = c.changed_by left join person p on p.id = a.person_id
						where s.id = any(?) and s.minutes_final_at is not null
						  and greatest(x.created_at, x.updated_at) > s.minutes_final_at and c.changed_at > s.minutes_final_at
						union all
						select f.session_id, c.changed_at, 'follow-up',
							case when c.from_status = c.to_status then 'REVISED' else 'MOVED' end, null,
							coalesce(p.name, c.changed_by), c.id, f.title, c.from_status, c.to_status, null, f.id
						from summit_session s join follow_up f on f.session_id = s.id
							join follow_up_change c on c.follow_up_id = f.id left join person p on p.id = c.changed_by_id
						where s.id = any(?) and s.minutes_final_at is not null and f.updated_at > s.minutes_final_at
						  and c.changed_at > s.minutes_final_at and c.from_status is not null
						union all
						select m.session_id, c.changed_at, 'material', c.change, null, coalesce(p.name, c.changed_by), c.id,
							c.title, c.kind, c.reason, c.url, m.id
						from summit_session s join session_material m on m.session_id = s.id
							join session_material_change c on c.material_id = m.id
							left join account a on a.username = c.changed_by left join person p on p.id = a.person_id
						where s.id = any(?) and s.minutes_final_at is not null and m.updated_at > s.minutes_final_at
						  and c.changed_at > s.minutes_final_at
						order by 1, 2, 7"""),

		/**
		 * The sessions' material not withdrawn, in the order it was added: kind, title,
		 * address, and who it is by (if anyone).
		 */
		MATERIAL("""
				select m.session_id, m.kind, m.title, m.url, b.handle, b.name, b.email
				from session_material m left join person b on b.id = m.by_id
				where m.session_id = any(?) and m.withdrawn_at is null
				order by m.session_id, m.id""");

		/**
		 * The kinds only the minutes as data hold (the JSON, the API's session view): a
		 * concern's subsystems and each follow-up's history. The formats printed for
		 * people (Markdown, text, HTML, PDF) print none of them, so do not read them.
		 */
		static final Set<Kind> DATA_ONLY = EnumSet.of(CONCERN_SUBSYSTEMS, FOLLOW_UP_HISTORY);

		private final String sql;

		Kind(String sql) {
			this.sql = sql;
		}

		/** Its query, every parameter the array of the sessions' ids. */
		String sql() {
			return this.sql;
		}

	}

	/**
	 * What minutes in one format read: every kind of fact but those {@code unread}; those
	 * {@code ofFinalOnly} only for the sessions whose minutes are final (the formats
	 * printed for people read a concern's and a position's history only to list the
	 * amendments, and a draft has none); a concern's body only with {@code concernBodies}
	 * (only the JSON prints it). Each kind's query is its own, so the bytes written stay
	 * the same.
	 */
	record Reads(Set<Kind> unread, Set<Kind> ofFinalOnly, boolean concernBodies) {

		/** Every fact, as the minutes as data (the JSON) print them. */
		static final Reads ALL = new Reads(Set.of(), Set.of(), true);

		/**
		 * What the formats printed for people (Markdown, text, HTML, PDF) print: not what
		 * only the data holds ({@link Kind#DATA_ONLY}), the histories only for the
		 * amendments of final minutes, no concern's body.
		 */
		static final Reads PRINTED = new Reads(Kind.DATA_ONLY,
				Set.copyOf(EnumSet.of(Kind.CONCERN_HISTORY, Kind.POSITION_HISTORY)), false);

		/** Sessions whose minutes are final, among those of the array {@code ?}. */
		private static final String FINAL_AMONG = "= any(array(select f.id from summit_session f "
				+ "where f.id = any(?) and f.minutes_final_at is not null))";

		/** The session {@code ?} when its minutes are final. */
		private static final String FINAL = "= (select f.id from summit_session f "
				+ "where f.id = ? and f.minutes_final_at is not null)";

		/** Where a query binds its sessions: an array of them, or one. */
		private static final Pattern SESSIONS = Pattern.compile("= any\\(\\?\\)|= \\?");

		Reads {
			unread = Set.copyOf(unread);
			ofFinalOnly = Set.copyOf(ofFinalOnly);
		}

		/**
		 * The query {@code sql} of a kind of facts (the query of {@link Kind} or, read as
		 * it is written, of {@link Flow}) as these reads send it.
		 */
		String sql(Kind kind, String sql) {
			String read = sql;
			if (kind == Kind.CONCERNS && !this.concernBodies) {
				read = replaced(read, "c.body,", "null::text,");
			}
			if (this.ofFinalOnly.contains(kind)) {
				read = SESSIONS.matcher(read)
					.replaceAll((m) -> Matcher.quoteReplacement(m.group().equals("= ?") ? FINAL : FINAL_AMONG));
			}
			return read;
		}

		private static String replaced(String sql, String what, String by) {
			if (!sql.contains(what)) {
				throw new IllegalStateException("A query of the minutes without " + what + ": " + sql);
			}
			return sql.replace(what, by);
		}

	}

	/**
	 * The big lists of one session's minutes, read as they are written
	 * ({@link FlowingMinutes}): each ordered as the minutes print it, a concern's
	 * subsystems, responses and status changes in the order of its concerns (led by the
	 * concern's id), so they are read along with them. The session is one id, not an
	 * array: its concerns then come in order from their index and the rest of each list
	 * is sorted concern by concern as it is read, where an array had the whole list
	 * sorted (on disk: 15 MB for 113,760 responses) before its first row came.
	 */
	enum Flow {

		NOTES(oneSession(Kind.NOTES)),

		CONCERNS(oneSession(Kind.CONCERNS)),

		CONCERN_SUBSYSTEMS(
				"""
						select cs.concern_id, s.name
						from concern c join concern_subsystem cs on cs.concern_id = c.id join subsystem s on s.id = cs.subsystem_id
						where c.session_id = ?
						order by c.created_at, c.id, s.name"""),

		RESPONSES("""
				select r.concern_id, a.handle, a.name, a.email, r.created_at, r.body
				from concern c join concern_response r on r.concern_id = c.id join person a on a.id = r.author_id
				where c.session_id = ?
				order by c.created_at, c.id, r.created_at, r.id"""),

		CONCERN_HISTORY("""
				select h.concern_id, h.from_status, h.to_status, h.note, h.revisit_on, coalesce(p.handle, h.changed_by),
					coalesce(p.name, h.changed_by), p.email, h.changed_at
				from concern c join concern_status_change h on h.concern_id = c.id
					left join person p on p.id = h.changed_by_id
				where c.session_id = ?
				order by c.created_at, c.id, h.changed_at, h.id""");

		private final String sql;

		Flow(String sql) {
			this.sql = sql;
		}

		/** The query, for one session's id. */
		String sql() {
			return this.sql;
		}

		/** The query of a kind of facts for one session's id instead of an array. */
		private static String oneSession(Kind kind) {
			return kind.sql.replace("= any(?)", "= ?");
		}

		/** The kinds of facts read in memory that this list replaces. */
		static final Set<Kind> READ_AS_WRITTEN = EnumSet.of(Kind.NOTES, Kind.CONCERNS, Kind.CONCERN_SUBSYSTEMS,
				Kind.RESPONSES, Kind.CONCERN_HISTORY);

	}

	/** How many notes and concerns a session's minutes list. */
	static final String FLOW_COUNTS = """
			select (select count(*) from discussion_note n where n.session_id = s.id and n.struck_at is null),
				(select count(*) from concern c where c.session_id = s.id)
			from summit_session s where s.id = ?""";

	/**
	 * What happened to a session's concerns after a time (raised, responded to, moved),
	 * concern by concern in the minutes' order, each concern's in the order the
	 * amendments list them before they are sorted by time: raised, responses, status
	 * changes.
	 */
	private static final String CONCERN_CHANGES = """
			select d.at, d.kind, d.who, d.key, d.from_status, d.to_status from (
				select c.created_at as at, 0 as kind, p.name as who, c.key, null as from_status, null as to_status,
					c.created_at as c_at, c.id as c_id, c.created_at as x_at, c.id as x_id
				from concern c join person p on p.id = c.raised_by_id
				where c.session_id = ? and c.created_at > ?
				union all
				select r.created_at, 1, a.name, c.key, null, null, c.created_at, c.id, r.created_at, r.id
				from concern c join concern_response r on r.concern_id = c.id join person a on a.id = r.author_id
				where c.session_id = ? and r.created_at > ?
				union all
				select h.changed_at, 2, coalesce(p.name, h.changed_by), c.key, h.from_status, h.to_status, c.created_at,
					c.id, h.changed_at, h.id
				from concern c join concern_status_change h on h.concern_id = c.id
					left join person p on p.id = h.changed_by_id
				where c.session_id = ? and h.changed_at > ?) d
			order by d.c_at, d.c_id, d.kind, d.x_at, d.x_id""";

	/**
	 * {@link #CONCERN_CHANGES} after the time the session's minutes were final (none
	 * while they are a draft).
	 */
	static final String CONCERN_CHANGES_AFTER_FINAL = CONCERN_CHANGES.replace("> ?",
			"> (select f.minutes_final_at from summit_session f where f.id = ?)");

	/**
	 * The queries of the kinds read, one after the other, as one statement, by what is
	 * read (made once for each {@link Reads}). The first line has this transaction's
	 * queries planned once per connection (PostgreSQL keeps the plan of a prepared
	 * statement) instead of at every request: their plans do not depend on how many
	 * sessions the array holds (each reads by index from the ids in it), and planning
	 * them each time cost more than running them on small events.
	 */
	private static final Map<Reads, String> STATEMENTS = new ConcurrentHashMap<>();

	/**
	 * How many rows of the minutes of session {@code s} are held in memory while they are
	 * written, even when they flow ({@link Flow}): positions on its proposals, the
	 * responses and status changes given in it to concerns carried into it (all given in
	 * it, less those to its own concerns: counted from indexes alone), resolutions,
	 * follow-ups.
	 */
	private static final String HELD_ROWS_OF_SESSION = """
			(select count(*) from session_proposal sp join position p on p.proposal_id = sp.proposal_id
					where sp.session_id = s.id)
				+ (select count(*) from concern_response r where r.session_id = s.id)
				- (select count(*) from concern c join concern_response r on r.concern_id = c.id
					and r.session_id = c.session_id where c.session_id = s.id)
				+ (select count(*) from concern_status_change h where h.session_id = s.id)
				- (select count(*) from concern c join concern_status_change h on h.concern_id = c.id
					and h.session_id = c.session_id where c.session_id = s.id)
				+ (select count(*) from resolution r where r.session_id = s.id)
				+ (select count(*) from follow_up f where f.session_id = s.id)""";

	/**
	 * How many rows the minutes of session {@code s} read (notes, concerns and their
	 * responses, and the rows of {@link #HELD_ROWS_OF_SESSION}): the weight batches are
	 * made by, and what makes a session's minutes heavy.
	 */
	private static final String ROWS_OF_SESSION = """
			(select count(*) from discussion_note n where n.session_id = s.id)
				+ (select count(*) from concern c where c.session_id = s.id)
				+ (select count(*) from concern_response r join concern c on c.id = r.concern_id
					where c.session_id = s.id)
				+ %s""".formatted(HELD_ROWS_OF_SESSION);

	/**
	 * The event, its sessions' ids in schedule order, and how many rows each session's
	 * minutes read (notes, concerns and their responses, positions on its proposals,
	 * resolutions, follow-ups): the weight batches are made by.
	 */
	private static final String EVENT_SESSIONS = """
			select e.slug, e.name, e.starts_on, e.ends_on, e.location,
				array(select s.id from summit_session s where s.event_id = e.id order by s.schedule_order, s.id),
				array(select %s
					from summit_session s where s.event_id = e.id order by s.schedule_order, s.id)
			from event e where e.slug = ?""".formatted(ROWS_OF_SESSION);

	/**
	 * A session's id, how many rows its minutes read and how many of them are held while
	 * they flow.
	 */
	private static final String SESSION = """
			select s.id, %s, %s
			from summit_session s join event e on e.id = s.event_id where e.slug = ? and s.slug = ?"""
		.formatted(ROWS_OF_SESSION, HELD_ROWS_OF_SESSION);

	private final EntityManager entityManager;

	private final KeptReads kept;

	MinutesQueries(EntityManager entityManager, KeptReads kept) {
		this.entityManager = entityManager;
		this.kept = kept;
	}

	/**
	 * The rows of every kind of fact of the sessions, by kind (in {@link Kind}'s order),
	 * but for the kinds {@code unread}: not sent, their rows left empty.
	 */
	Facts read(Collection<Long> ids, Reads reads) {
		String statement = STATEMENTS.computeIfAbsent(reads, (r) -> RoundTrip.sql(Facts.queries(r)));
		return Facts.leaving(reads.unread(), RoundTrip.read(this.kept, this.entityManager, statement, ids));
	}

	/**
	 * A change of {@link #CONCERN_CHANGES}'s row (when, what: 0 raised, 1 responded, 2
	 * moved; who, the concern's key, from and to), as the amendments word it.
	 */
	static MinutesAssembler.Dated concernChange(Object[] row) {
		String who = (String) row[2];
		String key = (String) row[3];
		return new MinutesAssembler.Dated((Instant) row[0], switch (((Number) row[1]).intValue()) {
			case 0 -> MinutesAssembler.raised(who, key);
			case 1 -> MinutesAssembler.responded(who, key);
			default -> MinutesAssembler.moved(who, key, MinutesAssembler.word(row[4]), MinutesAssembler.word(row[5]));
		});
	}

	/**
	 * The event with this slug and the ids of its sessions in schedule order (ids only: a
	 * few bytes a session, whatever the event's size), in one statement.
	 */
	Optional<EventSessions> event(String slug) {
		return this.entityManager.unwrap(org.hibernate.Session.class).doReturningWork((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(EVENT_SESSIONS)) {
				statement.setString(1, slug);
				try (ResultSet row = statement.executeQuery()) {
					if (!row.next()) {
						return Optional.empty();
					}
					Array ids = row.getArray(6);
					Array weights = row.getArray(7);
					try {
						return Optional.of(new EventSessions(
								new EventHeader(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class),
										row.getObject(4, LocalDate.class), row.getString(5)),
								List.of((Long[]) ids.getArray()), List.of((Long[]) weights.getArray())));
					}
					finally {
						ids.free();
						weights.free();
					}
				}
			}
		});
	}

	/**
	 * The session with these slugs, read without loading it: its id and how many rows its
	 * minutes read and hold, in one statement.
	 */
	Optional<SessionRows> session(String eventSlug, String sessionSlug) {
		return this.entityManager.unwrap(org.hibernate.Session.class).doReturningWork((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(SESSION)) {
				statement.setString(1, eventSlug);
				statement.setString(2, sessionSlug);
				try (ResultSet row = statement.executeQuery()) {
					return row.next() ? Optional.of(new SessionRows(row.getLong(1), row.getLong(2), row.getLong(3)))
							: Optional.empty();
				}
			}
		});
	}

	/**
	 * A session's id, how many rows its minutes read, and how many of them are held in
	 * memory while they flow (the others are read a page at a time as they are written).
	 */
	record SessionRows(Long id, long rows, long held) {
	}

	/**
	 * An event's header, its sessions' ids in schedule order, and the rows each session's
	 * minutes read.
	 */
	record EventSessions(EventHeader header, List<Long> sessionIds, List<Long> rows) {

		/** The rows all its sessions' minutes read. */
		long rowCount() {
			return this.rows.stream().mapToLong(Long::longValue).sum();
		}

		/**
		 * The most rows one batch of {@link #batches(int, long)} reads.
		 */
		long largestBatchRows(int sessions, long rows) {
			long largest = 0;
			int at = 0;
			for (List<Long> batch : batches(sessions, rows)) {
				largest = Math.max(largest,
						this.rows.subList(at, at + batch.size()).stream().mapToLong(Long::longValue).sum());
				at += batch.size();
			}
			return largest;
		}

		/**
		 * The sessions in batches read at once: at most {@code sessions} a batch, and no
		 * more than {@code rows} rows unless one session alone has more (it is then a
		 * batch of its own), so a session with thousands of concerns is never read along
		 * with a hundred others.
		 */
		List<List<Long>> batches(int sessions, long rows) {
			List<List<Long>> batches = new ArrayList<>();
			int from = 0;
			long weight = 0;
			for (int i = 0; i < this.sessionIds.size(); i++) {
				long next = this.rows.get(i);
				if (i > from && (i - from == sessions || weight + next > rows)) {
					batches.add(this.sessionIds.subList(from, i));
					from = i;
					weight = 0;
				}
				weight += next;
			}
			batches.add(this.sessionIds.subList(from, this.sessionIds.size()));
			return batches;
		}

	}

	/** The rows read, by kind, then the buy-in's. */
	record Facts(List<List<Object[]>> rows) {

		/** Every query, in {@link Kind}'s order, then the buy-in's. */
		static final List<String> QUERIES = queries(Reads.ALL);

		/**
		 * The queries of every kind read, in order, as {@code reads} sends them, then the
		 * buy-in's.
		 */
		static List<String> queries(Reads reads) {
			return Stream
				.concat(Arrays.stream(Kind.values())
					.filter((kind) -> !reads.unread().contains(kind))
					.map((kind) -> reads.sql(kind, kind.sql)), BuyInQueries.Batch.QUERIES.stream())
				.toList();
		}

		/**
		 * The facts from the rows of {@link #queries(Reads)}: the kinds {@code unread}
		 * have none.
		 */
		static Facts leaving(Set<Kind> unread, List<List<Object[]>> read) {
			if (unread.isEmpty()) {
				return new Facts(read);
			}
			List<List<Object[]>> rows = new ArrayList<>(read.size() + unread.size());
			int next = 0;
			for (Kind kind : Kind.values()) {
				rows.add(unread.contains(kind) ? List.of() : read.get(next++));
			}
			rows.addAll(read.subList(next, read.size()));
			return new Facts(rows);
		}

		List<Object[]> of(Kind kind) {
			return this.rows.get(kind.ordinal());
		}

		/** The rows of {@link BuyInQueries.Batch#QUERIES}, in their order. */
		List<List<Object[]>> buyIn() {
			return this.rows.subList(Kind.values().length, this.rows.size());
		}

	}

}
