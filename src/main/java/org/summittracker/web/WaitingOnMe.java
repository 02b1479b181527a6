package org.summittracker.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.concern.ConcernStatus;
import org.summittracker.followup.FollowUpListing;
import org.summittracker.followup.FollowUpQueries;

/**
 * What is waiting on a signed-in person, for the home page: their follow-ups still owed
 * (overdue first), the concerns they raised that are still open, and the sessions
 * affecting a subsystem they maintain where they have taken no position. Three
 * statements, however much there is.
 */
@Component
@Transactional(readOnly = true)
class WaitingOnMe {

	static final int LIMIT = 10;

	record OpenConcern(String key, String title, boolean blocking, String eventSlug, String sessionSlug,
			String sessionTitle) {

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "/concerns/" + this.key;
		}

	}

	record UndecidedSession(String eventSlug, String eventName, String sessionSlug, String sessionTitle,
			List<String> subsystems) {

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug;
		}

	}

	record Waiting(List<FollowUpListing> followUps, List<OpenConcern> concerns, List<UndecidedSession> sessions,
			LocalDate today) {

		public boolean isEmpty() {
			return this.followUps.isEmpty() && this.concerns.isEmpty() && this.sessions.isEmpty();
		}

		public long overdue() {
			return this.followUps.stream().filter((f) -> f.isOverdue(this.today)).count();
		}

	}

	private final FollowUpQueries followUps;

	private final EntityManager entityManager;

	WaitingOnMe(FollowUpQueries followUps, EntityManager entityManager) {
		this.followUps = followUps;
		this.entityManager = entityManager;
	}

	Waiting of(Long personId, LocalDate today) {
		List<FollowUpListing> owed = new ArrayList<>(this.followUps.owedBy(personId, LIMIT));
		// Earliest due first already puts overdue ones first; this keeps it so whatever
		// the order of the query.
		owed.sort(Comparator.comparing((FollowUpListing f) -> !f.isOverdue(today)));
		List<OpenConcern> concerns = this.entityManager.createQuery("""
				select new org.summittracker.web.WaitingOnMe$OpenConcern(c.key, c.title, c.blocking, e.slug, s.slug,
					s.title)
				from Concern c join c.session s join s.event e
				where c.raisedBy.id = :me and c.status = :open
				order by c.blocking desc, c.createdAt desc, c.id desc
				""", OpenConcern.class)
			.setParameter("me", personId)
			.setParameter("open", ConcernStatus.OPEN)
			.setMaxResults(LIMIT)
			.getResultList();
		List<Object[]> rows = this.entityManager.createQuery("""
				select e.slug, e.name, s.slug, s.title, sub.name, s.id
				from Session s join s.event e join s.affectedSubsystems sub, Maintainership m
				where m.subsystem = sub and m.person.id = :me
					and not exists (select p.id from Position p join SessionProposal sp on sp.proposal = p.proposal
						where sp.session = s and p.person.id = :me and p.withdrawnAt is null)
				order by e.startsOn desc, s.scheduleOrder, s.id, sub.name
				""", Object[].class).setParameter("me", personId).setMaxResults(LIMIT * 5).getResultList();
		Map<Long, UndecidedSession> sessions = new LinkedHashMap<>();
		for (Object[] row : rows) {
			UndecidedSession session = sessions.computeIfAbsent((Long) row[5],
					(id) -> new UndecidedSession((String) row[0], (String) row[1], (String) row[2], (String) row[3],
							new ArrayList<>()));
			session.subsystems().add((String) row[4]);
		}
		return new Waiting(owed, concerns, sessions.values().stream().limit(LIMIT).toList(), today);
	}

}
