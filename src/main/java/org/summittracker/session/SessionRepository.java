package org.summittracker.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.stereotype.Repository;

import org.summittracker.session.SessionViews.AttendedSession;
import org.summittracker.session.SessionViews.NoteView;
import org.summittracker.shared.Pages;
import org.summittracker.session.SessionViews.ParticipantView;
import org.summittracker.session.SessionViews.ScheduledSession;
import org.summittracker.session.SessionViews.TimetableSlot;
import org.summittracker.session.SessionViews.AffectedSubsystem;

// Named apart from Spring Session's own "sessionRepository" (the HTTP sessions in PostgreSQL).
@Repository("summitSessionRepository")
public interface SessionRepository extends JpaRepository<Session, Long> {

	/**
	 * What a session decides, in a query over sessions {@code s}: its main proposal's
	 * statement (the session's own text only while it discusses none).
	 */
	String MAIN_PROPOSAL_TEXT = """
			coalesce((select mp.statement from SessionProposal msp join msp.proposal mp
				where msp.session = s and msp.seq = (select min(x.seq) from SessionProposal x where x.session = s)),
				s.proposal)""";

	/**
	 * A session's main proposal {@code mp} (the first it discusses), joined to sessions
	 * {@code s}: no row while it discusses none. Its key and statement are read from this
	 * one join.
	 */
	String MAIN_PROPOSAL_JOIN = """
			left join SessionProposal msp on msp.session = s
				and msp.seq = (select min(x.seq) from SessionProposal x where x.session = s)
			left join msp.proposal mp
			""";

	@Query("""
			select s from Session s join fetch s.event e left join fetch s.lead
			where e.slug = :eventSlug and s.slug = :sessionSlug
			""")
	Optional<Session> findBySlugs(String eventSlug, String sessionSlug);

	/**
	 * The event's session slugs starting with {@code prefix} (letters, digits and '-'),
	 * and its former ones: none of them can be a new session's.
	 */
	@Query(value = """
			select slug from summit_session where event_id = :eventId and slug like :prefix || '%'
			union select slug from session_former_slug where event_id = :eventId and slug like :prefix || '%'
			""", nativeQuery = true)
	java.util.Set<String> findSlugsTakenStartingWith(Long eventId, String prefix);

	/**
	 * An event's timetable: every session in order, days together; a page with its total
	 * in the same statement ({@link Pages#withTotal}).
	 */
	default Page<TimetableSlot> findTimetable(Long eventId, Pageable pageable) {
		return Pages.withTotal(findTimetableWithTotal(eventId, pageable), pageable, () -> countByEventId(eventId));
	}

	/** Pairs of a session's timetable slot and the number of the event's sessions. */
	@Query("""
			select new org.summittracker.session.SessionViews$TimetableSlot(s.id, s.slug, s.title, s.day, s.scheduledAt,
				s.durationMinutes, s.room, s.status, coalesce(mp.statement, s.proposal), l.handle, l.name, mp.key),
				count(*) over ()
			from Session s left join s.lead l
			""" + MAIN_PROPOSAL_JOIN + """
			where s.event.id = :eventId
			order by s.scheduleOrder, s.id
			""")
	List<Object[]> findTimetableWithTotal(Long eventId, Pageable pageable);

	long countByEventId(Long eventId);

	/**
	 * The event's sessions placed on a day at a start time, at most {@code limit}, in
	 * order, as rows of {@link SessionViews.CalendarSlot#of}: one statement whatever the
	 * event holds, each session's latest audit entry found by its index
	 * ({@code audit_entry_session_idx}).
	 */
	@Query(value = """
			select s.id, s.slug, s.title, s.scheduled_at, s.duration_minutes, s.room, s.status, l.name, mp.key,
				coalesce(mp.title, s.proposal), s.version,
				greatest(s.created_at, (select a.occurred_at from audit_entry a where a.session_id = s.id
					order by a.occurred_at desc limit 1))
			from summit_session s left join person l on l.id = s.lead_id
			left join session_proposal msp on msp.session_id = s.id
				and msp.seq = (select min(x.seq) from session_proposal x where x.session_id = s.id)
			left join proposal mp on mp.id = msp.proposal_id
			where s.event_id = :eventId and s.day is not null and s.scheduled_at is not null
			order by s.scheduled_at, s.schedule_order, s.id
			limit :limit
			""", nativeQuery = true)
	List<Object[]> findOnTheCalendar(Long eventId, int limit);

	/** Every session of an event, in order, for renumbering. */
	@Query("select s from Session s where s.event.id = :eventId order by s.scheduleOrder, s.id")
	List<Session> findInOrder(Long eventId);

	boolean existsByEventIdAndSlug(Long eventId, String slug);

	@Query("""
			select new org.summittracker.session.SessionViews$ParticipantEntry(p.id, p.role, pe.handle, pe.name)
			from Participant p join p.person pe
			where p.session.id = :sessionId
			order by p.role, pe.name
			""")
	List<org.summittracker.session.SessionViews.ParticipantEntry> findParticipantEntries(Long sessionId);

	@Query("""
			select new org.summittracker.session.SessionViews$ScheduledSession(s.id, e.slug, e.name, s.slug, s.title,
				s.scheduledAt, s.status, """ + MAIN_PROPOSAL_TEXT + """
				)
			from Session s join s.event e
			where in_ids(s.id, :ids) and :ids is not null
			order by e.startsOn desc, s.scheduleOrder, s.id
			""")
	List<ScheduledSession> findScheduledIn(Long[] ids);

	default List<ScheduledSession> findScheduled(Collection<Long> ids) {
		return findScheduledIn(ids.toArray(Long[]::new));
	}

	/**
	 * A page of the sessions a person took part in (a row for each role they had), the
	 * latest event first, with their number in the same statement
	 * ({@link Pages#withTotal}).
	 */
	default Page<AttendedSession> findAttendedBy(Long personId, Pageable pageable) {
		return Pages.withTotal(findAttendedWithTotal(personId, pageable), pageable, () -> countAttended(personId));
	}

	@Query("""
			select new org.summittracker.session.SessionViews$AttendedSession(e.slug, e.name, s.slug, s.title,
				s.scheduledAt, s.status, p.role), count(*) over ()
			from Participant p join p.session s join s.event e
			where p.person.id = :personId
			order by e.startsOn desc, s.scheduleOrder, s.id, p.role
			""")
	List<Object[]> findAttendedWithTotal(Long personId, Pageable pageable);

	@Query("select count(p) from Participant p where p.person.id = :personId")
	long countAttended(Long personId);

	@Query("""
			select new org.summittracker.session.SessionViews$ParticipantView(p.role, pe.handle, pe.name)
			from Participant p join p.person pe
			where p.session.id = :sessionId
			order by p.role, pe.name
			""")
	List<ParticipantView> findParticipants(Long sessionId);

	/**
	 * One page of a session's notes in order, with their total in the same statement
	 * ({@link Pages#withTotal}).
	 */
	default Page<NoteView> findNotes(Long sessionId, Pageable pageable) {
		return Pages.withTotal(findNotesWithTotal(sessionId, pageable), pageable, () -> countNotes(sessionId));
	}

	/**
	 * A session's latest notes, in order: where notes are being taken, they are the ones
	 * that matter. A first page of {@code size} whose total is the number of all the
	 * session's notes.
	 */
	default Page<NoteView> findLatestNotes(Long sessionId, int size) {
		List<Object[]> rows = findLatestNotesWithTotal(sessionId, PageRequest.of(0, size));
		List<NoteView> latest = new ArrayList<>(rows.stream().map((row) -> (NoteView) row[0]).toList());
		Collections.reverse(latest);
		return Pages.first(latest, size, Pages.total(rows));
	}

	/** Pairs of a note and the number of the session's notes, first note first. */
	@Query("""
			select new org.summittracker.session.SessionViews$NoteView(n.id, n.seq, sp.handle, sp.name, n.kind, n.body,
				n.struckAt, n.strikeReason, n.version), count(*) over ()
			from DiscussionNote n join n.speaker sp
			where n.session.id = :sessionId
			order by n.seq
			""")
	List<Object[]> findNotesWithTotal(Long sessionId, Pageable pageable);

	/** Pairs of a note and the number of the session's notes, last note first. */
	@Query("""
			select new org.summittracker.session.SessionViews$NoteView(n.id, n.seq, sp.handle, sp.name, n.kind, n.body,
				n.struckAt, n.strikeReason, n.version), count(*) over ()
			from DiscussionNote n join n.speaker sp
			where n.session.id = :sessionId
			order by n.seq desc
			""")
	List<Object[]> findLatestNotesWithTotal(Long sessionId, Pageable pageable);

	@Query("select count(n) from DiscussionNote n where n.session.id = :sessionId")
	long countNotes(Long sessionId);

	/** Affected subsystems of one or many sessions, in one query. */
	@Query("""
			select new org.summittracker.session.SessionViews$AffectedSubsystem(s.id, sub.id, sub.slug, sub.name)
			from Session s join s.affectedSubsystems sub
			where in_ids(s.id, :sessionIds) and :sessionIds is not null
			order by sub.name
			""")
	List<AffectedSubsystem> findAffectedSubsystemsIn(Long[] sessionIds);

	default List<AffectedSubsystem> findAffectedSubsystems(Collection<Long> sessionIds) {
		return findAffectedSubsystemsIn(sessionIds.toArray(Long[]::new));
	}

	/**
	 * Sessions that affect a subsystem, newest event first: one page of them with the
	 * total in the same statement ({@link Pages#withTotal}).
	 */
	default Page<Long> findIdsAffecting(Long subsystemId, Pageable pageable) {
		return Pages.withTotal(findIdsAndTotalAffecting(subsystemId, pageable), pageable,
				() -> countAffecting(subsystemId));
	}

	/** Pairs of a session's id and the number of all such sessions. */
	@Query("""
			select s.id, count(*) over () from Session s join s.affectedSubsystems sub join s.event e
			where sub.id = :subsystemId
			order by e.startsOn desc, s.scheduleOrder, s.id
			""")
	List<Object[]> findIdsAndTotalAffecting(Long subsystemId, Pageable pageable);

	@Query("select count(s) from Session s join s.affectedSubsystems sub where sub.id = :subsystemId")
	long countAffecting(Long subsystemId);

}
