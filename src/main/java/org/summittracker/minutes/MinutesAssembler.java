package org.summittracker.minutes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.followup.FollowUpStatus;
import org.summittracker.minutes.MinutesQueries.Facts;
import org.summittracker.minutes.MinutesQueries.Kind;
import org.summittracker.minutes.SessionMinutes.Amendments;
import org.summittracker.minutes.SessionMinutes.Attendee;
import org.summittracker.minutes.SessionMinutes.BuyInEntry;
import org.summittracker.minutes.SessionMinutes.CarriedConcernEntry;
import org.summittracker.minutes.SessionMinutes.ConcernEntry;
import org.summittracker.minutes.SessionMinutes.EventHeader;
import org.summittracker.minutes.SessionMinutes.FollowUpChange;
import org.summittracker.minutes.SessionMinutes.FollowUpEntry;
import org.summittracker.minutes.SessionMinutes.MaterialEntry;
import org.summittracker.minutes.SessionMinutes.MailEntry;
import org.summittracker.minutes.SessionMinutes.Note;
import org.summittracker.minutes.SessionMinutes.PersonRef;
import org.summittracker.minutes.SessionMinutes.PositionChange;
import org.summittracker.minutes.SessionMinutes.ProposalEntry;
import org.summittracker.minutes.SessionMinutes.ReadinessEntry;
import org.summittracker.minutes.SessionMinutes.ResolutionEntry;
import org.summittracker.minutes.SessionMinutes.Response;
import org.summittracker.minutes.SessionMinutes.SessionHeader;
import org.summittracker.minutes.SessionMinutes.StatusChange;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.MailEvidence;
import org.summittracker.position.EntryMethod;
import org.summittracker.position.PositionView;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.resolution.Outcome;

/**
 * Puts together the minutes of a batch of sessions from a fixed number of queries.
 */
@Component
class MinutesAssembler {

	private final MinutesQueries queries;

	MinutesAssembler(MinutesQueries queries) {
		this.queries = queries;
	}

	/** The minutes of the given sessions, in the order given. */
	@Transactional(readOnly = true)
	List<SessionMinutes> assemble(List<Long> sessionIds) {
		return assemble(sessionIds, MinutesQueries.Reads.ALL);
	}

	/**
	 * The minutes of the given sessions, in the order given, of the facts {@code reads}
	 * reads (a format reads what it prints: the others are left out).
	 */
	@Transactional(readOnly = true)
	List<SessionMinutes> assemble(List<Long> sessionIds, MinutesQueries.Reads reads) {
		return sessionIds.isEmpty() ? List.of() : assemble(sessionIds, this.queries.read(sessionIds, reads));
	}

	/**
	 * The big lists of one session's minutes, read as they are written, and what happened
	 * to its concerns after its minutes were final.
	 */
	interface Flow {

		List<Note> notes();

		List<ConcernEntry> concerns();

		/**
		 * What happened to the concerns after the time given, in the minutes' order (not
		 * yet by time).
		 */
		List<Dated> concernChanges(Instant after);

	}

	private List<SessionMinutes> assemble(List<Long> sessionIds, Facts facts) {
		return assemble(sessionIds, facts, null);
	}

	/**
	 * The minutes of one session from its facts, its big lists read as they are written
	 * if a flow is given (its facts then have none of them).
	 */
	SessionMinutes assemble(Long sessionId, Facts facts, Flow flow) {
		List<SessionMinutes> one = assemble(List.of(sessionId), facts, flow);
		return one.isEmpty() ? null : one.get(0);
	}

	private List<SessionMinutes> assemble(List<Long> sessionIds, Facts facts, Flow flow) {
		Map<Long, Object[]> headers = index(facts.of(Kind.SESSIONS), (row) -> (Long) row[0]);
		Map<Long, List<Object[]>> attendees = group(facts.of(Kind.ATTENDEES), 0);
		Map<Long, List<Object[]>> notes = group(facts.of(Kind.NOTES), 0);
		Map<Long, List<Object[]>> concerns = group(facts.of(Kind.CONCERNS), 1);
		Map<Long, List<Object[]>> concernSubsystems = group(facts.of(Kind.CONCERN_SUBSYSTEMS), 0);
		Map<Long, List<Object[]>> responses = group(facts.of(Kind.RESPONSES), 0);
		Map<Long, List<Object[]>> concernHistory = group(facts.of(Kind.CONCERN_HISTORY), 0);
		Map<Long, List<Object[]>> positionHistory = group(facts.of(Kind.POSITION_HISTORY), 0);
		Map<Long, Object[]> mailGiven = index(facts.of(Kind.MAIL_GIVEN), (row) -> (Long) row[0]);
		Map<Long, List<Object[]>> resolutions = group(facts.of(Kind.RESOLUTIONS), 1);
		Map<Long, List<Object[]>> resolutionConcerns = group(facts.of(Kind.RESOLUTION_CONCERNS), 0);
		Map<Long, List<Object[]>> followUps = group(facts.of(Kind.FOLLOW_UPS), 1);
		Map<Long, List<Object[]>> followUpHistory = group(facts.of(Kind.FOLLOW_UP_HISTORY), 0);
		BuyInQueries.Batch batch = BuyInQueries.fromRows(sessionIds, facts.buyIn());
		Map<Long, List<ProposalBuyIn>> proposalBuyIns = batch.proposals();
		Map<Long, SessionBuyIn> buyIns = batch.sessions();
		Map<Long, List<Object[]>> carried = group(facts.of(Kind.CARRIED_CONCERNS), 0);
		Map<Long, List<Object[]>> reraises = group(facts.of(Kind.RERAISES), 0);
		Map<Long, List<Object[]>> carriedResponses = group(facts.of(Kind.CARRIED_RESPONSES), 0);
		Map<Long, List<Object[]>> carriedHistory = group(facts.of(Kind.CARRIED_HISTORY), 0);
		Map<Long, List<Object[]>> laterChanges = group(facts.of(Kind.LATER_CHANGES), 0);
		Map<Long, List<Object[]>> material = group(facts.of(Kind.MATERIAL), 0);

		List<SessionMinutes> minutes = new ArrayList<>();
		for (Long id : sessionIds) {
			Object[] h = headers.get(id);
			if (h == null) {
				continue;
			}
			Instant finalAt = (Instant) h[15];
			List<String> changes = new ArrayList<>();
			List<Dated> dated = new ArrayList<>();

			List<ConcernEntry> concernEntries = new ArrayList<>();
			for (Object[] c : concerns.getOrDefault(id, List.of())) {
				Long concernId = (Long) c[0];
				ConcernEntry concern = concernEntry(c, concernSubsystems.getOrDefault(concernId, List.of()),
						responses.getOrDefault(concernId, List.of()),
						concernHistory.getOrDefault(concernId, List.of()));
				concernEntries.add(concern);
				dated.add(new Dated(concern.raisedAt(), raised(concern.raisedBy().name(), concern.key())));
				concern.responses()
					.forEach((r) -> dated.add(new Dated(r.at(), responded(r.author().name(), concern.key()))));
				concern.history()
					.forEach(
							(s) -> dated.add(new Dated(s.at(), moved(s.by().name(), concern.key(), s.from(), s.to()))));
			}
			if (flow != null) {
				concernEntries = flow.concerns();
				if (finalAt != null) {
					dated.addAll(flow.concernChanges(finalAt));
				}
			}

			List<ProposalBuyIn> discussed = proposalBuyIns.getOrDefault(id, List.of());
			List<Object[]> carriedHere = carried.getOrDefault(id, List.of());
			List<Object[]> reraisedHere = reraises.getOrDefault(id, List.of());
			List<Object[]> resolutionsHere = resolutions.getOrDefault(id, List.of());
			List<Object[]> followUpsHere = followUps.getOrDefault(id, List.of());
			Map<Long, List<Object[]>> respondedHere = group(carriedResponses.getOrDefault(id, List.of()), 1);
			Map<Long, List<Object[]>> movedHere = group(carriedHistory.getOrDefault(id, List.of()), 1);
			List<ProposalEntry> proposalEntries = new ArrayList<>();
			for (ProposalBuyIn pb : discussed) {
				List<CarriedConcernEntry> carriedEntries = carriedHere.stream()
					.filter((c) -> pb.proposal().id().equals(c[4]))
					.map((c) -> carriedEntry(c, pb.proposal().key(), reraisedHere,
							respondedHere.getOrDefault((Long) c[1], List.of()),
							movedHere.getOrDefault((Long) c[1], List.of()), resolutionsHere, resolutionConcerns,
							followUpsHere))
					.toList();
				for (CarriedConcernEntry concern : carriedEntries) {
					concern.responses()
						.forEach((r) -> dated.add(new Dated(r.at(), responded(r.author().name(), concern.key()))));
					concern.history()
						.forEach((s) -> dated
							.add(new Dated(s.at(), moved(s.by().name(), concern.key(), s.from(), s.to()))));
				}
				proposalEntries.add(new ProposalEntry(pb.proposal().key(), pb.proposal().title(),
						pb.proposal().statement(), word(pb.proposal().status()), pb.proposal().parentKey(),
						buyInEntries(pb.buyIn(), id, positionHistory, mailGiven, dated), readinessEntry(pb.buyIn()),
						carriedEntries));
			}
			// The main proposal's buy-in leads, as on the session page; a session that
			// discusses none yet shows its own.
			SessionBuyIn sessionBuyIn = discussed.isEmpty() ? buyIns.get(id) : discussed.get(0).buyIn();
			List<BuyInEntry> buyInEntries = discussed.isEmpty()
					? buyInEntries(sessionBuyIn, id, positionHistory, mailGiven, dated)
					: proposalEntries.get(0).buyIn();
			String proposalText = (discussed.isEmpty() || discussed.get(0).proposal().statement().isBlank())
					? (String) h[10] : discussed.get(0).proposal().statement();
			// No proposal text is none: the minutes leave its section out, the JSON says
			// null.
			if (proposalText != null && proposalText.isBlank()) {
				proposalText = null;
			}

			List<ResolutionEntry> resolutionEntries = resolutions.getOrDefault(id, List.of())
				.stream()
				.map((r) -> new ResolutionEntry((Integer) r[2], word(r[3]), outcome(r[3]).label(), (String) r[4],
						(LocalDate) r[5], (LocalDate) r[6], (String) r[7],
						resolutionConcerns.getOrDefault((Long) r[0], List.of())
							.stream()
							.map((k) -> (String) k[1])
							.toList()))
				.toList();

			List<FollowUpEntry> followUpEntries = new ArrayList<>();
			for (Object[] f : followUps.getOrDefault(id, List.of())) {
				PersonRef owner = person(f, 3);
				followUpEntries.add(new FollowUpEntry((String) f[2], owner, (LocalDate) f[6], word(f[7]),
						FollowUpStatus.valueOf((String) f[7]).label(), (String) f[8], (String) f[9], (Integer) f[10],
						followUpHistory.getOrDefault(((Number) f[0]).longValue(), List.of())
							.stream()
							.map((c) -> new FollowUpChange(word(c[1]), word(c[2]), (String) c[3], person(c, 4),
									(Instant) c[7]))
							.toList()));
				dated.add(new Dated((Instant) f[11], "Follow-up added for " + owner.name() + ": " + f[2]));
			}

			laterChanges.getOrDefault(id, List.of()).forEach((c) -> dated.add(laterChange(c)));

			if (finalAt != null) {
				dated.stream()
					.filter((d) -> d.at() != null && d.at().isAfter(finalAt))
					.sorted(Comparator.comparing(Dated::at))
					.forEach((d) -> changes.add(MinutesFormat.instant(d.at()) + ": " + d.what()));
			}

			minutes.add(new SessionMinutes(
					new EventHeader((String) h[1], (String) h[2], (LocalDate) h[3], (LocalDate) h[4], (String) h[5]),
					new SessionHeader((String) h[6], (String) h[7], word(h[8]), (Instant) h[9],
							discussed.isEmpty() ? null : discussed.get(0).proposal().key(), proposalText,
							(String) h[11], (h[12] != null) ? person(h, 12) : null, finalAt),
					attendees.getOrDefault(id, List.of())
						.stream()
						.map((a) -> new Attendee(word(a[1]), person(a, 2)))
						.toList(),
					(flow != null) ? flow.notes()
							: notes.getOrDefault(id, List.of()).stream().map(MinutesAssembler::note).toList(),
					concernEntries, buyInEntries, readinessEntry(sessionBuyIn), proposalEntries, resolutionEntries,
					followUpEntries,
					material.getOrDefault(id, List.of())
						.stream()
						.map((m) -> new MaterialEntry(word(m[1]), (String) m[2], (String) m[3],
								(m[4] != null) ? person(m, 4) : null))
						.toList(),
					new Amendments(finalAt, changes)));
		}
		return minutes;
	}

	/** Something that happened to the session's facts, worded, and when. */
	record Dated(Instant at, String what) {
	}

	static String raised(String who, String concern) {
		return who + " raised concern " + concern;
	}

	static String responded(String who, String concern) {
		return who + " responded to concern " + concern;
	}

	static String moved(String who, String concern, String from, String to) {
		return who + " moved concern " + concern + " from " + ((from != null) ? from : "new") + " to " + to;
	}

	/**
	 * A change to a note, a resolution, a follow-up or an item of material after the
	 * minutes were final, from its row ({@link MinutesQueries.Kind#LATER_CHANGES}), as
	 * the amendments word it.
	 */
	static Dated laterChange(Object[] c) {
		if ("material".equals(c[2])) {
			String item = word(c[8]) + " “" + c[7] + "” <" + c[10] + ">";
			return new Dated((Instant) c[1], switch ((String) c[3]) {
				case "ADDED" -> c[5] + " added material: " + item;
				case "WITHDRAWN" -> c[5] + " withdrew material: " + item + " (" + c[9] + ")";
				default -> c[5] + " edited material, now: " + item;
			});
		}
		if ("follow-up".equals(c[2])) {
			return new Dated((Instant) c[1],
					c[5] + ("MOVED".equals(c[3]) ? " moved a follow-up from " + word(c[8]) + " to " + word(c[9])
							: " revised a follow-up") + ": " + c[7]);
		}
		String verb = switch ((String) c[3]) {
			case "TAKEN" -> "took";
			case "EDITED" -> "edited";
			case "MOVED" -> "moved";
			case "STRUCK" -> "struck";
			case "RESTORED" -> "restored";
			case "RECORDED" -> "recorded";
			case "REVISED" -> "revised";
			default -> word(c[3]);
		};
		return new Dated((Instant) c[1], c[5] + " " + verb + " " + c[2] + " " + c[4]);
	}

	/** A note of the discussion from its row ({@link MinutesQueries.Kind#NOTES}). */
	static Note note(Object[] n) {
		return new Note((Integer) n[1], person(n, 2), word(n[5]), (String) n[6]);
	}

	/**
	 * A concern from its row ({@link MinutesQueries.Kind#CONCERNS}) and the rows of its
	 * subsystems, responses and status changes.
	 */
	static ConcernEntry concernEntry(Object[] c, List<Object[]> subsystems, List<Object[]> responses,
			List<Object[]> history) {
		return new ConcernEntry((String) c[2], (String) c[3], (String) c[4], person(c, 5), word(c[8]), (Boolean) c[9],
				(String) c[10], (String) c[11], (LocalDate) c[12],
				subsystems.stream().map((s) -> (String) s[1]).toList(), (String) c[13], (Instant) c[14],
				responses.stream().map((r) -> new Response(person(r, 1), (Instant) r[4], (String) r[5])).toList(),
				history.stream()
					.map((s) -> new StatusChange(word(s[1]), word(s[2]), (String) s[3], (LocalDate) s[4], person(s, 5),
							(Instant) s[8]))
					.toList());
	}

	/**
	 * The rows of one buy-in table, each with its position's history; the changes stated
	 * in this session count as amendments when made after the minutes were final.
	 */
	private static List<BuyInEntry> buyInEntries(SessionBuyIn buyIn, Long sessionId,
			Map<Long, List<Object[]>> positionHistory, Map<Long, Object[]> mailGiven, List<Dated> dated) {
		List<BuyInEntry> entries = new ArrayList<>();
		Map<String, String> emails = maintainerEmails(buyIn);
		for (SessionBuyIn.Row row : buyIn.rows()) {
			PositionView p = row.position();
			List<Object[]> changes = (p == null) ? List.of() : positionHistory.getOrDefault(p.id(), List.of());
			List<PositionChange> history = history(changes);
			for (int i = 0; i < history.size(); i++) {
				PositionChange pc = history.get(i);
				if (sessionId.equals(changes.get(i)[11])) {
					dated.add(new Dated(pc.at(), pc.enteredBy().name() + " recorded " + row.name() + "'s position: "
							+ ((pc.from() != null) ? pc.from() + " → " : "") + pc.to()));
				}
			}
			entries.add(buyInEntry(emails, row, history, (p != null) ? mailEntry(mailGiven.get(p.id())) : null));
		}
		return entries;
	}

	/**
	 * A concern carried into the session, with what happened to it there: raised again,
	 * answered (the rows of {@link MinutesQueries.Kind#CARRIED_RESPONSES} given here),
	 * moved (those of {@link MinutesQueries.Kind#CARRIED_HISTORY} made here), addressed
	 * by a resolution, followed up.
	 */
	private static CarriedConcernEntry carriedEntry(Object[] c, String proposalKey, List<Object[]> reraised,
			List<Object[]> responded, List<Object[]> moved, List<Object[]> resolutions,
			Map<Long, List<Object[]>> resolutionConcerns, List<Object[]> followUps) {
		Long concernId = (Long) c[1];
		List<String> here = new ArrayList<>();
		reraised.stream()
			.filter((x) -> concernId.equals(x[1]))
			.forEach((x) -> here.add("raised again by " + x[3] + " on " + MinutesFormat.instant((Instant) x[5])));
		List<Response> responses = responded.stream()
			.map((r) -> new Response(person(r, 2), (Instant) r[5], (String) r[6]))
			.toList();
		responses.forEach((r) -> here.add("answered by " + r.author().name() + " on " + MinutesFormat.instant(r.at())));
		List<StatusChange> history = moved.stream()
			.map((h) -> new StatusChange(word(h[2]), word(h[3]), (String) h[4], (LocalDate) h[5], person(h, 6),
					(Instant) h[9]))
			.toList();
		history.forEach((h) -> here.add(statusChanged(h)));
		for (Object[] r : resolutions) {
			if (resolutionConcerns.getOrDefault((Long) r[0], List.of())
				.stream()
				.anyMatch((k) -> concernId.equals(k[2]))) {
				here.add("addressed by resolution " + r[2] + " (" + outcome(r[3]).label().toLowerCase(Locale.ROOT)
						+ ")");
			}
		}
		followUps.stream()
			.filter((f) -> concernId.equals(f[12]))
			.forEach((f) -> here.add("follow-up for " + f[4] + ": " + f[2]));
		return new CarriedConcernEntry((String) c[2], (String) c[3], proposalKey, person(c, 5), (Instant) c[8],
				c[9] + ": " + c[10], word(c[11]), (Boolean) c[12], here, responses, history);
	}

	/**
	 * A status change made to a carried concern, in words: from, to, by whom, when, its
	 * note and the day to revisit it.
	 */
	private static String statusChanged(StatusChange change) {
		return "status changed from " + ((change.from() != null) ? change.from() : "new") + " to " + change.to()
				+ " by " + change.by().name() + " on " + MinutesFormat.instant(change.at())
				+ ((change.note() != null && !change.note().isBlank()) ? ": " + change.note() : "")
				+ ((change.revisitOn() != null) ? " (revisit on " + MinutesFormat.day(change.revisitOn()) + ")" : "");
	}

	/**
	 * A row of a buy-in table as the minutes write it, with the position's history and
	 * the mail it was given in (if any).
	 */
	static BuyInEntry buyInEntry(Map<String, String> maintainerEmails, SessionBuyIn.Row row,
			List<PositionChange> history, MailEntry mail) {
		PositionView p = row.position();
		PersonRef person = new PersonRef(row.handle(), row.name(),
				(p != null) ? p.email() : maintainerEmails.get(row.handle()));
		if (p == null) {
			return new BuyInEntry(person, row.maintains(), null, "No record", null, null, List.of(), null, null, null,
					null, List.of(), null, null);
		}
		return new BuyInEntry(person, row.maintains(), word(p.stance()), p.stance().label(), p.conditions(),
				p.rationale(), p.citedConcernKeys(), p.speaksForName(), word(p.entryMethod()),
				new PersonRef(p.enteredByHandle(), p.enteredByName(), p.enteredByEmail()), p.updatedAt(), history, mail,
				p.confirmedAt());
	}

	static ReadinessEntry readinessEntry(SessionBuyIn buyIn) {
		return new ReadinessEntry(buyIn.readiness().isReady(), buyIn.readiness().missing(), buyIn.readiness().acked());
	}

	/** The email of each maintainer in the buy-in, by handle (the first listed wins). */
	static Map<String, String> maintainerEmails(SessionBuyIn buyIn) {
		Map<String, String> emails = new HashMap<>();
		for (SubsystemMaintainer maintainer : buyIn.maintainers()) {
			if (!emails.containsKey(maintainer.handle())) {
				emails.put(maintainer.handle(), maintainer.email());
			}
		}
		return emails;
	}

	private static PersonRef person(Object[] row, int from) {
		return new PersonRef((String) row[from], (String) row[from + 1], (String) row[from + 2]);
	}

	/**
	 * A position's changes, from rows of {@link MinutesQueries.Kind#POSITION_HISTORY}.
	 */
	static List<PositionChange> history(List<Object[]> changes) {
		return changes.stream()
			.map((pc) -> new PositionChange(word(pc[1]), word(pc[2]), (String) pc[3], (String) pc[4], keys(pc[5]),
					word(pc[6]), person(pc, 7), (Instant) pc[10]))
			.toList();
	}

	/** The keys a position change cited, kept as one text (“concern-1, concern-2”). */
	private static List<String> keys(Object cited) {
		return (cited == null) ? List.of()
				: java.util.Arrays.stream(((String) cited).split(","))
					.map(String::strip)
					.filter((key) -> !key.isEmpty())
					.toList();
	}

	/**
	 * The mail a position given by mail rests on (null for another), from its own columns
	 * as {@link MinutesQueries.Kind#MAIL_GIVEN} reads them.
	 */
	static MailEntry mailEntry(PositionView position) {
		return (position.entryMethod() == EntryMethod.BY_MAIL) ? mailEntry(new Object[] { position.id(),
				position.mailTrailer(), position.mailVersion(), position.mailMessageId(), position.mailAddress() })
				: null;
	}

	/**
	 * The mail a position given by mail rests on, from its row of
	 * {@link MinutesQueries.Kind#MAIL_GIVEN}; null for none.
	 */
	private static MailEntry mailEntry(Object[] row) {
		if (row == null) {
			return null;
		}
		String messageId = (String) row[3];
		return new MailEntry(
				new MailEvidence((String) row[1], messageId, null, null, null, null, null, null).trailerLabel(),
				(Integer) row[2], messageId, MailEvidence.permalink(messageId), (String) row[4]);
	}

	private static Outcome outcome(Object name) {
		return Outcome.valueOf((String) name);
	}

	/** An enumeration value as a word: NOTE_TAKER becomes “note taker”. */
	static String word(Object value) {
		return (value != null) ? value.toString().toLowerCase(Locale.ROOT).replace('_', ' ') : null;
	}

	private static <K> Map<K, Object[]> index(List<Object[]> rows, Function<Object[], K> key) {
		Map<K, Object[]> map = new LinkedHashMap<>();
		rows.forEach((row) -> map.put(key.apply(row), row));
		return map;
	}

	private static Map<Long, List<Object[]>> group(List<Object[]> rows, int keyColumn) {
		Map<Long, List<Object[]>> map = new LinkedHashMap<>();
		rows.forEach((row) -> map.computeIfAbsent((Long) row[keyColumn], (k) -> new ArrayList<>()).add(row));
		return map;
	}

}
