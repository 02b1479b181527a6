package org.summittracker.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonAddresses;
import org.summittracker.people.SubsystemFiles;
import org.summittracker.position.MailEvidence;
import org.summittracker.position.MailStatement;
import org.summittracker.position.Stance;
import org.summittracker.proposal.Proposal;
import org.summittracker.session.Session;
import org.summittracker.shared.RuleViolation;

/**
 * Imports a patch thread's buy-in for a session's proposal: a preview person by person
 * (nothing saved), then, on confirm, one position “by mail” per person as the importer
 * corrected it. A repeated import adds nothing; a refused one saves nothing.
 */
@Service
public class MailImport {

	private final SessionProposalPositions positions;

	private final PersonAddresses addresses;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final SubsystemFiles files;

	MailImport(SessionProposalPositions positions, PersonAddresses addresses, SubsystemFiles files, JdbcTemplate jdbc,
			ApplicationEventPublisher events) {
		this.files = files;
		this.positions = positions;
		this.addresses = addresses;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * One person's buy-in as the thread shows it.
	 *
	 * @param address the trailer's address (the form's key for this row)
	 * @param name the name the trailer gives
	 * @param person the person the address belongs to, or {@code null} when unknown
	 * @param standing the reading that stands for their position
	 * @param readings every trailer of theirs in the thread
	 * @param latestVersion the newest version of the series posted
	 * @param speaksFor the subsystems a position of theirs speaks for: those they
	 * maintain that the patches they answered touch and those among the proposal's
	 * affected ones whose files are not known here, else those they maintain among the
	 * proposal's affected ones
	 * @param suggested for an address nobody has, the one person whose name is the
	 * trailer's (whatever its case and surrounding blanks), offered to give it to; else
	 * {@code null}
	 */
	public record PersonReading(String address, String name, Person person, Reading standing, List<Reading> readings,
			int latestVersion, List<SpeaksFor> speaksFor, Person suggested) {

		/** The subsystems it speaks for, by name, joined: “driver core, USB”. */
		public String speaksForNames() {
			return this.speaksFor.stream().map(SpeaksFor::name).collect(Collectors.joining(", "));
		}

		/**
		 * Whether a later version was posted than the one the standing trailer was given
		 * on.
		 */
		public boolean stale() {
			return this.standing.version() < this.latestVersion;
		}

		/**
		 * A trailer sent from an address that is not the trailer's: listed, not settled.
		 */
		public List<Reading> mismatches() {
			return this.readings.stream().filter(Reading::senderMismatch).toList();
		}

		/** The Tested-by notes, and any trailer's {@code # note}, joined. */
		public String notes() {
			String notes = this.readings.stream()
				.map(Reading::note)
				.filter((n) -> n != null && !n.isBlank())
				.distinct()
				.collect(Collectors.joining("; "));
			return notes.isEmpty() ? null : notes;
		}

	}

	/**
	 * What a thread holds for the proposal (its key and title), before anything is saved.
	 */
	public record Preview(String proposal, String proposalTitle, String series, int latestVersion, int messages,
			Integer importedVersion, List<PersonReading> people, String seriesName) {

	}

	/**
	 * The importer's reading of one row: the stance (none: record nothing) and its text;
	 * for an address nobody has, whether to create a person for it, or the handle of the
	 * existing person to give it to ({@code attach}, blank: none).
	 */
	public record Choice(String address, Stance stance, String conditions, String rationale, boolean create,
			String attach) {

		public Choice(String address, Stance stance, String conditions, String rationale, boolean create) {
			this(address, stance, conditions, rationale, create, null);
		}

	}

	/** A subsystem a mail-given position speaks for. */
	public record SpeaksFor(Long id, String name) {

	}

	/** What a confirmed import did. */
	public record Outcome(int added, int unchanged, int skipped, int olderVersion) {

	}

	/**
	 * The proposal an import names: one the session discusses (its main one when none is
	 * named); a 422 on the {@code proposal} field otherwise. Refuses anyone who may not
	 * import mail for it.
	 */
	@Transactional
	public Proposal proposal(Actor actor, Session session, String key) {
		Proposal proposal = this.positions.proposal(session, key);
		this.positions.requireMayImport(actor, session, proposal);
		return proposal;
	}

	/** Reads the thread for the proposal; saves nothing. */
	@Transactional(readOnly = true)
	public Preview preview(Actor actor, Session session, Proposal proposal, List<MailMessage> messages) {
		this.positions.requireMayImport(actor, session, proposal);
		ThreadReading thread = ThreadReading.of(messages);
		Map<String, List<Reading>> byAddress = thread.byAddress();
		Map<String, Person> known = this.addresses.find(byAddress.keySet());
		// One row per person: two addresses of one person are one row.
		Map<String, List<Reading>> groups = new LinkedHashMap<>();
		Map<String, String> firstAddress = new LinkedHashMap<>();
		byAddress.forEach((address, readings) -> {
			Person person = known.get(address);
			String key = (person != null) ? "person:" + person.getId() : address;
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).addAll(readings);
			firstAddress.putIfAbsent(key, address);
		});
		Map<Long, java.util.Set<String>> touching = new LinkedHashMap<>();
		groups.forEach((key, readings) -> {
			Person person = known.get(firstAddress.get(key));
			if (person != null) {
				java.util.Set<String> paths = touching(readings);
				touching.put(person.getId(), !paths.isEmpty() ? paths : thread.paths());
			}
		});
		Map<Long, List<SpeaksFor>> speaksFor = speaksFor(proposal, touching);
		Map<String, Reading> standings = new LinkedHashMap<>();
		groups.forEach((key, readings) -> standings.put(key, ThreadReading.standing(readings)));
		Map<Long, SessionProposalPositions.KeptCondition> conditions = conditionsGiven(proposal, groups, standings,
				known, firstAddress);
		Map<String, Person> suggested = this.addresses.byName(groups.keySet()
			.stream()
			.filter((key) -> known.get(firstAddress.get(key)) == null)
			.map((key) -> standings.get(key).trailer().name())
			.toList());
		List<PersonReading> people = new ArrayList<>();
		groups.forEach((key, readings) -> {
			String address = firstAddress.get(key);
			Reading standing = standings.get(key);
			Person person = known.get(address);
			SessionProposalPositions.KeptCondition kept = (person != null) ? conditions.get(person.getId()) : null;
			if (kept != null && kept.carriedInto(standing.trailer().kind(), thread.seriesName(), standing.version())) {
				// The author carried the ack forward unchanged: it keeps the condition
				// given with it on an earlier version, imported before (in the mail the
				// condition was given in, however many carries since).
				standing = standing.keeping(kept.condition(), kept.conditionGivenOn(), kept.conditionMessageId(),
						kept.firstGivenOn());
			}
			people.add(new PersonReading(address, standing.trailer().name(), person, standing, List.copyOf(readings),
					thread.latestVersion(),
					(person != null) ? speaksFor.getOrDefault(person.getId(), List.of()) : List.of(),
					(person == null) ? suggested.get(PersonAddresses.nameKey(standing.trailer().name())) : null));
		});
		return new Preview(proposal.getKey(), proposal.getTitle(), thread.series(), thread.latestVersion(),
				thread.messages(), importedVersion(proposal), List.copyOf(people),
				(thread.seriesName() != null) ? truncate(thread.seriesName(), 500) : null);
	}

	/**
	 * The conditional acks by mail people stand on now, for those whose standing trailer
	 * the author carried without a condition and who gave it in no reply the thread holds
	 * (one query).
	 */
	private Map<Long, SessionProposalPositions.KeptCondition> conditionsGiven(Proposal proposal,
			Map<String, List<Reading>> groups, Map<String, Reading> standings, Map<String, Person> known,
			Map<String, String> firstAddress) {
		List<Long> ids = groups.keySet()
			.stream()
			.filter((key) -> known.get(firstAddress.get(key)) != null && standings.get(key).mayKeepACondition()
					&& ThreadReading.givenBefore(groups.get(key), standings.get(key)).isEmpty())
			.map((key) -> known.get(firstAddress.get(key)).getId())
			.toList();
		return this.positions.conditionsGiven(proposal, ids);
	}

	/**
	 * Records the positions as the importer chose them, all or nothing. Rows the importer
	 * left without a stance, and unknown people not to be created, are skipped.
	 */
	@Transactional
	public Outcome confirm(Actor actor, Session session, Proposal proposal, List<MailMessage> messages,
			List<Choice> choices) {
		Preview preview = preview(actor, session, proposal, messages);
		Map<String, Choice> chosen = new LinkedHashMap<>();
		choices.forEach((c) -> chosen.putIfAbsent(c.address(), c));
		int added = 0;
		int unchanged = 0;
		int skipped = 0;
		int tested = 0;
		List<RuleViolation.Problem> problems = new ArrayList<>();
		for (PersonReading read : preview.people()) {
			PersonReading row = read;
			Choice choice = chosen.get(row.address());
			if (choice == null || choice.stance() == null) {
				// Tested-by and no stance: kept as "tested, no position", not dropped.
				tested += keepTested(actor, proposal, row);
				skipped++;
				continue;
			}
			String attach = blankToNull(choice.attach());
			if (row.person() == null && attach != null) {
				// An address nobody has, given to an existing person: theirs from now on.
				Optional<Person> attached = this.addresses.attach(attach, row.address(), actor.username());
				if (attached.isEmpty()) {
					problems.add(new RuleViolation.Problem("attach", "mail.row.attach.unknown", row.address(),
							truncate(attach, 80)));
					continue;
				}
				row = new PersonReading(read.address(), read.name(), attached.get(), read.standing(), read.readings(),
						read.latestVersion(), read.speaksFor(), null);
			}
			if (row.person() == null && !choice.create()) {
				skipped++;
				continue;
			}
			Person person = (row.person() != null) ? row.person()
					: this.addresses.create(row.name(), row.address(), actor.username());
			Reading standing = row.standing();
			MailEvidence evidence = new MailEvidence(standing.trailer().kind().name(), standing.messageId(),
					standing.version(), standing.firstGivenOn(), standing.carried(), truncate(row.notes()),
					preview.seriesName(), truncate(standing.trailer().address(), 254));
			if (choice.stance() == Stance.SUPPORTS_WITH_CONDITIONS) {
				evidence = conditionGivenIn(evidence, standing, blankToNull(choice.conditions()));
			}
			try {
				if (this.positions.record(actor, session,
						new MailStatement(proposal.getKey(), person.getHandle(), choice.stance(),
								blankToNull(choice.conditions()), blankToNull(choice.rationale()), evidence,
								row.speaksFor().stream().map(SpeaksFor::id).toList()))) {
					added++;
				}
				else {
					unchanged++;
				}
			}
			catch (RuleViolation ex) {
				ex.problems()
					.forEach((p) -> problems
						.add(new RuleViolation.Problem(null, "mail.row." + p.code(), read.address())));
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		int olderVersion = this.positions.newerVersionPosted(actor, session, proposal, preview.seriesName(),
				preview.latestVersion());
		boolean seen = Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from mail_import
				where session_id = ? and proposal_id = ? and series = ? and latest_version = ?)
				""", Boolean.class, session.getId(), proposal.getId(), truncate(preview.series(), 500),
				preview.latestVersion()));
		if (added > 0 || olderVersion > 0 || tested > 0 || !seen) {
			this.jdbc.update("""
					insert into mail_import (session_id, proposal_id, series, latest_version, messages,
					                         positions_added, imported_by)
					values (?, ?, ?, ?, ?, ?, ?)
					""", session.getId(), proposal.getId(), truncate(preview.series(), 500), preview.latestVersion(),
					preview.messages(), added, actor.username());
			this.events.publishEvent(new AuditableChange(actor.username(), "MAIL_IMPORTED", "Session", session.getId(),
					session.getId(),
					"Imported buy-in on " + proposal.getKey() + " from mail (" + preview.messages() + " messages, "
							+ truncate(preview.series(), 200) + ", v" + preview.latestVersion() + "): " + added
							+ " positions recorded, " + olderVersion + " now rest on an older version, " + tested
							+ " Tested-by kept without a position"));
		}
		return new Outcome(added, unchanged, skipped, olderVersion);
	}

	/**
	 * The evidence of a conditional ack, with the mail its condition was given in: the
	 * earlier reply whose condition the standing trailer kept, when the importer kept
	 * that condition as read (however many carries since); else the mail it rests on.
	 */
	private static MailEvidence conditionGivenIn(MailEvidence evidence, Reading standing, String conditions) {
		boolean kept = standing.conditionMessageId() != null && standing.conditionGivenOn() != null
				&& standing.condition() != null && standing.condition().strip().equals(conditions);
		return kept
				? evidence.conditionGivenIn(truncate(standing.conditionMessageId(), 500), standing.conditionGivenOn())
				: evidence.conditionGivenIn(evidence.messageId(), evidence.version());
	}

	/**
	 * The files a person's position from the thread is about: those the mails they
	 * answered touch (a patch's, the whole series' for its cover letter), of the readings
	 * given on the version their standing one was.
	 */
	private static java.util.Set<String> touching(List<Reading> readings) {
		Reading standing = ThreadReading.standing(readings);
		java.util.Set<String> paths = new java.util.LinkedHashSet<>();
		readings.stream()
			.filter((r) -> r.version() == standing.version() && r.noteOnly() == standing.noteOnly())
			.forEach((r) -> paths.addAll(r.paths()));
		return paths;
	}

	/**
	 * Per person, the subsystems a position from the thread speaks for: those they
	 * maintain that the files their position is about touch (by the MAINTAINERS F:/X:
	 * patterns) and those among the proposal's affected subsystems whose files are not
	 * known here (no F: pattern); when the files touch none, those they maintain among
	 * the proposal's affected subsystems. Four queries, however many people.
	 */
	private Map<Long, List<SpeaksFor>> speaksFor(Proposal proposal, Map<Long, java.util.Set<String>> touching) {
		Map<Long, List<SpeaksFor>> maintained = new LinkedHashMap<>();
		if (touching.isEmpty()) {
			return maintained;
		}
		List<Long> personIds = List.copyOf(touching.keySet());
		java.util.Set<Long> affected = new java.util.HashSet<>(this.jdbc.queryForList(
				"select subsystem_id from proposal_subsystem where proposal_id = ?", Long.class, proposal.getId()));
		String in = personIds.stream().map((id) -> "?").collect(Collectors.joining(","));
		this.jdbc
			.query("select m.person_id, s.id, s.name from maintainership m join subsystem s on s.id = m.subsystem_id"
					+ " where m.role = 'MAINTAINER' and m.person_id in (" + in + ") order by s.name", (rs) -> {
						maintained.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
							.add(new SpeaksFor(rs.getLong(2), rs.getString(3)));
					}, personIds.toArray());
		List<Long> theirs = maintained.values().stream().flatMap(List::stream).map(SpeaksFor::id).distinct().toList();
		Map<Long, java.util.Set<String>> coverage = this.files.coverage(theirs,
				touching.values().stream().flatMap(java.util.Set::stream).collect(Collectors.toSet()));
		java.util.Set<Long> withFiles = this.files.withFiles(theirs);
		Map<Long, List<SpeaksFor>> result = new LinkedHashMap<>();
		maintained.forEach((person, subsystems) -> {
			java.util.Set<String> paths = touching.get(person);
			java.util.Set<Long> byDiff = subsystems.stream()
				.filter((s) -> coverage.getOrDefault(s.id(), java.util.Set.of()).stream().anyMatch(paths::contains))
				.map(SpeaksFor::id)
				.collect(Collectors.toSet());
			// An affected subsystem whose files are not known here (no F: pattern) cannot
			// be told apart from the diff: the ack speaks for it as for the others.
			result.put(person,
					subsystems.stream()
						.filter((s) -> byDiff.contains(s.id())
								|| (affected.contains(s.id()) && (byDiff.isEmpty() || !withFiles.contains(s.id()))))
						.toList());
		});
		return result;
	}

	/**
	 * Keeps the row's Tested-by trailers (for someone the import gives no stance) as
	 * “tested, no position”; answers how many were new.
	 */
	private int keepTested(Actor actor, Proposal proposal, PersonReading row) {
		int kept = 0;
		for (Reading r : row.readings()) {
			if (r.trailer().kind() != Trailer.Kind.TESTED || r.messageId() == null) {
				continue;
			}
			kept += this.jdbc.update(
					"""
							insert into mail_tested (proposal_id, person_id, name, address, message_id, version, note, imported_by)
							values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
							""",
					proposal.getId(), (row.person() != null) ? row.person().getId() : null,
					truncate((row.name() != null && !row.name().isBlank()) ? row.name() : row.address(), 200),
					row.address(), truncate(r.messageId(), 500), r.version(), truncate(r.trailer().note()),
					actor.username());
		}
		return kept;
	}

	/** The Tested-by kept for the session's proposals without a position. */
	List<TestedOnly> testedOnly(Session session) {
		return this.jdbc.query("""
				select pr.key, t.name, t.address, pe.handle, t.version, t.message_id, t.note
				from session_proposal sp join proposal pr on pr.id = sp.proposal_id
				join mail_tested t on t.proposal_id = sp.proposal_id left join person pe on pe.id = t.person_id
				where sp.session_id = ?
				order by sp.seq, t.address, t.version, t.id
				limit 500
				""", (rs, i) -> new TestedOnly(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getInt(5), rs.getString(6), rs.getString(7)), session.getId());
	}

	/**
	 * A Tested-by from someone the import gave no stance: a note, kept and shown.
	 *
	 * @param proposal the proposal's key
	 * @param name the trailer's name
	 * @param address the trailer's address
	 * @param handle the person's handle, or {@code null} when nobody here has the address
	 * @param version the series version tested
	 * @param messageId the mail holding it
	 * @param note the trailer's {@code # note}, or {@code null}
	 */
	public record TestedOnly(String proposal, String name, String address, String handle, int version, String messageId,
			String note) {

		public String link() {
			return MailMessage.permalink(this.messageId);
		}

	}

	/**
	 * The session's proposals the actor may import mail for (all for organizers and
	 * administrators; for the session's leads and speakers, those it discusses).
	 */
	@Transactional(readOnly = true)
	public List<Proposal> importable(Actor actor, Session session) {
		return this.positions.discussed(session)
			.stream()
			.filter((p) -> this.positions.mayImport(actor, session, p))
			.toList();
	}

	/** The newest series version imported for the proposal before, or {@code null}. */
	Integer importedVersion(Proposal proposal) {
		return this.jdbc.queryForObject("select max(latest_version) from mail_import where proposal_id = ?",
				Integer.class, proposal.getId());
	}

	/** The session's positions given by mail, for its mail page. */
	List<MailGiven> mailGiven(Session session) {
		return this.positions.mailGiven(session.getId());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String truncate(String text) {
		return truncate(text, 2000);
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
