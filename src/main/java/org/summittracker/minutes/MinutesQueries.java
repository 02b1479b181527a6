package org.summittracker.minutes;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/**
 * Reads the facts of many sessions' minutes at once: one query per kind of fact, whatever
 * the number of sessions.
 */
@Component
class MinutesQueries {

	private final EntityManager entityManager;

	MinutesQueries(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	List<Object[]> sessions(Collection<Long> ids) {
		return list("""
				select s.id, e.slug, e.name, e.startsOn, e.endsOn, e.location, s.slug, s.title, s.status, s.scheduledAt,
					s.proposal, s.summary, l.handle, l.name, l.email, s.minutesFinalAt
				from Session s join s.event e left join s.lead l
				where in_ids(s.id, :ids) and :ids is not null
				""", ids);
	}

	List<Object[]> attendees(Collection<Long> ids) {
		return list("""
				select p.session.id, p.role, pe.handle, pe.name, pe.email
				from Participant p join p.person pe
				where in_ids(p.session.id, :ids) and :ids is not null
				order by p.role, pe.name, pe.handle
				""", ids);
	}

	List<Object[]> notes(Collection<Long> ids) {
		return list("""
				select n.session.id, n.seq, sp.handle, sp.name, sp.email, n.kind, n.body
				from DiscussionNote n join n.speaker sp
				where in_ids(n.session.id, :ids) and :ids is not null and n.struckAt is null
				order by n.seq
				""", ids);
	}

	List<Object[]> concerns(Collection<Long> ids) {
		return list("""
				select c.id, c.session.id, c.key, c.title, cat.name, r.handle, r.name, r.email, c.status, c.blocking,
					c.blockingReason, c.statusNote, c.revisitOn, c.body, c.createdAt
				from Concern c join c.category cat join c.raisedBy r
				where in_ids(c.session.id, :ids) and :ids is not null
				order by c.createdAt, c.id
				""", ids);
	}

	List<Object[]> concernSubsystems(Collection<Long> ids) {
		return list("""
				select c.id, s.name from Concern c join c.subsystems s
				where in_ids(c.session.id, :ids) and :ids is not null
				order by s.name
				""", ids);
	}

	List<Object[]> responses(Collection<Long> ids) {
		return list("""
				select r.concern.id, a.handle, a.name, a.email, r.createdAt, r.body
				from ConcernResponse r join r.author a
				where in_ids(r.concern.session.id, :ids) and :ids is not null
				order by r.createdAt, r.id
				""", ids);
	}

	List<Object[]> concernHistory(Collection<Long> ids) {
		return list(
				"""
						select h.concern.id, h.fromStatus, h.toStatus, h.note, h.revisitOn, coalesce(p.handle, h.changedByUsername),
							coalesce(p.name, h.changedByUsername), p.email, h.changedAt
						from ConcernStatusChange h left join h.changedBy p
						where in_ids(h.concern.session.id, :ids) and :ids is not null
						order by h.changedAt, h.id
						""",
				ids);
	}

	List<Object[]> positionHistory(Collection<Long> ids) {
		return list("""
				select pc.position.id, pc.oldStance, pc.newStance, pc.conditions, pc.rationale, pc.citedConcerns,
					pc.entryMethod, eb.handle, eb.name, eb.email, pc.changedAt
				from PositionChange pc join pc.enteredBy eb
				where in_ids(pc.position.session.id, :ids) and :ids is not null
				order by pc.changedAt, pc.id
				""", ids);
	}

	/** The mail each current position given by mail rests on, by position id. */
	List<Object[]> mailGiven(Collection<Long> ids) {
		return list("""
				select p.id, p.mail.trailer, p.mail.version, p.mail.messageId
				from Position p
				where in_ids(p.session.id, :ids) and :ids is not null
				and p.entryMethod = org.summittracker.position.EntryMethod.BY_MAIL
				and p.withdrawnAt is null
				""", ids);
	}

	List<Object[]> resolutions(Collection<Long> ids) {
		return list("""
				select r.id, r.session.id, r.seq, r.outcome, r.statement, r.decidedOn, r.revisitOn
				from Resolution r
				where in_ids(r.session.id, :ids) and :ids is not null
				order by r.seq
				""", ids);
	}

	List<Object[]> resolutionConcerns(Collection<Long> ids) {
		return list("""
				select r.id, c.key from Resolution r join r.addressedConcerns c
				where in_ids(r.session.id, :ids) and :ids is not null
				order by c.key
				""", ids);
	}

	List<Object[]> followUps(Collection<Long> ids) {
		return list("""
				select f.id, f.session.id, f.title, o.handle, o.name, o.email, f.dueOn, f.status, f.dropReason, c.key,
					r.seq, f.createdAt
				from FollowUp f join f.owner o left join f.concern c left join f.resolution r
				where in_ids(f.session.id, :ids) and :ids is not null
				order by f.dueOn nulls last, f.id
				""", ids);
	}

	private List<Object[]> list(String jpql, Collection<Long> ids) {
		return this.entityManager.createQuery(jpql, Object[].class)
			.setParameter("ids", ids.toArray(Long[]::new))
			.getResultList();
	}

}
