package org.summittracker.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.followup.FollowUpListing;
import org.summittracker.followup.FollowUpQueries;
import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.Pages;

/**
 * What is waiting on a signed-in person, for the home page (its first items) and for
 * {@code /me} (all of it, each section paged): the open proposals affecting a subsystem
 * they maintain on which they have taken no position, the positions organizers entered
 * for them that they have not confirmed, their follow-ups still owed (overdue first), and
 * the concerns they raised that are still open; and for organizers, the sessions they
 * still have to tend. A fixed number of statements, however much there is.
 */
@Component
@Transactional(readOnly = true)
class WaitingOnMe {

	/** The items of each section the home page shows. */
	static final int LIMIT = 10;

	/** The items of each section a page of {@code /me} shows. */
	static final int PAGE = 25;

	/**
	 * An open proposal waiting on the person's buy-in: the subsystems of theirs it
	 * affects, and the session that discussed it last (where the position is recorded;
	 * none for a proposal no session has discussed yet).
	 */
	record AwaitedProposal(String key, String title, String subsystems, String eventSlug, String eventName,
			String sessionSlug, String sessionTitle) {

		public String sessionPath() {
			return (this.sessionSlug == null) ? null
					: "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "#buy-in";
		}

	}

	/**
	 * A position an organizer entered for the person as stated in a session, which they
	 * have not confirmed (nor changed) yet.
	 */
	record UnconfirmedPosition(String proposalKey, String proposalTitle, String stance, String eventSlug,
			String eventName, String sessionSlug, String sessionTitle, String enteredBy, String handle) {

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "/positions/" + this.handle
					+ "?proposal=" + this.proposalKey;
		}

	}

	record OpenConcern(String key, String title, boolean blocking, String eventSlug, String sessionSlug,
			String sessionTitle) {

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "/concerns/" + this.key;
		}

	}

	/**
	 * A session an organizer still has to tend: of an event that is over, one never
	 * marked held or cancelled, or held with its minutes not final yet; of an event to
	 * come or under way, one planned and not placed on a day.
	 */
	record SessionToTend(String eventSlug, String eventName, String sessionSlug, String sessionTitle, String status,
			boolean eventOver) {

		/** What the organizer is to do, in words of {@code me.tend.<need>}. */
		public String need() {
			if (!this.eventOver) {
				return "place";
			}
			return "PLANNED".equals(this.status) ? "held" : "minutes";
		}

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug;
		}

		/**
		 * Where it is done: the session's form for its status and day, its page for the
		 * button that marks the minutes final.
		 */
		public String actionPath() {
			return "minutes".equals(need()) ? path() : path() + "/edit";
		}

	}

	/**
	 * What waits on the person: a page of each section, and how many of the follow-ups
	 * owed are overdue (all of them, not those of the page).
	 */
	record Waiting(Page<AwaitedProposal> proposals, Page<UnconfirmedPosition> unconfirmed,
			Page<FollowUpListing> followUps, long overdue, Page<OpenConcern> concerns, LocalDate today) {

		public boolean isEmpty() {
			return this.proposals.getTotalElements() == 0 && this.unconfirmed.getTotalElements() == 0
					&& this.followUps.getTotalElements() == 0 && this.concerns.getTotalElements() == 0;
		}

	}

	/**
	 * The open proposals affecting a subsystem the person maintains (a proposal's own
	 * subsystems; for one that names none, those of the sessions that discussed it, as
	 * its readiness reads them) on which they hold no position (a withdrawn one counts as
	 * none), with the session that discussed each last; the latest discussed first, each
	 * row with the number of all.
	 */
	private static final String PROPOSALS = """
			with mine as (
			  select m.subsystem_id from maintainership m where m.person_id = :me and m.role = 'MAINTAINER'
			), affected as (
			  select ps.proposal_id, ps.subsystem_id
			  from proposal_subsystem ps join mine on mine.subsystem_id = ps.subsystem_id
			  union
			  select sp.proposal_id, ss.subsystem_id
			  from session_subsystem ss join mine on mine.subsystem_id = ss.subsystem_id
			    join session_proposal sp on sp.session_id = ss.session_id
			  where not exists (select 1 from proposal_subsystem own where own.proposal_id = sp.proposal_id)
			), waiting as (
			  select a.proposal_id, string_agg(sub.name, ', ' order by sub.name) as subsystems
			  from affected a join subsystem sub on sub.id = a.subsystem_id
			  join proposal p on p.id = a.proposal_id
			  where p.status = 'OPEN'
			    and not exists (select 1 from position x
			                    where x.proposal_id = a.proposal_id and x.person_id = :me and x.withdrawn_at is null)
			  group by a.proposal_id
			)
			select p.key, p.title, w.subsystems, last.event_slug, last.event_name, last.session_slug,
			       last.session_title, count(*) over () as total
			from waiting w join proposal p on p.id = w.proposal_id
			left join lateral (
			  select e.slug as event_slug, e.name as event_name, s.slug as session_slug, s.title as session_title,
			         e.starts_on, s.schedule_order, s.id
			  from session_proposal sp join summit_session s on s.id = sp.session_id join event e on e.id = s.event_id
			  where sp.proposal_id = p.id
			  order by e.starts_on desc, s.schedule_order desc, s.id desc
			  limit 1
			) last on true
			order by last.starts_on desc nulls last, last.schedule_order desc, last.id desc, p.key
			limit :size offset :offset
			""";

	/**
	 * The positions someone else (an organizer) entered for the person as stated in a
	 * session, not withdrawn, that the person has not confirmed or changed since; the
	 * latest first, each row with the number of all.
	 */
	private static final String UNCONFIRMED = """
			select p.key, p.title, x.stance, e.slug as event_slug, e.name as event_name, s.slug as session_slug,
			       s.title as session_title, entrant.name as entered_by, who.handle, count(*) over () as total
			from position x join proposal p on p.id = x.proposal_id join summit_session s on s.id = x.session_id
			join event e on e.id = s.event_id join person entrant on entrant.id = x.entered_by_id
			join person who on who.id = x.person_id
			where x.person_id = :me and x.entry_method = 'STATED_IN_SESSION' and x.confirmed_at is null
			  and x.withdrawn_at is null and x.entered_by_id <> x.person_id
			order by x.updated_at desc, x.id desc
			limit :size offset :offset
			""";

	/**
	 * The concerns the person raised that are still open, blocking ones first, then the
	 * latest first, each row with the number of all.
	 */
	private static final String CONCERNS = """
			select c.key, c.title, c.blocking, e.slug as event_slug, s.slug as session_slug, s.title as session_title,
			       count(*) over () as total
			from concern c join summit_session s on s.id = c.session_id join event e on e.id = s.event_id
			where c.raised_by_id = :me and c.status = 'OPEN'
			order by c.blocking desc, c.created_at desc, c.id desc
			limit :size offset :offset
			""";

	/**
	 * The sessions organizers still have to tend (see {@link SessionToTend}), events that
	 * are archived left out: those to place on a day first (the latest event first), then
	 * those of events that are over, the latest first; in schedule order within an event,
	 * each row with the number of all.
	 */
	private static final String SESSIONS_TO_TEND = """
			select e.slug as event_slug, e.name as event_name, s.slug as session_slug, s.title as session_title,
			       s.status, e.ends_on < :today as over, count(*) over () as total
			from summit_session s join event e on e.id = s.event_id
			where s.status in ('PLANNED', 'HELD', 'MINUTES_DRAFT') and e.status <> 'ARCHIVED'
			  and (e.ends_on < :today or (s.status = 'PLANNED' and s.day is null))
			order by e.ends_on desc, e.id desc, s.schedule_order, s.id
			limit :size offset :offset
			""";

	private final FollowUpQueries followUps;

	private final EntityManager entityManager;

	WaitingOnMe(FollowUpQueries followUps, EntityManager entityManager) {
		this.followUps = followUps;
		this.entityManager = entityManager;
	}

	/** The first items of each section, for the home page. */
	@KeptByTables
	public Waiting of(Long personId, LocalDate today) {
		PageRequest first = PageRequest.of(0, LIMIT);
		return of(personId, today, first, first, first, first);
	}

	/** A page of each section. */
	@KeptByTables
	public Waiting of(Long personId, LocalDate today, Pageable proposals, Pageable unconfirmed, Pageable followUps,
			Pageable concerns) {
		return new Waiting(proposals(personId, proposals), unconfirmed(personId, unconfirmed),
				this.followUps.owedBy(personId, followUps), this.followUps.overdueCountOf(personId, today),
				concerns(personId, concerns), today);
	}

	private Page<AwaitedProposal> proposals(Long personId, Pageable pageable) {
		List<Object[]> rows = rows(PROPOSALS, personId, pageable);
		return new PageImpl<>(rows.stream()
			.map((row) -> new AwaitedProposal((String) row[0], (String) row[1], (String) row[2], (String) row[3],
					(String) row[4], (String) row[5], (String) row[6]))
			.toList(), pageable, total(rows, PROPOSALS, personId, pageable));
	}

	private Page<UnconfirmedPosition> unconfirmed(Long personId, Pageable pageable) {
		List<Object[]> rows = rows(UNCONFIRMED, personId, pageable);
		return new PageImpl<>(rows.stream()
			.map((row) -> new UnconfirmedPosition((String) row[0], (String) row[1], (String) row[2], (String) row[3],
					(String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8]))
			.toList(), pageable, total(rows, UNCONFIRMED, personId, pageable));
	}

	private Page<OpenConcern> concerns(Long personId, Pageable pageable) {
		List<Object[]> rows = rows(CONCERNS, personId, pageable);
		return new PageImpl<>(rows.stream()
			.map((row) -> new OpenConcern((String) row[0], (String) row[1], (Boolean) row[2], (String) row[3],
					(String) row[4], (String) row[5]))
			.toList(), pageable, total(rows, CONCERNS, personId, pageable));
	}

	/** A page of the sessions organizers still have to tend. */
	@SuppressWarnings("unchecked")
	@KeptByTables
	public Page<SessionToTend> sessionsToTend(LocalDate today, Pageable pageable) {
		List<Object[]> rows = this.entityManager.createNativeQuery(SESSIONS_TO_TEND)
			.setParameter("today", today)
			.setParameter("size", pageable.getPageSize())
			.setParameter("offset", pageable.getOffset())
			.getResultList();
		long total = (!rows.isEmpty() || pageable.getOffset() == 0) ? Pages.total(rows)
				: ((Number) this.entityManager
					.createNativeQuery("select count(*) from (" + withoutLimit(SESSIONS_TO_TEND) + ") found")
					.setParameter("today", today)
					.getSingleResult()).longValue();
		return new PageImpl<>(rows.stream()
			.map((row) -> new SessionToTend((String) row[0], (String) row[1], (String) row[2], (String) row[3],
					(String) row[4], (Boolean) row[5]))
			.toList(), pageable, total);
	}

	private static String withoutLimit(String sql) {
		return sql.substring(0, sql.lastIndexOf("limit :size offset :offset"));
	}

	@SuppressWarnings("unchecked")
	private List<Object[]> rows(String sql, Long personId, Pageable pageable) {
		Query query = this.entityManager.createNativeQuery(sql)
			.setParameter("me", personId)
			.setParameter("size", pageable.getPageSize())
			.setParameter("offset", pageable.getOffset());
		return query.getResultList();
	}

	/**
	 * How many there are in all: the number the rows carry, or for a page past the last
	 * one (no rows to carry it, as when a reader's link outlived what it listed) a count
	 * of its own.
	 */
	private long total(List<Object[]> rows, String sql, Long personId, Pageable pageable) {
		if (!rows.isEmpty() || pageable.getOffset() == 0) {
			return Pages.total(rows);
		}
		return ((Number) this.entityManager.createNativeQuery("select count(*) from (" + withoutLimit(sql) + ") found")
			.setParameter("me", personId)
			.getSingleResult()).longValue();
	}

}
