package org.summittracker.minutes;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import org.summittracker.concern.ConcernRepository;

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
					pc.entryMethod, eb.handle, eb.name, eb.email, pc.changedAt, pcs.id
				from PositionChange pc join pc.enteredBy eb left join pc.session pcs
				where exists (select sp.id from SessionProposal sp
					where in_ids(sp.session.id, :ids) and :ids is not null and sp.proposal = pc.position.proposal)
				order by pc.changedAt, pc.id
				""", ids);
	}

	/**
	 * The mail each current position given by mail on a proposal the sessions discuss
	 * rests on, by position id.
	 */
	List<Object[]> mailGiven(Collection<Long> ids) {
		return list(
				"""
						select p.id, p.mail.trailer, p.mail.version, p.mail.messageId
						from Position p
						where exists (select sp.id from SessionProposal sp where in_ids(sp.session.id, :ids) and :ids is not null and sp.proposal = p.proposal)
						and p.entryMethod = org.summittracker.position.EntryMethod.BY_MAIL
						and p.withdrawnAt is null
						""",
				ids);
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
				select r.id, c.key, c.id from Resolution r join r.addressedConcerns c
				where in_ids(r.session.id, :ids) and :ids is not null
				order by c.key
				""", ids);
	}

	List<Object[]> followUps(Collection<Long> ids) {
		return list("""
				select f.id, f.session.id, f.title, o.handle, o.name, o.email, f.dueOn, f.status, f.dropReason, c.key,
					r.seq, f.createdAt, c.id
				from FollowUp f join f.owner o left join f.concern c left join f.resolution r
				where in_ids(f.session.id, :ids) and :ids is not null
				order by f.dueOn nulls last, f.id
				""", ids);
	}

	/**
	 * The concerns carried into each session: raised in a session held before it, about a
	 * proposal it discusses, and still open or deferred, or raised again, addressed by a
	 * resolution or followed up in it. As the session page lists them, in the order they
	 * were raised.
	 */
	List<Object[]> carriedConcerns(Collection<Long> ids) {
		return list("""
				select here.id, c.id, c.key, c.title, pr.id, r.handle, r.name, r.email, c.createdAt, e.name, s.title,
					c.status, c.blocking
				from Concern c join c.proposal pr join c.raisedBy r join c.session s join s.event e,
					Session here join here.event he
				where in_ids(here.id, :ids) and :ids is not null and s.id <> here.id
				  and exists (select sp.id from SessionProposal sp where sp.session = here and sp.proposal = pr)
				  and """ + ConcernRepository.HELD_BEFORE
				+ """
						  and (c.status in (org.summittracker.concern.ConcernStatus.OPEN,
						      org.summittracker.concern.ConcernStatus.DEFERRED)
						    or exists (select x.id from ConcernReraise x where x.concern = c and x.session = here)
						    or exists (select rs.id from Resolution rs join rs.addressedConcerns ac where rs.session = here and ac = c)
						    or exists (select f.id from FollowUp f where f.session = here and f.concern = c))
						order by here.id, e.startsOn, s.scheduleOrder, s.id, c.createdAt, c.id
						""",
				ids);
	}

	/** Concerns raised again in the sessions: who, when. */
	List<Object[]> reraises(Collection<Long> ids) {
		return list("""
				select x.session.id, x.concern.id, p.handle, p.name, p.email, x.raisedAt
				from ConcernReraise x join x.raisedBy p
				where in_ids(x.session.id, :ids) and :ids is not null
				order by x.raisedAt, x.id
				""", ids);
	}

	private List<Object[]> list(String jpql, Collection<Long> ids) {
		return this.entityManager.createQuery(jpql, Object[].class)
			.setParameter("ids", ids.toArray(Long[]::new))
			.getResultList();
	}

}
