package org.summittracker.concern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.shared.CountedPage;
import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;

/**
 * The list of concerns across all events at {@code /concerns}: filtered by event,
 * session, category, status, subsystem, raiser, blocking and proposal, sorted, one page
 * at a time, in a fixed number of statements.
 */
@Service
public class ConcernListing {

	public static final int PAGE_SIZE = 25;

	/**
	 * How the list can be sorted, by the word used in the URL ({@code newest}, ...); its
	 * label is {@code concern.sort.<name>} in {@code messages.properties}.
	 */
	public enum Sort {

		NEWEST("c.createdAt desc, c.id desc"), OLDEST("c.createdAt asc, c.id asc"),
		TITLE("lower(c.title) asc, c.id asc"), STATUS("c.status asc, c.createdAt desc, c.id desc"),
		SESSION("e.startsOn desc, e.id, s.scheduleOrder, s.id, c.createdAt, c.id");

		private final String orderBy;

		Sort(String orderBy) {
			this.orderBy = orderBy;
		}

		/** The word in the URL. */
		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The filters as they arrive in the URL, bound by type: slugs, handles and a
	 * proposal's key (any of them blank), a status, blocking yes or no, the sort and the
	 * page (counting from 1).
	 */
	public record Filters(String event, String session, String category, ConcernStatus status, String subsystem,
			String raiser, Boolean blocking, String proposal, Sort sort, Integer page) {

		public static Filters none() {
			return new Filters(null, null, null, null, null, null, null, null, null, null);
		}

		/** The filters that are set, as URL parameters (without the page). */
		public Map<String, String> params() {
			Map<String, String> params = new LinkedHashMap<>();
			put(params, "event", this.event);
			put(params, "session", this.session);
			put(params, "category", this.category);
			put(params, "status", (this.status != null) ? this.status.name().toLowerCase(Locale.ROOT) : null);
			put(params, "subsystem", this.subsystem);
			put(params, "raiser", this.raiser);
			put(params, "blocking", (this.blocking != null) ? (this.blocking ? "yes" : "no") : null);
			put(params, "proposal", this.proposal);
			put(params, "sort", (this.sort != null) ? this.sort.param() : null);
			return params;
		}

		/** The page asked for, the first when none is. */
		public int pageNumber() {
			return (this.page != null) ? this.page : 1;
		}

		private static void put(Map<String, String> params, String name, String value) {
			if (value != null && !value.isBlank()) {
				params.put(name, value.strip());
			}
		}

	}

	/** One row of the list. */
	public record Item(Long id, String eventSlug, String eventName, String sessionSlug, String sessionTitle, String key,
			String title, String categoryName, String raiserHandle, String raiserName, ConcernStatus status,
			boolean blocking, Instant createdAt, long responses, List<String> subsystems) {

		public Item(Long id, String eventSlug, String eventName, String sessionSlug, String sessionTitle, String key,
				String title, String categoryName, String raiserHandle, String raiserName, ConcernStatus status,
				boolean blocking, Instant createdAt, long responses) {
			this(id, eventSlug, eventName, sessionSlug, sessionTitle, key, title, categoryName, raiserHandle,
					raiserName, status, blocking, createdAt, responses, List.of());
		}

		Item withSubsystems(List<String> names) {
			return new Item(this.id, this.eventSlug, this.eventName, this.sessionSlug, this.sessionTitle, this.key,
					this.title, this.categoryName, this.raiserHandle, this.raiserName, this.status, this.blocking,
					this.createdAt, this.responses, names);
		}

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "/concerns/" + this.key;
		}

	}

	/** An event to choose in the filter. */
	public record EventOption(String slug, String name) {
	}

	private final EntityManager entityManager;

	private final ConcernFormerKeyRepository formerKeys;

	ConcernListing(EntityManager entityManager, ConcernFormerKeyRepository formerKeys) {
		this.entityManager = entityManager;
		this.formerKeys = formerKeys;
	}

	/**
	 * A session as the concern forms need it: where it is and the subsystems it affects.
	 */
	public record SessionRef(Long id, String eventSlug, String eventName, String slug, String title,
			List<SubsystemOption> affected) {

		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.slug;
		}

	}

	public record SubsystemOption(String slug, String name) {
	}

	/** A concern as its edit form needs it. */
	public record Editable(Long id, long version, String key, String title, String categorySlug, String categoryName,
			String body, boolean blocking, String blockingReason, String raiserHandle, String raiserName,
			ConcernStatus status, List<SubsystemOption> subsystems) {

		public Editable(Long id, long version, String key, String title, String categorySlug, String categoryName,
				String body, boolean blocking, String blockingReason, String raiserHandle, String raiserName,
				ConcernStatus status) {
			this(id, version, key, title, categorySlug, categoryName, body, blocking, blockingReason, raiserHandle,
					raiserName, status, List.of());
		}

		public List<String> subsystemSlugs() {
			return this.subsystems.stream().map(SubsystemOption::slug).toList();
		}

	}

	@KeptByTables
	@Transactional(readOnly = true)
	public Optional<SessionRef> session(String eventSlug, String sessionSlug) {
		List<Object[]> rows = this.entityManager
			.createQuery("select s.id, e.slug, e.name, s.slug, s.title from Session s join s.event e "
					+ "where e.slug = :event and s.slug = :session", Object[].class)
			.setParameter("event", eventSlug)
			.setParameter("session", sessionSlug)
			.getResultList();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Object[] row = rows.get(0);
		List<SubsystemOption> affected = this.entityManager
			.createQuery(
					"select new org.summittracker.concern.ConcernListing$SubsystemOption(sub.slug, sub.name) "
							+ "from Session s join s.affectedSubsystems sub where s.id = :id order by sub.name",
					SubsystemOption.class)
			.setParameter("id", row[0])
			.getResultList();
		return Optional.of(new SessionRef((Long) row[0], (String) row[1], (String) row[2], (String) row[3],
				(String) row[4], affected));
	}

	@KeptByTables
	@Transactional(readOnly = true)
	public Optional<Editable> editable(Long sessionId, String key) {
		return this.entityManager
			.createQuery(
					"select new org.summittracker.concern.ConcernListing$Editable(c.id, c.version, c.key, c.title, "
							+ "cat.slug, cat.name, c.body, c.blocking, c.blockingReason, r.handle, r.name, c.status) "
							+ "from Concern c join c.category cat join c.raisedBy r "
							+ "where c.session.id = :session and c.key = :key",
					Editable.class)
			.setParameter("session", sessionId)
			.setParameter("key", key)
			.getResultStream()
			.findFirst()
			.map((editable) -> new Editable(editable.id(), editable.version(), editable.key(), editable.title(),
					editable.categorySlug(), editable.categoryName(), editable.body(), editable.blocking(),
					editable.blockingReason(), editable.raiserHandle(), editable.raiserName(), editable.status(),
					this.entityManager
						.createQuery("select new org.summittracker.concern.ConcernListing$SubsystemOption(sub.slug, "
								+ "sub.name) from Concern c join c.subsystems sub where c.id = :id order by sub.name",
								SubsystemOption.class)
						.setParameter("id", editable.id())
						.getResultList()));
	}

	/**
	 * The concern's current key when {@code key} is one it had before an organizer
	 * changed it.
	 */
	@Transactional(readOnly = true)
	public Optional<String> currentKey(String eventSlug, String sessionSlug, String key) {
		return this.formerKeys.findCurrentKey(eventSlug, sessionSlug, key);
	}

	/** The events to filter by, newest first. */
	@KeptByTables
	@Transactional(readOnly = true)
	public List<EventOption> events() {
		return this.entityManager
			.createQuery("select new org.summittracker.concern.ConcernListing$EventOption(e.slug, e.name) "
					+ "from Event e order by e.startsOn desc, e.id desc", EventOption.class)
			.getResultList();
	}

	/** The categories, by name. */
	@KeptByTables
	@Transactional(readOnly = true)
	public List<CategoryView> categories() {
		return this.entityManager
			.createQuery("select new org.summittracker.concern.CategoryView(c.slug, c.name) from ConcernCategory c "
					+ "order by lower(c.name), c.id", CategoryView.class)
			.getResultList();
	}

	/**
	 * One page of the concerns the filters let through; a filter naming something unknown
	 * is a {@link RuleViolation}. {@code events} and {@code categories} are the options
	 * already read for the page, used here to check the filters without asking again.
	 * Unless {@code exactTotal}, the concerns are counted only up to
	 * {@link CountedPage#AHEAD} past the page's first (a {@link CountedPage}).
	 */
	@KeptByTables
	@Transactional(readOnly = true)
	public Page<Item> page(Filters filters, List<EventOption> events, List<CategoryView> categories,
			boolean exactTotal) {
		return page(filters, events, categories, exactTotal, PAGE_SIZE);
	}

	/**
	 * As {@link #page(Filters, List, List, boolean)}, {@code pageSize} concerns a page
	 * (the API's lists take their size).
	 */
	@KeptByTables
	@Transactional(readOnly = true)
	public Page<Item> page(Filters filters, List<EventOption> events, List<CategoryView> categories, boolean exactTotal,
			int pageSize) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		String event = blankToNull(filters.event());
		if (event != null) {
			if (events.stream().noneMatch((e) -> e.slug().equals(event))) {
				throw new RuleViolation("event", "concern.filter.event", PlainText.printable(event));
			}
			where.append(" and e.slug = :event");
			params.put("event", event);
		}
		String session = blankToNull(filters.session());
		if (session != null) {
			String exists = "select count(s) from Session s where s.slug = :session"
					+ ((event != null) ? " and s.event.slug = :event" : "");
			TypedQuery<Long> query = this.entityManager.createQuery(exists, Long.class)
				.setParameter("session", session);
			if (event != null) {
				query.setParameter("event", event);
			}
			if (query.getSingleResult() == 0) {
				throw new RuleViolation("session", "concern.filter.session", PlainText.printable(session));
			}
			where.append(" and s.slug = :session");
			params.put("session", session);
		}
		String category = blankToNull(filters.category());
		if (category != null) {
			if (categories.stream().noneMatch((c) -> c.slug().equals(category))) {
				throw new RuleViolation("category", "concern.filter.category", PlainText.printable(category));
			}
			where.append(" and cat.slug = :category");
			params.put("category", category);
		}
		if (filters.status() != null) {
			where.append(" and c.status = :status");
			params.put("status", filters.status());
		}
		String subsystem = blankToNull(filters.subsystem());
		if (subsystem != null) {
			Long id = idOf("select s.id from Subsystem s where s.slug = :value", subsystem, "subsystem",
					"concern.filter.subsystem");
			where.append(
					" and exists (select 1 from Concern c2 join c2.subsystems sub where c2 = c and sub.id = :subsystem)");
			params.put("subsystem", id);
		}
		String raiser = blankToNull(filters.raiser());
		if (raiser != null) {
			Long id = idOf("select p.id from Person p where p.handle = :value", raiser, "raiser", "person.unknown");
			where.append(" and r.id = :raiser");
			params.put("raiser", id);
		}
		if (filters.blocking() != null) {
			where.append(" and c.blocking = :blocking");
			params.put("blocking", filters.blocking());
		}
		String proposal = blankToNull(filters.proposal());
		if (proposal != null) {
			Long id = idOf("select p.id from Proposal p where p.key = :value", proposal, "proposal",
					"concern.filter.proposal");
			where.append(" and c.proposal.id = :proposal");
			params.put("proposal", id);
		}
		Sort sort = (filters.sort() != null) ? filters.sort() : Sort.NEWEST;
		int page = filters.pageNumber();
		if (page < 1) {
			throw new RuleViolation("page", "concern.filter.page");
		}
		String from = " from Concern c join c.session s join s.event e join c.category cat join c.raisedBy r";
		// The count joins only what the filters name: unfiltered, it counts the concerns
		// alone (a summit's 100,000 in a third of the time the join to their sessions
		// took).
		String countFrom = " from Concern c" + ((event != null || session != null) ? " join c.session s" : "")
				+ ((event != null) ? " join s.event e" : "") + ((category != null) ? " join c.category cat" : "")
				+ ((raiser != null) ? " join c.raisedBy r" : "");
		PageRequest pageable = PageRequest.of(page - 1, pageSize);
		// Bounded, the count reads at most the rows the page and the pager need (a
		// summit's 100,000 concerns took 20 to 90 ms to count under load).
		long total = CountedPage.count(this.entityManager, countFrom + where, params, pageable, exactTotal);
		TypedQuery<Item> select = this.entityManager
			.createQuery("select new org.summittracker.concern.ConcernListing$Item("
					+ "c.id, e.slug, e.name, s.slug, s.title, c.key, c.title, cat.name, r.handle, r.name, c.status, "
					+ "c.blocking, c.createdAt, (select count(cr) from ConcernResponse cr where cr.concern = c))" + from
					+ where + " order by " + sort.orderBy, Item.class);
		params.forEach(select::setParameter);
		select.setFirstResult((page - 1) * pageSize).setMaxResults(pageSize);
		List<Item> items = select.getResultList();
		return exactTotal ? new PageImpl<>(withSubsystems(items), pageable, total)
				: CountedPage.of(withSubsystems(items), pageable, total);
	}

	/**
	 * The id a filter's value names ({@code :value} in the query), or a
	 * {@link RuleViolation} on the field with the message's code when it names nothing.
	 */
	private Long idOf(String query, String value, String field, String code) {
		return this.entityManager.createQuery(query, Long.class)
			.setParameter("value", value)
			.getResultStream()
			.findFirst()
			.orElseThrow(() -> new RuleViolation(field, code, PlainText.printable(value)));
	}

	private List<Item> withSubsystems(List<Item> items) {
		if (items.isEmpty()) {
			return items;
		}
		Map<Long, List<String>> names = new HashMap<>();
		this.entityManager.createQuery(
				"select c.id, sub.name from Concern c join c.subsystems sub where in_ids(c.id, :ids) and :ids is not null "
						+ "order by sub.name",
				Object[].class)
			.setParameter("ids", items.stream().map(Item::id).toArray(Long[]::new))
			.getResultList()
			.forEach((row) -> names.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((String) row[1]));
		return items.stream().map((item) -> item.withSubsystems(names.getOrDefault(item.id(), List.of()))).toList();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
