package org.summittracker.followup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.shared.Choice;
import org.summittracker.shared.CountedPage;
import org.summittracker.shared.HistoryEntry;
import org.summittracker.shared.KeptByTables;

/**
 * Reads follow-ups for lists, the home page and the calendar feed, each in a fixed number
 * of statements.
 */
@Component
@Transactional(readOnly = true)
public class FollowUpQueries {

	private static final String LISTING = """
			select new org.summittracker.followup.FollowUpListing(f.id, f.title, o.id, o.handle, o.name, o.email,
				f.dueOn,
				f.status, f.dropReason, e.slug, e.name, s.slug, s.title, c.key, r.seq, f.updatedAt, f.version)
			from FollowUp f join f.owner o join f.session s join s.event e left join f.concern c
				left join f.resolution r
			""";

	private final EntityManager entityManager;

	FollowUpQueries(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * A page of follow-ups matching the filter, earliest due first (so overdue ones
	 * lead), in two statements. Unless {@code exactTotal}, they are counted only up to
	 * {@link CountedPage#AHEAD} past the page's first (a {@link CountedPage}).
	 */
	@KeptByTables
	public Page<FollowUpListing> page(FollowUpFilter filter, LocalDate today, Pageable pageable, boolean exactTotal) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (filter.ownerHandle() != null) {
			where.append(" and o.handle = :owner");
			parameters.put("owner", filter.ownerHandle());
		}
		if (filter.status() != null) {
			where.append(" and f.status = :status");
			parameters.put("status", filter.status());
		}
		if (filter.eventSlug() != null) {
			where.append(" and e.slug = :event");
			parameters.put("event", filter.eventSlug());
		}
		if (filter.sessionSlug() != null) {
			where.append(" and s.slug = :session");
			parameters.put("session", filter.sessionSlug());
		}
		if (filter.overdue()) {
			where.append(" and f.dueOn < :today and f.status in :active");
			parameters.put("today", today);
			parameters.put("active", List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS));
		}
		// The count joins only what the filters name: unfiltered, it counts the
		// follow-ups
		// alone, not a summit's 50,000 joined to their owners, sessions and events.
		String countFrom = " from FollowUp f" + ((filter.ownerHandle() != null) ? " join f.owner o" : "")
				+ ((filter.eventSlug() != null || filter.sessionSlug() != null) ? " join f.session s" : "")
				+ ((filter.eventSlug() != null) ? " join s.event e" : "");
		// Bounded, the count reads at most the rows the page and the pager need.
		long total = CountedPage.count(this.entityManager, countFrom + where, parameters, pageable, exactTotal);
		if (total == 0 || pageable.getOffset() >= total) {
			// No row to list, but the total counted all the same: a page past the end
			// says how many there are (and is answered as past the end).
			return exactTotal ? new PageImpl<>(List.of(), pageable, total) : CountedPage.of(List.of(), pageable, total);
		}
		TypedQuery<FollowUpListing> query = this.entityManager
			.createQuery(LISTING + where + " order by f.dueOn nulls last, f.id", FollowUpListing.class);
		parameters.forEach(query::setParameter);
		query.setFirstResult((int) pageable.getOffset());
		query.setMaxResults(pageable.getPageSize());
		return exactTotal ? new PageImpl<>(query.getResultList(), pageable, total)
				: CountedPage.of(query.getResultList(), pageable, total);
	}

	/**
	 * Whether a session of that slug is held (in that event, when one is given), for the
	 * session filter.
	 */
	@KeptByTables
	public boolean hasSession(String eventSlug, String sessionSlug) {
		TypedQuery<Long> query = this.entityManager
			.createQuery("select count(s) from Session s where s.slug = :session"
					+ ((eventSlug != null) ? " and s.event.slug = :event" : ""), Long.class)
			.setParameter("session", sessionSlug);
		if (eventSlug != null) {
			query.setParameter("event", eventSlug);
		}
		return query.getSingleResult() > 0;
	}

	@KeptByTables
	public Optional<FollowUpListing> find(Long id) {
		return this.entityManager.createQuery(LISTING + " where f.id = :id", FollowUpListing.class)
			.setParameter("id", id)
			.getResultStream()
			.findFirst();
	}

	/**
	 * A page of the person's follow-ups still owed (open or in progress), earliest due
	 * first (overdue ones lead), those without a due date last: two statements.
	 */
	@KeptByTables
	public Page<FollowUpListing> owedBy(Long personId, Pageable pageable) {
		long total = this.entityManager
			.createQuery("select count(f) from FollowUp f where f.owner.id = :owner and f.status in :active",
					Long.class)
			.setParameter("owner", personId)
			.setParameter("active", List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS))
			.getSingleResult();
		if (total == 0 || pageable.getOffset() >= total) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		List<FollowUpListing> owed = this.entityManager
			.createQuery(LISTING + " where o.id = :owner and f.status in :active order by f.dueOn nulls last, f.id",
					FollowUpListing.class)
			.setParameter("owner", personId)
			.setParameter("active", List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS))
			.setFirstResult((int) pageable.getOffset())
			.setMaxResults(pageable.getPageSize())
			.getResultList();
		return new PageImpl<>(owed, pageable, total);
	}

	/** How many of the person's follow-ups still owed are overdue (due before today). */
	@KeptByTables
	public long overdueCountOf(Long personId, LocalDate today) {
		return this.entityManager
			.createQuery("select count(f) from FollowUp f where f.owner.id = :owner and f.status in :active"
					+ " and f.dueOn < :today", Long.class)
			.setParameter("owner", personId)
			.setParameter("active", List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS))
			.setParameter("today", today)
			.getSingleResult();
	}

	/**
	 * The follow-ups with a due date a person owns, for the calendar feed, newest due
	 * dates first; at most {@code limit}.
	 */
	@KeptByTables
	public List<FollowUpListing> datedFor(String handle, int limit) {
		return this.entityManager
			.createQuery(LISTING + " where o.handle = :handle and f.dueOn is not null order by f.dueOn desc, f.id",
					FollowUpListing.class)
			.setParameter("handle", handle)
			.setMaxResults(limit)
			.getResultList();
	}

	/**
	 * The events with at least one follow-up, newest first, for the event filter: each
	 * event asks whether one of its sessions has a follow-up, which reads one follow-up
	 * an event (all of a summit's 50,000 joined to their sessions and made distinct took
	 * 60 to 360 ms).
	 */
	@KeptByTables
	public List<Choice> events() {
		return this.entityManager
			.createQuery("select e.slug, e.name, e.startsOn from Event e where exists (select 1 from FollowUp f"
					+ " join f.session s where s.event = e) order by e.startsOn desc, e.slug", Object[].class)
			.getResultList()
			.stream()
			.map((row) -> Choice.of(row[0], (String) row[1]))
			.toList();
	}

	/**
	 * The follow-up's history, newest first; each change by the person of the account
	 * that made it (as a concern's history names them), by the account's name when it
	 * belongs to no person.
	 */
	@KeptByTables
	public List<HistoryEntry.Shown> history(Long followUpId) {
		return this.entityManager
			.createQuery(
					"select new org.summittracker.shared.HistoryEntry$Shown(c.changedAt,"
							+ " coalesce(p.name, c.changedBy), c.summary) from FollowUpChange c left join Person p"
							+ " on p.id = c.changedById where c.followUp.id = :id order by c.changedAt desc, c.id desc",
					HistoryEntry.Shown.class)
			.setParameter("id", followUpId)
			.getResultList();
	}

}
