package org.summittracker.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.shared.KeptByTables;

/**
 * Searches every summit with PostgreSQL's full-text search, in two statements whatever
 * the number of rows: one counts the matches of each kind (and says whether the query has
 * any word left once the common ones are dropped), one reads the page with its snippets.
 * What was typed is only ever a bound value ({@code websearch_to_tsquery}); the SQL
 * around it is made of this class's own fragments. Each kind considers at most
 * {@link #CAP} matches, so that any query answers in bounded time: a query that matches
 * more is told to narrow down.
 */
@Service
@Transactional(readOnly = true)
public class Search {

	public static final int PAGE_SIZE = 25;

	/** The most matches of one kind a search ranks (and counts). */
	public static final int CAP = 500;

	/** The marks {@code ts_headline} puts around a match: private-use characters. */
	static final char START = '\uE000';

	static final char STOP = '\uE001';

	/**
	 * What stands for {@code <} and {@code >} while {@code ts_headline} works: it would
	 * take {@code <linux/mm.h>} or {@code Name <address>} for markup and drop it.
	 */
	static final char LESS = '\uE002';

	static final char GREATER = '\uE003';

	private static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
			+ ", MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

	/** The filters a search is narrowed by, already checked; any of them null. */
	public record Filters(Kind kind, String event, Integer year, String subsystem, String person) {

		boolean excludes(Kind candidate) {
			return (this.kind != null && this.kind != candidate)
					|| ((this.event != null || this.year != null) && !candidate.inEvents());
		}

	}

	/**
	 * What a search found: nothing to search for (only common words, or nothing typed),
	 * or the matches of each kind and one page of them.
	 */
	public record Results(boolean searchable, Map<Kind, Long> counts, PageImpl<Hit> page) {

		/** The page's hits grouped by kind, in the kinds' order. */
		public Map<Kind, List<Hit>> groups() {
			Map<Kind, List<Hit>> groups = new LinkedHashMap<>();
			this.page.forEach((hit) -> groups.computeIfAbsent(hit.kind(), (k) -> new ArrayList<>()).add(hit));
			return groups;
		}

		/** Whether some kind had more matches than a search ranks. */
		public boolean capped() {
			return this.counts.values().stream().anyMatch((count) -> count >= CAP);
		}

	}

	private final EntityManager entityManager;

	Search(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@KeptByTables
	public Results search(String typed, Filters filters, int pageNumber) {
		SearchText text = SearchText.of(typed);
		List<Kind> kinds = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (!filters.excludes(kind)) {
				kinds.add(kind);
			}
		}
		PageRequest pageable = PageRequest.of(Math.max(pageNumber, 1) - 1, PAGE_SIZE);
		Map<Kind, Long> counts = new EnumMap<>(Kind.class);
		boolean searchable = false;
		// Without a filter that reads a kind's session, event or people, a kind is
		// counted
		// from its own table: every join of its source is on a column that is never
		// null, so the joins add no row and take none away.
		boolean narrowed = filters.event() != null || filters.year() != null || filters.subsystem() != null
				|| filters.person() != null;
		String counting = "select 'QUERY', numnode(" + QUERY + ")" + kinds.stream()
			.map((kind) -> " union all select '" + kind.name() + "', count(*) from (select 1 from "
					+ SOURCES.get(kind).from(narrowed) + where(kind, filters) + " limit " + CAP + ") " + alias(kind))
			.reduce("", String::concat);
		for (Object row : bind(this.entityManager.createNativeQuery(counting), text, filters).getResultList()) {
			Object[] columns = (Object[]) row;
			String name = (String) columns[0];
			long count = ((Number) columns[1]).longValue();
			if (name.equals("QUERY")) {
				searchable = count > 0;
			}
			else if (count > 0) {
				counts.put(Kind.valueOf(name), count);
			}
		}
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		if (!searchable || total == 0 || pageable.getOffset() >= total) {
			return new Results(searchable, counts, new PageImpl<>(List.of(), pageable, total));
		}
		// Results are grouped by kind, so the page needs only the kinds it shows: those
		// before it are skipped by their counts (a kind yields as many matches as it
		// counted). Each kind's matches are ranked by id alone, and only the page's are
		// read with their columns and snippets.
		List<Kind> shown = new ArrayList<>();
		long skipped = 0;
		long start = 0;
		for (Kind kind : kinds) {
			long end = start + counts.getOrDefault(kind, 0L);
			if (end <= pageable.getOffset()) {
				skipped = end;
			}
			else if (start < pageable.getOffset() + PAGE_SIZE && end > start) {
				shown.add(kind);
			}
			start = end;
		}
		String ranked = shown.stream()
			.map((kind) -> "(select " + kind.ordinal() + " as kind_order, " + alias(kind) + ".id, ts_rank_cd("
					+ alias(kind) + ".search_vector, " + QUERY + ") as rank from " + SOURCES.get(kind).from(narrowed)
					+ where(kind, filters) + " limit " + CAP + ")")
			.reduce((a, b) -> a + " union all " + b)
			.orElseThrow();
		String hits = shown.stream()
			.map((kind) -> "(select " + SOURCES.get(kind).columns + ", pg.kind_order, pg.rank from "
					+ SOURCES.get(kind).from + " join pg on pg.id = " + alias(kind) + ".id and pg.kind_order = "
					+ kind.ordinal() + ")")
			.reduce((a, b) -> a + " union all " + b)
			.orElseThrow();
		String page = "with ranked as (" + ranked + "), "
				+ "pg as (select * from ranked order by kind_order, rank desc, id limit :size offset :offset) "
				+ "select h.kind, h.id, h.title, h.event_slug, h.event_name, h.session_slug, h.session_title, h.ref, "
				+ "h.who, ts_headline('english', translate(h.doc, :marks, :standIns), " + QUERY + ", :options) "
				+ "from (" + hits + ") h order by h.kind_order, h.rank desc, h.id";
		Query query = bind(this.entityManager.createNativeQuery(page), text, filters)
			.setParameter("marks", "<>" + START + STOP)
			.setParameter("standIns", "" + LESS + GREATER)
			.setParameter("options", HEADLINE_OPTIONS)
			.setParameter("size", PAGE_SIZE)
			.setParameter("offset", pageable.getOffset() - skipped);
		List<Hit> found = new ArrayList<>();
		for (Object row : query.getResultList()) {
			Object[] c = (Object[]) row;
			found.add(new Hit(Kind.valueOf((String) c[0]), ((Number) c[1]).longValue(), (String) c[2], (String) c[3],
					(String) c[4], (String) c[5], (String) c[6], String.valueOf(c[7]), (String) c[8],
					Hit.parts((String) c[9])));
		}
		return new Results(true, counts, new PageImpl<>(found, pageable, total));
	}

	/** An event to choose in the filter, with its year. */
	public record EventOption(String slug, String name, int year) {

	}

	/** Every event, newest first, for the filters (one statement). */
	@KeptByTables
	public List<EventOption> events() {
		List<EventOption> events = new ArrayList<>();
		for (Object row : this.entityManager
			.createNativeQuery("select slug, name, cast(extract(year from starts_on) as integer) from event "
					+ "order by starts_on desc, id desc")
			.getResultList()) {
			Object[] c = (Object[]) row;
			events.add(new EventOption((String) c[0], (String) c[1], ((Number) c[2]).intValue()));
		}
		return events;
	}

	private static Query bind(Query query, SearchText text, Filters filters) {
		query.setParameter("web", text.web()).setParameter("prefixes", text.prefixes());
		if (filters.event() != null) {
			query.setParameter("event", filters.event());
		}
		if (filters.year() != null) {
			query.setParameter("year", filters.year());
		}
		if (filters.subsystem() != null) {
			query.setParameter("subsystem", filters.subsystem());
		}
		if (filters.person() != null) {
			query.setParameter("person", filters.person());
		}
		return query;
	}

	/**
	 * A person matches by their own record or by a further address of theirs
	 * ({@code person_address}): both read through their GIN indexes, the addresses'
	 * people by primary key.
	 */
	private static final String PERSON_MATCH = "(p.search_vector @@ %1$s or p.id = any(array(select a.person_id"
			+ " from person_address a where a.search_vector @@ %1$s)))";

	/** The query, from what was typed (bound values only). */
	private static final String QUERY = "(websearch_to_tsquery('english', :web) "
			+ "&& to_tsquery('english', :prefixes))";

	private static String alias(Kind kind) {
		return SOURCES.get(kind).alias;
	}

	/**
	 * The match and the filters that apply to the kind, as SQL with bound values only.
	 */
	private static String where(Kind kind, Filters filters) {
		Source source = SOURCES.get(kind);
		StringBuilder where = new StringBuilder(" where " + ((kind == Kind.PERSON) ? PERSON_MATCH.formatted(QUERY)
				: source.alias + ".search_vector @@ " + QUERY));
		StringBuilder inEvent = new StringBuilder();
		if (filters.event() != null) {
			inEvent.append(" and e.slug = :event");
		}
		if (filters.year() != null) {
			inEvent.append(" and e.starts_on >= make_date(:year, 1, 1) and e.starts_on < make_date(:year + 1, 1, 1)");
		}
		if (!inEvent.isEmpty()) {
			where.append((source.discussedIn != null) ? " and " + source.discussedIn.formatted(inEvent) : inEvent);
		}
		if (filters.subsystem() != null) {
			where.append(" and ").append(source.bySubsystem);
		}
		if (filters.person() != null) {
			where.append(" and ").append(source.byPerson);
		}
		return where.toString();
	}

	/**
	 * Where a kind is read from, the columns every kind answers (kind, id, title,
	 * event_slug, event_name, session_slug, session_title, ref, who, doc), and how the
	 * subsystem and person filters (bound as {@code :subsystem} and {@code :person})
	 * apply to it; for a kind that is not in one event but discussed at several, how the
	 * event and year filters (on {@code e}) apply to it.
	 */
	private record Source(String alias, String from, String columns, String bySubsystem, String byPerson,
			String discussedIn) {

		Source(String alias, String from, String columns, String bySubsystem, String byPerson) {
			this(alias, from, columns, bySubsystem, byPerson, null);
		}

		/**
		 * Where the kind's matches are found: its source, or its own table alone when no
		 * filter reads the tables it joins.
		 */
		String from(boolean narrowed) {
			return narrowed ? this.from : this.from.split(" join ", 2)[0];
		}

	}

	private static final String SUBSYSTEM_ID = "(select id from subsystem where slug = :subsystem)";

	private static final String PERSON_ID = "(select id from person where handle = :person)";

	private static final String IN_EVENT = " join summit_session s on s.id = %s.session_id"
			+ " join event e on e.id = s.event_id";

	private static final String SESSION_AFFECTS = "exists (select 1 from session_subsystem x where x.session_id = s.id"
			+ " and x.subsystem_id = " + SUBSYSTEM_ID + ")";

	private static final String CONCERN_AFFECTS = "exists (select 1 from concern_subsystem x where x.concern_id = c.id"
			+ " and x.subsystem_id = " + SUBSYSTEM_ID + ")";

	private static final String SESSION_ATTENDED = "(s.lead_id = " + PERSON_ID
			+ " or exists (select 1 from session_participant x where x.session_id = s.id and x.person_id = " + PERSON_ID
			+ "))";

	private static final String EVENT_COLUMNS = "e.slug as event_slug, e.name as event_name, s.slug as session_slug, "
			+ "s.title as session_title";

	private static final String NO_EVENT = "null as event_slug, null as event_name, null as session_slug, "
			+ "null as session_title";

	private static final Map<Kind, Source> SOURCES = new EnumMap<>(Map.of(Kind.SESSION,
			new Source("s", "summit_session s join event e on e.id = s.event_id",
					"'SESSION' as kind, s.id, s.title, " + EVENT_COLUMNS + ", s.slug as ref, null as who, "
							+ "s.proposal || ' ' || coalesce(s.summary, '') as doc",
					SESSION_AFFECTS, SESSION_ATTENDED),
			Kind.PROPOSAL,
			new Source("pr", "proposal pr",
					"'PROPOSAL' as kind, pr.id, pr.title, " + NO_EVENT + ", pr.key as ref, null as who, "
							+ "pr.statement as doc",
					"(exists (select 1 from proposal_subsystem x where x.proposal_id = pr.id and x.subsystem_id = "
							+ SUBSYSTEM_ID + ") or exists (select 1 from session_proposal y join session_subsystem x"
							+ " on x.session_id = y.session_id where y.proposal_id = pr.id and x.subsystem_id = "
							+ SUBSYSTEM_ID + "))",
					"exists (select 1 from position x where x.proposal_id = pr.id and x.person_id = " + PERSON_ID + ")",
					"exists (select 1 from session_proposal y join summit_session s on s.id = y.session_id"
							+ " join event e on e.id = s.event_id where y.proposal_id = pr.id%s)"),
			Kind.NOTE,
			new Source("n", "discussion_note n" + IN_EVENT.formatted("n") + " join person p on p.id = n.speaker_id",
					"'NOTE' as kind, n.id, s.title, " + EVENT_COLUMNS + ", cast(n.seq as text) as ref, "
							+ "p.name as who, n.body as doc",
					SESSION_AFFECTS, "n.speaker_id = " + PERSON_ID),
			Kind.CONCERN,
			new Source("c", "concern c" + IN_EVENT.formatted("c") + " join person p on p.id = c.raised_by_id",
					"'CONCERN' as kind, c.id, c.title, " + EVENT_COLUMNS + ", c.key as ref, p.name as who, "
							+ "c.body || ' ' || coalesce(c.blocking_reason, '') || ' ' || coalesce(c.status_note, '')"
							+ " as doc",
					CONCERN_AFFECTS, "c.raised_by_id = " + PERSON_ID),
			Kind.RESPONSE,
			new Source("r",
					"concern_response r join concern c on c.id = r.concern_id" + IN_EVENT.formatted("c")
							+ " join person p on p.id = r.author_id",
					"'RESPONSE' as kind, r.id, c.title, " + EVENT_COLUMNS + ", c.key as ref, p.name as who, "
							+ "r.body as doc",
					CONCERN_AFFECTS, "r.author_id = " + PERSON_ID),
			Kind.RESOLUTION,
			new Source("o", "resolution o" + IN_EVENT.formatted("o"),
					"'RESOLUTION' as kind, o.id, s.title, " + EVENT_COLUMNS + ", cast(o.seq as text) as ref, "
							+ "null as who, o.statement as doc",
					SESSION_AFFECTS, SESSION_ATTENDED),
			Kind.FOLLOW_UP,
			new Source("f", "follow_up f" + IN_EVENT.formatted("f") + " join person p on p.id = f.owner_id",
					"'FOLLOW_UP' as kind, f.id, f.title, " + EVENT_COLUMNS + ", cast(f.id as text) as ref, "
							+ "p.name as who, f.title || ' ' || coalesce(f.drop_reason, '') as doc",
					SESSION_AFFECTS, "f.owner_id = " + PERSON_ID),
			Kind.PERSON,
			new Source("p", "person p",
					"'PERSON' as kind, p.id, p.name as title, " + NO_EVENT + ", p.handle as ref, null as who, "
							+ "p.name || ' (' || p.handle || ') ' || coalesce(p.email, '') || ' '"
							+ " || coalesce(p.affiliation, '') || ' ' || coalesce((select string_agg(a.address, ' '"
							+ " order by a.address) from person_address a where a.person_id = p.id), '') as doc",
					"exists (select 1 from maintainership x where x.person_id = p.id and x.subsystem_id = "
							+ SUBSYSTEM_ID + ")",
					"p.id = " + PERSON_ID),
			Kind.SUBSYSTEM,
			new Source("b", "subsystem b",
					"'SUBSYSTEM' as kind, b.id, b.name as title, " + NO_EVENT + ", b.slug as ref, null as who, "
							+ "b.name || ' ' || coalesce(b.mailing_list, '') as doc",
					"b.id = " + SUBSYSTEM_ID,
					"exists (select 1 from maintainership x where x.subsystem_id = b.id and x.person_id = " + PERSON_ID
							+ ")")));

}
