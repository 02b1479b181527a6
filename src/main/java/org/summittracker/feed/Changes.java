package org.summittracker.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the newest entries of the audit trail a feed shows, in two statements at most
 * (the subject, then its changes), through the trail's indexes. Only entries that belong
 * to a session are shown: those are what every reader of the pages may read (accounts,
 * backups and imports are for administrators).
 */
@Service
@Transactional(readOnly = true)
class Changes {

	/** The entries a feed carries, newest first. */
	static final int SIZE = 50;

	/** What a feed is about: its name and when it began. */
	record Subject(long id, String name, Instant createdAt, String account) {

	}

	private static final String SELECT = """
			select a.id, a.occurred_at, a.actor, a.action, a.entity_type, a.entity_id, a.summary,
			       e.slug as event_slug, e.name as event_name, s.slug as session_slug, s.title as session_title,
			       c.key, o.seq, ph.handle
			from audit_entry a
			join summit_session s on s.id = a.session_id
			join event e on e.id = s.event_id
			left join concern c on a.entity_type = 'Concern' and c.id = a.entity_id
			left join resolution o on a.entity_type = 'Resolution' and o.id = a.entity_id
			left join position po on a.entity_type = 'Position' and po.id = a.entity_id
			left join person ph on ph.id = po.person_id
			where a.id in (%s)
			order by a.occurred_at desc, a.id desc""";

	private static final String NEWEST = " order by a.occurred_at desc, a.id desc limit " + SIZE;

	private static final String NEWEST_OF_UNION = " u order by u.occurred_at desc, u.id desc limit " + SIZE;

	private final EntityManager entityManager;

	Changes(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	List<Change> ofSite() {
		return read("select a.id from audit_entry a where a.session_id is not null" + NEWEST, null);
	}

	List<Change> ofEvent(long eventId) {
		return read("select a.id from audit_entry a join summit_session s on s.id = a.session_id "
				+ "where s.event_id = :subject" + NEWEST, eventId);
	}

	List<Change> ofSession(long sessionId) {
		return read("select a.id from audit_entry a where a.session_id = :subject" + NEWEST, sessionId);
	}

	List<Change> ofSubsystem(long subsystemId) {
		return read(
				"select a.id from audit_entry a where a.session_id in "
						+ "(select x.session_id from session_subsystem x where x.subsystem_id = :subject)" + NEWEST,
				subsystemId);
	}

	/**
	 * What the person did (through their account) and what concerns them: the concerns
	 * they raised, their positions and the follow-ups they own.
	 */
	List<Change> ofPerson(long personId, String account) {
		String ids = "select u.id from ("
				+ ((account != null) ? "(select a.id, a.occurred_at from audit_entry a "
						+ "where a.actor = :account and a.session_id is not null" + NEWEST + ") union " : "")
				+ entity("concern", "Concern", "raised_by_id") + " union " + entity("position", "Position", "person_id")
				+ " union " + entity("follow_up", "FollowUp", "owner_id") + ")" + NEWEST_OF_UNION;
		Query query = this.entityManager.createNativeQuery(SELECT.formatted(ids)).setParameter("subject", personId);
		if (account != null) {
			query.setParameter("account", account);
		}
		return changes(query);
	}

	/**
	 * What happened to the proposal and about it: it being made or discussed, positions
	 * on it, concerns about it, and the resolutions of the sessions that discussed it.
	 */
	List<Change> ofProposal(long proposalId) {
		return read("select u.id from ((select a.id, a.occurred_at from audit_entry a where a.entity_type = "
				+ "'Proposal' and a.entity_id = :subject and a.session_id is not null" + NEWEST + ") union "
				+ entity("position", "Position", "proposal_id") + " union "
				+ entity("concern", "Concern", "proposal_id") + " union "
				+ entity("(select r.id from resolution r join session_proposal y on y.session_id = r.session_id "
						+ "where y.proposal_id = :subject)", "Resolution", "id")
				+ ")" + NEWEST_OF_UNION, proposalId);
	}

	/**
	 * The newest entries about the rows of {@code table} (a table or a subquery) whose
	 * {@code column} is the subject.
	 */
	private static String entity(String table, String type, String column) {
		String match = " where " + (column.equals("id") ? "" : "x." + column + " = :subject and ")
				+ "a.session_id is not null";
		return "(select a.id, a.occurred_at from audit_entry a join " + table + " x on a.entity_type = '" + type
				+ "' and a.entity_id = x.id" + match + NEWEST + ")";
	}

	/**
	 * When the site's feed began, for a feed with no entry yet: the newest event's
	 * creation (what the site is about), or, with no event at all, the last change to the
	 * data (never later than now).
	 */
	Instant siteSince() {
		return instant(this.entityManager
			.createNativeQuery("select coalesce(max(created_at), (select least(changed_at, now()) from change_stamp)) "
					+ "from event")
			.getSingleResult());
	}

	Optional<Subject> event(String slug) {
		return subject("select id, name, created_at, null from event where slug = :slug", slug, null);
	}

	Optional<Subject> session(String event, String slug) {
		return subject("select s.id, s.title, s.created_at, null from summit_session s join event e on e.id = "
				+ "s.event_id where s.slug = :slug and e.slug = :event", slug, event);
	}

	Optional<Subject> person(String handle) {
		return subject("select p.id, p.name, p.created_at, a.username from person p left join account a on "
				+ "a.person_id = p.id where p.handle = :slug", handle, null);
	}

	Optional<Subject> proposal(String key) {
		return subject("select id, title, created_at, null from proposal where key = :slug", key, null);
	}

	Optional<Subject> subsystem(String slug) {
		return subject("select id, name, created_at, null from subsystem where slug = :slug", slug, null);
	}

	private Optional<Subject> subject(String sql, String slug, String event) {
		Query query = this.entityManager.createNativeQuery(sql).setParameter("slug", slug);
		if (event != null) {
			query.setParameter("event", event);
		}
		List<?> rows = query.getResultList();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Object[] c = (Object[]) rows.get(0);
		return Optional.of(new Subject(((Number) c[0]).longValue(), (String) c[1], instant(c[2]), (String) c[3]));
	}

	private List<Change> read(String ids, Long subject) {
		Query query = this.entityManager.createNativeQuery(SELECT.formatted(ids));
		if (subject != null) {
			query.setParameter("subject", subject);
		}
		return changes(query);
	}

	private static List<Change> changes(Query query) {
		List<Change> changes = new ArrayList<>();
		for (Object row : query.getResultList()) {
			Object[] c = (Object[]) row;
			changes.add(new Change(((Number) c[0]).longValue(), instant(c[1]), (String) c[2], (String) c[3],
					(String) c[4], (c[5] != null) ? ((Number) c[5]).longValue() : null, (String) c[6], (String) c[7],
					(String) c[8], (String) c[9], (String) c[10], (String) c[11],
					(c[12] != null) ? ((Number) c[12]).intValue() : null, (String) c[13]));
		}
		return changes;
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant();
		}
		throw new IllegalStateException("Not an instant: " + value);
	}

}
