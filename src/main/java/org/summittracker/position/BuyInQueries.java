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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.people.Maintainership;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.proposal.DiscussedProposal;
import org.summittracker.proposal.ProposalStatus;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.AffectedSubsystem;
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

	BuyInQueries(SessionRepository sessions, MaintainershipRepository maintainerships, PositionQueries positions,
			PositionRepository positionRepository, EntityManager entityManager) {
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
		List<List<Object[]>> rows = RoundTrip.read(this.entityManager, Batch.SESSIONS_OWN, sessionIds);
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
		Map<Long, List<PositionView>> positions = positionsOn.apply(proposalIds)
			.stream()
			.collect(Collectors.groupingBy(PositionView::proposalId));
		Map<Long, List<ProposalBuyIn>> result = new LinkedHashMap<>();
		discussed.forEach((sessionId, byId) -> result.put(sessionId, byId.values().stream().map((proposal) -> {
			List<Readiness.SubsystemRef> refs = own.getOrDefault(proposal.id(), List.of());
			if (refs.isEmpty()) {
				refs = sessionRefs.getOrDefault(sessionId, List.of());
			}
			List<SubsystemMaintainer> theirs = maintainersBySubsystem.of(refs);
			List<PositionView> on = positions.getOrDefault(proposal.id(), List.of());
			return new ProposalBuyIn(proposal, new SessionBuyIn(sessionId, refs, theirs, on,
					Readiness.assess(refs, theirs, on, blocking.getOrDefault(proposal.id(), List.of()))));
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
		List<Readiness.SubsystemRef> refs = affected.getOrDefault(sessionId, List.of())
			.stream()
			.map((a) -> new Readiness.SubsystemRef(a.subsystemId(), a.slug(), a.name()))
			.toList();
		List<SubsystemMaintainer> own = maintainers.of(refs);
		return new SessionBuyIn(sessionId, refs, own, sessionPositions,
				Readiness.assess(refs, own, sessionPositions, blockingKeys));
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
		return PositionQueries.withCitedKeys(rows.stream()
			.map((r) -> new PositionView((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (String) r[4],
					(String) r[5], Stance.valueOf((String) r[6]), (String) r[7], (String) r[8], (Long) r[9],
					(String) r[10], (String) r[11], EntryMethod.valueOf((String) r[12]), (String) r[13], (String) r[14],
					(Instant) r[15], (Instant) r[16], (Long) r[17], (Long) r[18], (String) r[19], (String) r[20],
					(Integer) r[21], (Integer) r[22]))
			.toList(), citedKeys, speaksFor);
	}

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
					sf.id, sf.slug, sf.name, p.entry_method, eb.handle, eb.name, p.confirmed_at, p.updated_at, p.version,
					p.proposal_id, p.mail_trailer, p.mail_message_id, p.mail_version, p.mail_posted_since
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
								order by pe.name""",
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
		static final String SESSIONS_OWN = RoundTrip.sql(List.of(QUERIES.get(2), """
				select s.id, s.slug, s.name, p.id, p.handle, p.name, p.email, m.role
				from maintainership m join subsystem s on s.id = m.subsystem_id join person p on p.id = m.person_id
				where m.subsystem_id = any(array(select ss.subsystem_id from session_subsystem ss
					where ss.session_id = any(?)))
				order by s.name, m.role, p.name""",
				"select " + POSITION_COLUMNS.formatted("sp.session_id") + POSITION_JOINS + """
						join session_proposal sp on sp.proposal_id = p.proposal_id
						where sp.session_id = any(?) and p.withdrawn_at is null
							and sp.seq = (select min(x.seq) from session_proposal x where x.session_id = sp.session_id)
						order by pe.name""", citedKeys(MAIN_PROPOSAL_POSITIONS), speaksFor(MAIN_PROPOSAL_POSITIONS),
				QUERIES.get(7)));

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

}
