package org.summittracker.position;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.people.Maintainership;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.proposal.DiscussedProposal;
import org.summittracker.proposal.ProposalStatus;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.AffectedSubsystem;
import org.summittracker.shared.KeptReads;
import org.summittracker.shared.Pages;
import org.summittracker.shared.RoundTrip;

/**
 * Reads the buy-in of one or many sessions in a fixed number of queries, whatever their
 * size.
 */
@Service
@Transactional(readOnly = true)
public class BuyInQueries {

	private final SessionRepository sessions;

	private final MaintainershipRepository maintainerships;

	private final PositionQueries positions;

	private final PositionRepository positionRepository;

	private final EntityManager entityManager;

	private final KeptReads kept;

	BuyInQueries(SessionRepository sessions, MaintainershipRepository maintainerships, PositionQueries positions,
			PositionRepository positionRepository, EntityManager entityManager, KeptReads kept) {
		this.kept = kept;
		this.positionRepository = positionRepository;
		this.sessions = sessions;
		this.maintainerships = maintainerships;
		this.positions = positions;
		this.entityManager = entityManager;
	}

	/** The buy-in of many sessions, keyed by session id, in the order given. */
	public Map<Long, SessionBuyIn> forSessions(Collection<Long> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Map.of();
		}
		List<List<Object[]>> rows = RoundTrip.read(this.kept, this.entityManager, Batch.SESSIONS_OWN, sessionIds);
		Map<Long, List<AffectedSubsystem>> affected = bySession(affected(rows.get(0)));
		MaintainerIndex maintainers = new MaintainerIndex(maintainers(rows.get(1)));
		Map<Long, List<PositionView>> positionsBySession = positions(rows.get(2), rows.get(3), rows.get(4)).stream()
			.collect(Collectors.groupingBy(PositionView::sessionId));
		Map<Long, List<String>> blocking = blockingKeys(rows.get(5));
		Map<Long, SessionBuyIn> result = new LinkedHashMap<>();
		for (Long sessionId : sessionIds) {
			result.put(sessionId,
					sessionBuyIn(sessionId, affected, maintainers,
							positionsBySession.getOrDefault(sessionId, List.of()),
							blocking.getOrDefault(sessionId, List.of())));
		}
		return result;
	}

	/**
	 * What a list of many sessions (the event page) shows of each one's buy-in (see
	 * {@link SessionBuyIn#summary}), keyed by session id, from {@link #judged}.
	 */
	public Map<Long, SessionBuyIn.Summary> summaries(Collection<Long> sessionIds, int missingAtMost) {
		Map<Long, SessionBuyIn.Summary> result = new LinkedHashMap<>();
		judged(sessionIds).forEach((id, buyIn) -> result.put(id, buyIn.summary(missingAtMost)));
		return result;
	}

	/**
	 * The buy-in of many sessions as {@link #forSessions} reads it, keyed by session id,
	 * for their readiness only (lists of sessions: the event and subsystem pages): from
	 * bounded reads of the affected subsystems' maintainers' positions, the first
	 * opposers and open blocking concerns, and the number of each, in one round trip
	 * whatever the sessions hold. No other position is read: no rows past the
	 * maintainers'.
	 */
	public Map<Long, SessionBuyIn> judged(Collection<Long> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Map.of();
		}
		List<List<Object[]>> rows = RoundTrip.read(this.kept, this.entityManager, Shown.SUMMARIES, sessionIds);
		Map<Long, List<AffectedSubsystem>> affected = bySession(affected(rows.get(0)));
		MaintainerIndex maintainers = new MaintainerIndex(maintainers(rows.get(1)));
		Shown.Reads reads = Shown.reads(rows.get(2), rows.get(3), 0);
		Map<Long, Shown.Counted> blocking = Shown.blocking(rows.get(4));
		Map<Long, Long> mainProposals = new HashMap<>();
		rows.get(3).forEach((r) -> mainProposals.put((Long) r[0], (Long) r[1]));
		Map<Long, SessionBuyIn> result = new LinkedHashMap<>();
		for (Long sessionId : sessionIds) {
			List<Readiness.SubsystemRef> refs = refs(affected.getOrDefault(sessionId, List.of()));
			Shown.Counted keys = blocking.getOrDefault(sessionId, Shown.Counted.NONE);
			result.put(sessionId, reads.buyIn(sessionId, mainProposals.get(sessionId), refs, maintainers.of(refs),
					keys.keys(), keys.count()));
		}
		return result;
	}

	/**
	 * The buy-in of the proposals a session discusses (or its own when it discusses
	 * none), as a page shows it: readiness and counts from bounded reads, the positions
	 * of the first page of rows only; with the reader's own positions. See {@link Shown}.
	 */
	public Shown shown(Long sessionId, Long readerPersonId) {
		return shown(sessionId, readerPersonId, Pages.request(1, SessionBuyIn.SHOWN));
	}

	/**
	 * The buy-in of the proposals a session discusses as {@link #shown(Long, Long)} reads
	 * it, but with the positions of that page of rows (at most
	 * {@link SessionBuyIn#SHOWN}) instead of the first: the same statement, whatever the
	 * page.
	 */
	public Shown shown(Long sessionId, Long readerPersonId, Pageable rows) {
		if (rows.getPageSize() > SessionBuyIn.SHOWN) {
			throw new IllegalArgumentException("A page has at most " + SessionBuyIn.SHOWN + " rows");
		}
		return shown(sessionId, Shown.values(readerPersonId, rows), rows.getOffset());
	}

	/**
	 * The buy-in of the proposals a session discusses as {@link #shown(Long, Long)} reads
	 * it, for its readiness and the reader's own positions only: no rows past the
	 * maintainers' and reviewers'.
	 */
	public Shown judged(Long sessionId, Long readerPersonId) {
		return shown(sessionId, Shown.values(readerPersonId, 0, 0), 0);
	}

	private Shown shown(Long sessionId, Map<String, Object> values, long rowsFrom) {
		List<Long> ids = List.of(sessionId);
		return Shown.fromRows(ids, RoundTrip.read(this.kept, this.entityManager, Shown.READ, ids, values), rowsFrom);
	}

	/**
	 * The buy-in of each proposal the session discusses, in its order: see
	 * {@link #forProposals(Collection)}.
	 */
	public List<ProposalBuyIn> forProposals(Long sessionId) {
		return forProposals(List.of(sessionId)).getOrDefault(sessionId, List.of());
	}

	/**
	 * The buy-in of each proposal the given sessions discuss, keyed by session id, each
	 * session's proposals in its order; in a fixed number of statements. A proposal's
	 * readiness rests on the subsystems it affects itself (a session's
	 * affected-subsystems page keeps its main proposal's in step); a proposal that names
	 * none yet is read against the session's. Its positions are the current ones on it
	 * (wherever stated), its blocking concerns the open ones about it (whichever session
	 * raised them).
	 */
	public Map<Long, List<ProposalBuyIn>> forProposals(Collection<Long> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Map.of();
		}
		return proposals(this.positionRepository.findDiscussedWithOpenBlockingIn(sessionIds.toArray(Long[]::new)),
				(proposalIds) -> this.positionRepository.findProposalSubsystemsIn(proposalIds.toArray(Long[]::new)),
				this.sessions::findAffectedSubsystems,
				(subsystemIds) -> this.maintainerships.findBySubsystemIds(new ArrayList<>(subsystemIds)),
				this.positions::currentPositionsOn);
	}

	/**
	 * The buy-in of each proposal the sessions discuss, from the discussed proposals'
	 * rows and the reads of what they need; a read may answer more than it is asked for
	 * (what the minutes read for a whole batch at once): only what is asked for is used.
	 */
	private static Map<Long, List<ProposalBuyIn>> proposals(List<Object[]> discussedRows,
			Function<Set<Long>, List<Object[]>> proposalSubsystems,
			Function<Set<Long>, List<AffectedSubsystem>> sessionSubsystems,
			Function<Set<Long>, List<SubsystemMaintainer>> maintainersOf,
			Function<Set<Long>, List<PositionView>> positionsOn) {
		return judgedProposals(discussedRows, proposalSubsystems, sessionSubsystems, maintainersOf, (proposalIds) -> {
			Map<Long, List<PositionView>> positions = positionsOn.apply(proposalIds)
				.stream()
				.collect(Collectors.groupingBy(PositionView::proposalId));
			return (sessionId, proposalId, refs, theirs, blocking) -> {
				List<PositionView> on = positions.getOrDefault(proposalId, List.of());
				return new SessionBuyIn(sessionId, refs, theirs, on, Readiness.assess(refs, theirs, on, blocking));
			};
		});
	}

	/**
	 * One proposal's buy-in in one session, from its affected subsystems, their
	 * maintainers and the keys of its open blocking concerns read (all, or the first).
	 */
	@FunctionalInterface
	private interface Judge {

		SessionBuyIn buyIn(Long sessionId, Long proposalId, List<Readiness.SubsystemRef> affected,
				List<SubsystemMaintainer> maintainers, List<String> openBlocking);

	}

	/**
	 * The buy-in of each proposal the sessions discuss, judged by what {@code judges}
	 * makes for the proposals' ids.
	 */
	private static Map<Long, List<ProposalBuyIn>> judgedProposals(List<Object[]> discussedRows,
			Function<Set<Long>, List<Object[]>> proposalSubsystems,
			Function<Set<Long>, List<AffectedSubsystem>> sessionSubsystems,
			Function<Set<Long>, List<SubsystemMaintainer>> maintainersOf, Function<Set<Long>, Judge> judges) {
		Map<Long, Map<Long, DiscussedProposal>> discussed = new LinkedHashMap<>();
		Map<Long, List<String>> blocking = new LinkedHashMap<>();
		for (Object[] row : discussedRows) {
			Long sessionId = (Long) row[0];
			Long id = (Long) row[2];
			discussed.computeIfAbsent(sessionId, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(id,
						(key) -> new DiscussedProposal(sessionId, ((Number) row[1]).intValue(), id, (String) row[3],
								(String) row[4], (String) row[5], (row[6] instanceof String name)
										? ProposalStatus.valueOf(name) : (ProposalStatus) row[6],
								(String) row[7], (String) row[8]));
			List<String> keys = blocking.computeIfAbsent(id, (key) -> new ArrayList<>());
			if (row[9] != null && !keys.contains((String) row[9])) {
				keys.add((String) row[9]);
			}
		}
		if (discussed.isEmpty()) {
			return Map.of();
		}
		Set<Long> proposalIds = new LinkedHashSet<>();
		discussed.values().forEach((byId) -> proposalIds.addAll(byId.keySet()));
		Map<Long, List<Readiness.SubsystemRef>> own = new LinkedHashMap<>();
		for (Object[] row : proposalSubsystems.apply(proposalIds)) {
			own.computeIfAbsent((Long) row[0], (key) -> new ArrayList<>())
				.add(new Readiness.SubsystemRef((Long) row[1], (String) row[2], (String) row[3]));
		}
		// The sessions' own subsystems are read only for proposals that name none.
		Set<Long> readAgainstSession = new LinkedHashSet<>();
		discussed.forEach((sessionId, byId) -> {
			if (!own.keySet().containsAll(byId.keySet())) {
				readAgainstSession.add(sessionId);
			}
		});
		Map<Long, List<Readiness.SubsystemRef>> sessionRefs = new LinkedHashMap<>();
		for (AffectedSubsystem a : readAgainstSession.isEmpty() ? List.<AffectedSubsystem>of()
				: sessionSubsystems.apply(readAgainstSession)) {
			if (readAgainstSession.contains(a.sessionId())) {
				sessionRefs.computeIfAbsent(a.sessionId(), (key) -> new ArrayList<>())
					.add(new Readiness.SubsystemRef(a.subsystemId(), a.slug(), a.name()));
			}
		}
		Set<Long> subsystemIds = new LinkedHashSet<>();
		own.values().forEach((refs) -> refs.forEach((r) -> subsystemIds.add(r.id())));
		sessionRefs.values().forEach((refs) -> refs.forEach((r) -> subsystemIds.add(r.id())));
		MaintainerIndex maintainersBySubsystem = new MaintainerIndex(
				subsystemIds.isEmpty() ? List.of() : maintainersOf.apply(subsystemIds));
		Judge judge = judges.apply(proposalIds);
		Map<Long, List<ProposalBuyIn>> result = new LinkedHashMap<>();
		discussed.forEach((sessionId, byId) -> result.put(sessionId, byId.values().stream().map((proposal) -> {
			List<Readiness.SubsystemRef> refs = own.getOrDefault(proposal.id(), List.of());
			if (refs.isEmpty()) {
				refs = sessionRefs.getOrDefault(sessionId, List.of());
			}
			List<SubsystemMaintainer> theirs = maintainersBySubsystem.of(refs);
			return new ProposalBuyIn(proposal, judge.buyIn(sessionId, proposal.id(), refs, theirs,
					blocking.getOrDefault(proposal.id(), List.of())));
		}).toList()));
		return result;
	}

	/**
	 * One session's buy-in: its affected subsystems (from rows of any sessions), their
	 * maintainers (from any subsystems'), its positions and its open blocking concerns'
	 * keys.
	 */
	private static SessionBuyIn sessionBuyIn(Long sessionId, Map<Long, List<AffectedSubsystem>> affected,
			MaintainerIndex maintainers, List<PositionView> sessionPositions, List<String> blockingKeys) {
		List<Readiness.SubsystemRef> refs = refs(affected.getOrDefault(sessionId, List.of()));
		List<SubsystemMaintainer> own = maintainers.of(refs);
		return new SessionBuyIn(sessionId, refs, own, sessionPositions,
				Readiness.assess(refs, own, sessionPositions, blockingKeys));
	}

	private static List<Readiness.SubsystemRef> refs(List<AffectedSubsystem> affected) {
		return affected.stream().map((a) -> new Readiness.SubsystemRef(a.subsystemId(), a.slug(), a.name())).toList();
	}

	private static Map<Long, List<AffectedSubsystem>> bySession(List<AffectedSubsystem> affected) {
		return affected.stream()
			.collect(Collectors.groupingBy(AffectedSubsystem::sessionId, LinkedHashMap::new, Collectors.toList()));
	}

	/**
	 * The keys of each session's open blocking concerns, from rows of session and key.
	 */
	private static Map<Long, List<String>> blockingKeys(List<Object[]> rows) {
		Map<Long, List<String>> keys = new HashMap<>();
		for (Object[] row : rows) {
			keys.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>()).add((String) row[1]);
		}
		return keys;
	}

	/**
	 * The maintainers read for a batch, found by subsystem in the order they were read: a
	 * batch of a hundred sessions filtered every maintainer of the batch for each session
	 * (a fifth of the event page's time at summit scale).
	 */
	private static final class MaintainerIndex {

		private final List<SubsystemMaintainer> maintainers;

		private final Map<Long, List<Integer>> bySubsystem = new HashMap<>();

		MaintainerIndex(List<SubsystemMaintainer> maintainers) {
			this.maintainers = maintainers;
			for (int i = 0; i < maintainers.size(); i++) {
				this.bySubsystem.computeIfAbsent(maintainers.get(i).subsystemId(), (id) -> new ArrayList<>()).add(i);
			}
		}

		/** The maintainers of these subsystems, in the order they were read. */
		List<SubsystemMaintainer> of(List<Readiness.SubsystemRef> refs) {
			List<Integer> found = new ArrayList<>();
			refs.stream()
				.map(Readiness.SubsystemRef::id)
				.distinct()
				.forEach((id) -> found.addAll(this.bySubsystem.getOrDefault(id, List.of())));
			found.sort(null);
			return found.stream().map(this.maintainers::get).toList();
		}

	}

	/**
	 * The buy-in of a batch of sessions from the rows of {@link Batch#QUERIES}, for a
	 * module that sends them together with queries of its own in one round trip: each
	 * session's proposals, and for a session that discusses none, its own buy-in (as
	 * {@link #forProposals(Collection)} and {@link #forSessions(Collection)}).
	 * @param sessionIds the sessions, in order
	 * @param rows the rows of each of {@link Batch#QUERIES}, in its order, dates as
	 * {@link java.time.LocalDate}, times as {@link java.time.Instant}, enumerations as
	 * their names
	 * @return the batch's buy-in
	 */
	public static Batch fromRows(Collection<Long> sessionIds, List<List<Object[]>> rows) {
		List<AffectedSubsystem> affected = affected(rows.get(2));
		List<SubsystemMaintainer> maintainers = maintainers(rows.get(3));
		List<PositionView> positions = positions(rows.get(4), rows.get(5), rows.get(6));
		Map<Long, List<ProposalBuyIn>> proposals = proposals(rows.get(0), (ids) -> rows.get(1), (ids) -> affected,
				(ids) -> maintainers, (ids) -> positions);
		Map<Long, List<AffectedSubsystem>> affectedBySession = bySession(affected);
		MaintainerIndex maintainersBySubsystem = new MaintainerIndex(maintainers);
		Map<Long, List<String>> blocking = blockingKeys(rows.get(7));
		Map<Long, SessionBuyIn> own = new LinkedHashMap<>();
		for (Long sessionId : sessionIds) {
			if (!proposals.containsKey(sessionId)) {
				// A session that discusses no proposal has no positions: they are taken
				// on proposals.
				own.put(sessionId, sessionBuyIn(sessionId, affectedBySession, maintainersBySubsystem, List.of(),
						blocking.getOrDefault(sessionId, List.of())));
			}
		}
		return new Batch(proposals, own);
	}

	private static List<AffectedSubsystem> affected(List<Object[]> rows) {
		return rows.stream()
			.map((r) -> new AffectedSubsystem((Long) r[0], (Long) r[1], (String) r[2], (String) r[3]))
			.toList();
	}

	private static List<SubsystemMaintainer> maintainers(List<Object[]> rows) {
		return rows.stream()
			.map((r) -> new SubsystemMaintainer((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (String) r[4],
					(String) r[5], (String) r[6], Maintainership.Role.valueOf((String) r[7])))
			.toList();
	}

	/** Positions from their rows, their cited concerns' keys' and their speaks-for's. */
	private static List<PositionView> positions(List<Object[]> rows, List<Object[]> citedKeys,
			List<Object[]> speaksFor) {
		return PositionQueries.withCitedKeys(rows.stream().map(BuyInQueries::position).toList(), citedKeys, speaksFor);
	}

	/** A position from the columns of {@link Batch#POSITION_COLUMNS}. */
	private static PositionView position(Object[] r) {
		return new PositionView((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (String) r[4], (String) r[5],
				Stance.valueOf((String) r[6]), (String) r[7], (String) r[8], (Long) r[9], (String) r[10],
				(String) r[11], EntryMethod.valueOf((String) r[12]), (String) r[13], (String) r[14], (String) r[15],
				(Instant) r[16], (Instant) r[17], (Long) r[18], (Long) r[19], (String) r[20], (String) r[21],
				(Integer) r[22], (Integer) r[23], (String) r[24]);
	}

	/** The maintainers of the subsystems of the sessions in the array. */
	private static final String SESSIONS_OWN_MAINTAINERS = """
			select s.id, s.slug, s.name, p.id, p.handle, p.name, p.email, m.role
			from maintainership m join subsystem s on s.id = m.subsystem_id join person p on p.id = m.person_id
			where m.subsystem_id = any(array(select ss.subsystem_id from session_subsystem ss
				where ss.session_id = any(?)))
			order by s.name, m.role, p.name""";

	/**
	 * A batch of sessions' buy-in: the proposals each discusses, and the buy-in of those
	 * that discuss none.
	 *
	 * @param proposals each session's proposals, by session id
	 * @param sessions the own buy-in of each session that discusses no proposal
	 */
	public record Batch(Map<Long, List<ProposalBuyIn>> proposals, Map<Long, SessionBuyIn> sessions) {

		/** The proposals the sessions discuss, so many in the array {@code ids}. */
		private static final String DISCUSSED_PROPOSALS = "(select sp.proposal_id from session_proposal sp"
				+ " where sp.session_id = any(?))";

		/** The current positions on them. */
		private static final String CURRENT_POSITIONS = "(select p.id from position p where p.proposal_id = any(array"
				+ DISCUSSED_PROPOSALS + ") and p.withdrawn_at is null";

		/**
		 * The columns of a position row, from {@code position p} and the joins of
		 * {@link #POSITION_JOINS}.
		 */
		private static final String POSITION_COLUMNS = """
				p.id, %s, pe.id, pe.handle, pe.name, pe.email, p.stance, p.conditions, p.rationale,
					sf.id, sf.slug, sf.name, p.entry_method, eb.handle, eb.name, eb.email, p.confirmed_at, p.updated_at,
					p.version,
					p.proposal_id, p.mail_trailer, p.mail_message_id, p.mail_version, p.mail_posted_since, p.mail_address
				""";

		private static final String POSITION_JOINS = """
				from position p join person pe on pe.id = p.person_id join person eb on eb.id = p.entered_by_id
					left join subsystem sf on sf.id = p.speaks_for_id
				""";

		/** The current positions on the main proposal of each session in the array. */
		private static final String MAIN_PROPOSAL_POSITIONS = """
				(select p.id from position p join session_proposal sp on sp.proposal_id = p.proposal_id
				where sp.session_id = any(?) and p.withdrawn_at is null
					and sp.seq = (select min(x.seq) from session_proposal x where x.session_id = sp.session_id)""";

		/**
		 * The queries whose rows {@link BuyInQueries#fromRows} reads, in its order; every
		 * parameter ({@code ?}) is the array ({@code bigint[]}) of the sessions' ids.
		 */
		public static final List<String> QUERIES = List.of(
				"""
						select sp.session_id, sp.seq, p.id, p.key, p.title, p.statement, p.status, pa.key, pa.title, c.key
						from session_proposal sp join proposal p on p.id = sp.proposal_id left join proposal pa on pa.id = p.parent_id
							left join concern c on c.proposal_id = p.id and c.status = 'OPEN' and c.blocking
						where sp.session_id = any(?)
						order by sp.session_id, sp.seq, c.created_at, c.id""",
				"""
						select ps.proposal_id, sub.id, sub.slug, sub.name
						from proposal_subsystem ps join subsystem sub on sub.id = ps.subsystem_id
						where ps.proposal_id = any(array""" + DISCUSSED_PROPOSALS + """
						)
						order by sub.name""", """
						select ss.session_id, sub.id, sub.slug, sub.name
						from session_subsystem ss join subsystem sub on sub.id = ss.subsystem_id
						where ss.session_id = any(?)
						order by sub.name""",
				"""
						select s.id, s.slug, s.name, p.id, p.handle, p.name, p.email, m.role
						from maintainership m join subsystem s on s.id = m.subsystem_id join person p on p.id = m.person_id
						where m.subsystem_id = any(array(select ps.subsystem_id from proposal_subsystem ps
							where ps.proposal_id = any(array"""
						+ DISCUSSED_PROPOSALS + """
								) union select ss.subsystem_id from session_subsystem ss where ss.session_id = any(?)))
								order by s.name, m.role, p.name""",
				"select " + POSITION_COLUMNS.formatted("p.session_id") + POSITION_JOINS
						+ "where p.proposal_id = any(array" + DISCUSSED_PROPOSALS + """
								) and p.withdrawn_at is null
								order by pe.name, p.id""",
				citedKeys(CURRENT_POSITIONS), speaksFor(CURRENT_POSITIONS), """
						select c.session_id, c.key
						from concern c
						where c.session_id = any(?) and c.status = 'OPEN' and c.blocking
						order by c.created_at, c.id""");

		/**
		 * What {@link BuyInQueries#forSessions} reads in one round trip, every parameter
		 * the array of session ids: the sessions' affected subsystems, their maintainers,
		 * the current positions on each session's main proposal (listed under the
		 * session), their cited concerns' keys and speaks-for subsystems, the open
		 * blocking concerns.
		 */
		static final String SESSIONS_OWN = RoundTrip.sql(List.of(QUERIES.get(2), SESSIONS_OWN_MAINTAINERS,
				"select " + POSITION_COLUMNS.formatted("sp.session_id") + POSITION_JOINS + """
						join session_proposal sp on sp.proposal_id = p.proposal_id
						where sp.session_id = any(?) and p.withdrawn_at is null
							and sp.seq = (select min(x.seq) from session_proposal x where x.session_id = sp.session_id)
						order by pe.name, p.id""", citedKeys(MAIN_PROPOSAL_POSITIONS),
				speaksFor(MAIN_PROPOSAL_POSITIONS), QUERIES.get(7)));

		/**
		 * The cited concerns' keys of the positions a sub-select (open, without its last
		 * parenthesis) lists.
		 */
		private static String citedKeys(String positions) {
			return """
					select pc.position_id, c.key
					from position_concern pc join concern c on c.id = pc.concern_id
					where pc.position_id = any(array""" + positions + """
					))
					order by c.key""";
		}

		/**
		 * The subsystems the mail-given ones among the positions a sub-select (open,
		 * without its last parenthesis) lists speak for.
		 */
		private static String speaksFor(String positions) {
			return """
					select sf.position_id, sf.subsystem_id, sub.name
					from position_speaks_for sf join subsystem sub on sub.id = sf.subsystem_id
					where sf.position_id = any(array""" + positions + """
					 and p.mail_message_id is not null))
					order by sf.position_id, sf.subsystem_id""";
		}

	}

	/**
	 * The buy-in of a session's proposals as a page shows it (the session page, the
	 * proposal page): for each proposal, the positions of the affected subsystems'
	 * maintainers and reviewers and of the first {@link SessionBuyIn#SHOWN} others by
	 * name (the first page of its table), the first {@link Readiness#NAMED} opposers and
	 * open blocking concerns, and how many of each there are; the readiness is judged
	 * from them ({@link Readiness}), the same as from every position. Also the reader's
	 * own positions on the proposals, for their form.
	 *
	 * @param proposals each session's proposals, by session id
	 * @param sessions the own buy-in of each session that discusses no proposal
	 * @param readerPositions the reader's current position on each proposal, by proposal
	 * id
	 */
	public record Shown(Map<Long, List<ProposalBuyIn>> proposals, Map<Long, SessionBuyIn> sessions,
			Map<Long, PositionView> readerPositions) {

		/**
		 * Each discussed proposal with its first open blocking concerns' keys (a row
		 * each) and their number.
		 */
		private static final String DISCUSSED = """
				select sp.session_id, sp.seq, p.id, p.key, p.title, p.statement, p.status, pa.key, pa.title, c.key,
					(select count(*) from concern b where b.proposal_id = p.id and b.status = 'OPEN' and b.blocking)
				from session_proposal sp join proposal p on p.id = sp.proposal_id left join proposal pa on pa.id = p.parent_id
					left join lateral (select c.key, c.created_at, c.id from concern c
						where c.proposal_id = p.id and c.status = 'OPEN' and c.blocking
						order by c.created_at, c.id limit %d) c on true
				where sp.session_id = any(?)
				order by sp.session_id, sp.seq, c.created_at, c.id"""
			.formatted(Readiness.NAMED);

		/**
		 * Each session's first open blocking concerns' keys (a row each, the first with
		 * none a null key) and their number.
		 */
		private static final String SESSION_BLOCKING = """
				select s.id, c.key,
					(select count(*) from concern b where b.session_id = s.id and b.status = 'OPEN' and b.blocking)
				from unnest(?::bigint[]) s(id) left join lateral (select c.key, c.created_at, c.id from concern c
					where c.session_id = s.id and c.status = 'OPEN' and c.blocking
					order by c.created_at, c.id limit %d) c on true
				order by s.id, c.created_at, c.id""".formatted(Readiness.NAMED);

		/**
		 * Each proposal the sessions discuss, with the subsystems its readiness rests on:
		 * its own, else the session's.
		 */
		private static final String DISCUSSED_PAIRS = """
				with pair as (select sp.session_id, sp.proposal_id,
						coalesce(nullif(array(select ps.subsystem_id from proposal_subsystem ps
							where ps.proposal_id = sp.proposal_id), '{}'), array(select ss.subsystem_id
							from session_subsystem ss where ss.session_id = sp.session_id)) as subsystems
					from session_proposal sp where sp.session_id = any(?))
				""";

		/** Each session's main proposal, with the session's subsystems. */
		private static final String MAIN_PAIRS = """
				with pair as (select sp.session_id, sp.proposal_id,
						array(select ss.subsystem_id from session_subsystem ss where ss.session_id = sp.session_id)
							as subsystems
					from session_proposal sp where sp.session_id = any(?)
						and sp.seq = (select min(x.seq) from session_proposal x where x.session_id = sp.session_id))
				""";

		/**
		 * The positions read of each pair: those of the subsystems' maintainers and
		 * reviewers and others by name, those of a page's rows ({@code shown}: the window
		 * of others is the second argument), the first opposers by name
		 * ({@code opposer}), the reader's ({@code reader}, when the fourth argument is
		 * {@link #READER}); the columns of {@link Batch#POSITION_COLUMNS}, then the cited
		 * concerns' keys, the speaks-for subsystems' ids and names, and the three marks.
		 */
		private static final String POSITIONS = """
				select %s,
					array(select c.key from position_concern pc join concern c on c.id = pc.concern_id
						where pc.position_id = p.id order by c.key),
					array(select f.subsystem_id from position_speaks_for f
						where f.position_id = p.id and p.mail_message_id is not null order by f.subsystem_id),
					array(select s.name from position_speaks_for f join subsystem s on s.id = f.subsystem_id
						where f.position_id = p.id and p.mail_message_id is not null order by f.subsystem_id),
					chosen.shown, chosen.opposer, chosen.reader
				from pair pr cross join lateral (select x.id, bool_or(x.shown) as shown, bool_or(x.opposer) as opposer,
						bool_or(x.reader) as reader
					from (select p.id, true as shown, false as opposer, false as reader from position p
							where p.proposal_id = pr.proposal_id and p.withdrawn_at is null and p.person_id in
								(select m.person_id from maintainership m where m.subsystem_id = any(pr.subsystems))
						union all (select p.id, true, false, false from position p join person pe on pe.id = p.person_id
							where p.proposal_id = pr.proposal_id and p.withdrawn_at is null and not exists (select 1
								from maintainership m where m.person_id = p.person_id and m.subsystem_id = any(pr.subsystems))
							order by pe.name, p.id %s)
						union all (select p.id, false, true, false from position p join person pe on pe.id = p.person_id
							where p.proposal_id = pr.proposal_id and p.withdrawn_at is null and p.stance = 'OPPOSES'
							order by pe.name, p.id limit %d)%s) x
					group by x.id) chosen
				join position p on p.id = chosen.id join person pe on pe.id = p.person_id
					join person eb on eb.id = p.entered_by_id left join subsystem sf on sf.id = p.speaks_for_id
				order by pr.session_id, pe.name, p.id""";

		/**
		 * The reader's position on each pair's proposal: the person whose id is the
		 * parameter {@code ?reader} (none when null).
		 */
		private static final String READER = """

				union all select p.id, false, false, true from position p
					where p.proposal_id = pr.proposal_id and p.withdrawn_at is null and p.person_id = ?reader""";

		/**
		 * The others of a page's rows: from the page's first row, the parameter
		 * {@code ?offset}, counting the subsystems' maintainers and reviewers first (one
		 * row a person), as many as the page has rows ({@code ?rows}).
		 */
		private static final String PAGE_OF_OTHERS = """
				offset greatest(0, ?offset - (select count(distinct m.person_id) from maintainership m
					where m.subsystem_id = any(pr.subsystems))) limit ?rows""";

		/** How many current positions each pair has, and how many oppose. */
		private static final String COUNTS = """
				select pr.session_id, pr.proposal_id, count(p.id), count(p.id) filter (where p.stance = 'OPPOSES')
				from pair pr left join position p on p.proposal_id = pr.proposal_id and p.withdrawn_at is null
				group by pr.session_id, pr.proposal_id""";

		/**
		 * What {@link #fromRows} reads, every plain parameter the array of the sessions'
		 * ids, the named ones those of {@link #values}: the sessions' discussed
		 * proposals, their subsystems, the sessions', their maintainers, the positions
		 * read, their counts, the sessions' open blocking concerns.
		 */
		public static final List<String> QUERIES = List.of(DISCUSSED, Batch.QUERIES.get(1), Batch.QUERIES.get(2),
				Batch.QUERIES.get(3),
				DISCUSSED_PAIRS + POSITIONS.formatted(Batch.POSITION_COLUMNS.formatted("pr.session_id"), PAGE_OF_OTHERS,
						Readiness.NAMED, READER),
				DISCUSSED_PAIRS + COUNTS, SESSION_BLOCKING);

		static final String READ = RoundTrip.sql(QUERIES);

		/**
		 * What {@link BuyInQueries#summaries} reads, every parameter the array of the
		 * sessions' ids: the sessions' subsystems, their maintainers, the positions read
		 * on each session's main proposal (no others than the maintainers', the first
		 * opposers), their counts, the sessions' open blocking concerns.
		 */
		public static final List<String> SUMMARY_QUERIES = List.of(
				Batch.QUERIES.get(2), SESSIONS_OWN_MAINTAINERS, MAIN_PAIRS + POSITIONS
					.formatted(Batch.POSITION_COLUMNS.formatted("pr.session_id"), "limit 0", Readiness.NAMED, ""),
				MAIN_PAIRS + COUNTS, SESSION_BLOCKING);

		static final String SUMMARIES = RoundTrip.sql(SUMMARY_QUERIES);

		/**
		 * The named parameters of {@link #QUERIES}: the reader's person id
		 * ({@code ?reader}, or null), the first row of the page of the buy-in table read
		 * ({@code ?offset}, from 0) and how many rows it has at most ({@code ?rows}).
		 */
		public static Map<String, Object> values(Long readerPersonId, Pageable rows) {
			return values(readerPersonId, rows.getOffset(), rows.getPageSize());
		}

		static Map<String, Object> values(Long readerPersonId, long rowsFrom, int rowCount) {
			Map<String, Object> values = new HashMap<>();
			values.put("reader", readerPersonId);
			values.put("offset", rowsFrom);
			values.put("rows", rowCount);
			return values;
		}

		/**
		 * The buy-in from the rows of {@link #QUERIES}, read for these sessions with
		 * {@link #values} whose first row was {@code rowsFrom}.
		 */
		public static Shown fromRows(Collection<Long> sessionIds, List<List<Object[]>> rows, long rowsFrom) {
			List<AffectedSubsystem> affected = affected(rows.get(2));
			List<SubsystemMaintainer> maintainers = maintainers(rows.get(3));
			Reads reads = reads(rows.get(4), rows.get(5), rowsFrom);
			Map<Long, Long> blockingCounts = new HashMap<>();
			rows.get(0).forEach((r) -> blockingCounts.put((Long) r[2], (Long) r[10]));
			Map<Long, List<ProposalBuyIn>> proposals = judgedProposals(rows.get(0), (proposalIds) -> rows.get(1),
					(sessions) -> affected, (subsystems) -> maintainers,
					(proposalIds) -> (sessionId, proposalId, refs, theirs, blocking) -> reads.buyIn(sessionId,
							proposalId, refs, theirs, blocking, blockingCounts.getOrDefault(proposalId, 0L)));
			Map<Long, List<AffectedSubsystem>> affectedBySession = bySession(affected);
			MaintainerIndex maintainersBySubsystem = new MaintainerIndex(maintainers);
			Map<Long, Counted> blocking = blocking(rows.get(6));
			Map<Long, SessionBuyIn> own = new LinkedHashMap<>();
			for (Long sessionId : sessionIds) {
				if (!proposals.containsKey(sessionId)) {
					List<Readiness.SubsystemRef> refs = refs(affectedBySession.getOrDefault(sessionId, List.of()));
					Counted keys = blocking.getOrDefault(sessionId, Counted.NONE);
					own.put(sessionId, reads.buyIn(sessionId, null, refs, maintainersBySubsystem.of(refs), keys.keys(),
							keys.count()));
				}
			}
			return new Shown(proposals, own, reads.readers());
		}

		/** Keys, the first of them, and how many there are. */
		record Counted(List<String> keys, long count) {

			static final Counted NONE = new Counted(List.of(), 0);

		}

		/**
		 * The open blocking concerns of each session, from rows of
		 * {@link #SESSION_BLOCKING}.
		 */
		static Map<Long, Counted> blocking(List<Object[]> rows) {
			Map<Long, List<String>> keys = new LinkedHashMap<>();
			Map<Long, Long> counts = new HashMap<>();
			for (Object[] row : rows) {
				List<String> of = keys.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>());
				if (row[1] != null) {
					of.add((String) row[1]);
				}
				counts.put((Long) row[0], (Long) row[2]);
			}
			Map<Long, Counted> result = new HashMap<>();
			keys.forEach((id, first) -> result.put(id, new Counted(first, counts.get(id))));
			return result;
		}

		/**
		 * The positions read of each session and proposal, from rows of
		 * {@link #POSITIONS} and {@link #COUNTS}.
		 */
		static Reads reads(List<Object[]> positionRows, List<Object[]> countRows, long rowsFrom) {
			Map<List<Long>, List<PositionView>> shown = new HashMap<>();
			Map<List<Long>, List<PositionView>> opposers = new HashMap<>();
			Map<Long, PositionView> readers = new HashMap<>();
			for (Object[] row : positionRows) {
				PositionView position = position(row).citing(strings(row[25]))
					.speakingFor(List.of((Long[]) row[26]), strings(row[27]));
				List<Long> pair = List.of(position.sessionId(), position.proposalId());
				if ((Boolean) row[28]) {
					shown.computeIfAbsent(pair, (key) -> new ArrayList<>()).add(position);
				}
				if ((Boolean) row[29]) {
					opposers.computeIfAbsent(pair, (key) -> new ArrayList<>()).add(position);
				}
				if ((Boolean) row[30]) {
					readers.put(position.proposalId(), position);
				}
			}
			Map<List<Long>, long[]> counts = new HashMap<>();
			countRows
				.forEach((r) -> counts.put(List.of((Long) r[0], (Long) r[1]), new long[] { (Long) r[2], (Long) r[3] }));
			return new Reads(shown, opposers, readers, counts, rowsFrom);
		}

		private static List<String> strings(Object array) {
			return List.of((String[]) array);
		}

		/**
		 * The positions read, by session and proposal ({@code List.of(sessionId,
		 * proposalId)}): those of the page of rows from {@code rowsFrom}, the first
		 * opposers, the counts of all and of the opposers; and the reader's, by proposal.
		 */
		record Reads(Map<List<Long>, List<PositionView>> shown, Map<List<Long>, List<PositionView>> opposers,
				Map<Long, PositionView> readers, Map<List<Long>, long[]> counts, long rowsFrom) {

			/**
			 * One proposal's buy-in in one session (none: the session's own, without
			 * positions), judged from what was read of it.
			 */
			SessionBuyIn buyIn(Long sessionId, Long proposalId, List<Readiness.SubsystemRef> refs,
					List<SubsystemMaintainer> theirs, List<String> firstBlocking, long blockingCount) {
				List<Long> pair = (proposalId != null) ? List.of(sessionId, proposalId) : List.of();
				List<PositionView> read = this.shown.getOrDefault(pair, List.of());
				long[] count = this.counts.getOrDefault(pair, new long[2]);
				long theirPositions = read.size() - SessionBuyIn.others(theirs, read).count();
				Readiness readiness = Readiness.assess(refs, theirs, read, this.opposers.getOrDefault(pair, List.of()),
						count[1], firstBlocking, blockingCount);
				long othersFrom = Math.max(0, this.rowsFrom - SessionBuyIn.people(theirs));
				return new SessionBuyIn(sessionId, refs, theirs, read, readiness, count[0], count[0] - theirPositions,
						othersFrom);
			}

		}

	}

}
