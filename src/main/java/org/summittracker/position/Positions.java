package org.summittracker.position;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.concern.Concern;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.RuleViolation.Problem;
import org.summittracker.shared.StaleVersionException;

/**
 * Records, confirms and withdraws positions. A maintainer may only change their own
 * position; an organizer may record anyone's (as stated in the session). Every change
 * appends a history entry and an audit entry; changes to one person's position in one
 * session are serialized by a transaction-scoped advisory lock, so parallel changes all
 * land, one after the other.
 */
@Service
public class Positions {

	private final PositionRepository positions;

	private final PositionHistory history;

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Proposals proposals;

	Positions(PositionRepository positions, PositionHistory history, PersonRepository people,
			SubsystemRepository subsystems, MaintainershipRepository maintainerships, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock, Proposals proposals) {
		this.proposals = proposals;
		this.positions = positions;
		this.history = history;
		this.people = people;
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the stated position, creating it or changing the current one. The actor's
	 * own position counts as entered by the maintainer (and so confirmed); anyone else's
	 * as stated in the session, entered by the actor.
	 */
	@Transactional
	public Position record(Actor actor, Session session, PositionStatement statement) {
		Person person = person(statement.handle());
		requireMayActFor(actor, person);
		Person by = enteredBy(actor);
		Proposal proposal = this.proposals.discussedIn(session, statement.proposal());
		Checked checked = check(proposal, person, statement, new ArrayList<>());
		Set<Concern> cited = checked.cited();
		Subsystem speaksFor = checked.speaksFor();
		lock(proposal, person);
		Position position = this.positions.findByProposalIdAndPersonId(proposal.getId(), person.getId()).orElse(null);
		checkVersion(position, statement.expectedVersion(), statement.shownAt(), person);
		boolean own = actor.isPerson(person.getId());
		EntryMethod how = own ? EntryMethod.BY_MAINTAINER : EntryMethod.STATED_IN_SESSION;
		Instant now = this.clock.instant();
		Stance old = null;
		ChangeKind kind;
		if (position == null) {
			position = new Position(proposal, session, person, statement.stance(), null, null, how, by, now);
			kind = ChangeKind.STATED;
		}
		else if (position.isAsRestated(session, statement.stance(), conditionsFor(statement), statement.rationale(),
				speaksFor, statement.stance().citesConcerns() ? cited : Set.of(), how, by)) {
			// Stated again as it stands: nothing changes, not its version, its history or
			// the audit trail.
			return position;
		}
		else {
			old = position.isWithdrawn() ? null : position.getStance();
			kind = position.isWithdrawn() ? ChangeKind.STATED : ChangeKind.CHANGED;
		}
		// Only a stance that cites concerns keeps them: the form of a position that was
		// concerned comes with its concerns ticked, and an ack made from it says so when
		// it is saved (PositionController), the API refuses them (PositionsApi).
		position.restate(session, statement.stance(), conditionsFor(statement), statement.rationale(), speaksFor,
				statement.stance().citesConcerns() ? cited : Set.of(), how, by, now);
		Position saved = this.history.record(position, kind, old, by, how);
		audit(actor, saved, "POSITION_" + kind.name(), describe(saved, old, how, by));
		return saved;
	}

	/**
	 * Refuses, every problem at once, what {@link #record} would refuse of the statement
	 * (however incomplete), changing nothing: of a person nobody has, what can be said
	 * without them.
	 */
	@Transactional(readOnly = true)
	public void checkRecord(Actor actor, Session session, PositionStatement statement) {
		Person person = this.people.findByHandle(statement.handle()).orElse(null);
		if (person != null) {
			requireMayActFor(actor, person);
		}
		List<Problem> problems = new ArrayList<>();
		Proposal proposal = this.proposals.find(session, statement.proposal()).orElse(null);
		if (proposal == null && statement.proposal() != null && !statement.proposal().isBlank()) {
			problems.add(new Problem("proposal", "proposal.not-discussed"));
		}
		check(proposal, person, statement, problems);
	}

	private record Checked(Set<Concern> cited, Subsystem speaksFor) {
	}

	/**
	 * Every rule the statement breaks, with {@code problems} found before, refused at
	 * once; the concerns it cites on {@code proposal} and the subsystem it speaks for
	 * otherwise. Without a proposal (none made yet) or a person, what needs them is left
	 * unsaid.
	 */
	private Checked check(Proposal proposal, Person person, PositionStatement statement, List<Problem> problems) {
		if (statement.stance() == null) {
			problems.add(new Problem("stance", "position.stance.required"));
		}
		Set<Concern> cited = (proposal != null) ? cited(proposal, statement.concernKeys(), problems) : Set.of();
		Subsystem speaksFor = (person != null) ? speaksFor(person, statement.speaksFor(), problems) : null;
		if (statement.stance() != null && (proposal != null || statement.concernKeys().isEmpty())) {
			problems.addAll(statement.stance().problems(statement.conditions(), statement.rationale(), cited.size()));
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		return new Checked(cited, speaksFor);
	}

	/**
	 * Records a position read from a mail's trailer, entered by an organizer or the
	 * session's lead (a maintainer importing the thread of their own proposal). Nothing
	 * changes, and {@code false} comes back, when the person's current position already
	 * rests on the same mail with the same stance: a repeated import adds nothing; nor
	 * when it rests on a newer version of the same series than the mail read.
	 */
	@Transactional
	public boolean recordByMail(Actor actor, Session session, MailStatement statement) {
		Proposal proposal = this.proposals.discussedIn(session, statement.proposal());
		requireMayImportMail(actor, session, proposal);
		Person person = person(statement.handle());
		Person by = enteredBy(actor);
		List<Problem> problems = new ArrayList<>();
		if (statement.stance() == null) {
			problems.add(new Problem("stance", "position.stance.required"));
		}
		else {
			problems.addAll(statement.stance().problems(statement.conditions(), statement.rationale(), 0));
		}
		if (statement.stance() == Stance.CONCERNED) {
			problems.add(new Problem("stance", "mail.stance.concerned"));
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		lock(proposal, person);
		Position position = this.positions.findByProposalIdAndPersonId(proposal.getId(), person.getId()).orElse(null);
		if (position != null && !position.isWithdrawn() && position.getMail() != null
				&& position.getMail().messageId().equals(statement.evidence().messageId())
				&& position.getStance() == statement.stance()) {
			return false;
		}
		if (position != null && !position.isWithdrawn() && position.restsOnNewerVersion(statement.evidence())) {
			// A thread of an older version imported after a newer one: the position keeps
			// the newer mail it rests on.
			return false;
		}
		Instant now = this.clock.instant();
		Stance old = null;
		ChangeKind kind;
		if (position == null) {
			position = new Position(proposal, session, person, statement.stance(), null, null, EntryMethod.BY_MAIL, by,
					now);
			kind = ChangeKind.STATED;
		}
		else {
			old = position.isWithdrawn() ? null : position.getStance();
			kind = position.isWithdrawn() ? ChangeKind.STATED : ChangeKind.CHANGED;
		}
		// The position names the subsystem it speaks for when it is one; the full set,
		// which readiness counts, is kept in position_speaks_for below.
		List<Long> speaking = statement.speaksFor().stream().distinct().toList();
		Subsystem speaksFor = (speaking.size() == 1) ? this.subsystems.findById(speaking.get(0)).orElse(null) : null;
		position.restate(session, statement.stance(), conditionsFor(statement.stance(), statement.conditions()),
				(statement.stance() == Stance.OPPOSES) ? statement.rationale() : null, speaksFor, Set.of(),
				EntryMethod.BY_MAIL, by, now);
		position.givenByMail(statement.evidence());
		Position saved = this.history.record(position, kind, old, by, EntryMethod.BY_MAIL);
		// The subsystems it speaks for: the current position's set, replaced with it.
		this.jdbc.update("delete from position_speaks_for where position_id = ?", saved.getId());
		speaking.forEach((id) -> this.jdbc
			.update("insert into position_speaks_for (position_id, subsystem_id) values (?, ?)", saved.getId(), id));
		audit(actor, saved, "POSITION_" + kind.name(),
				"Position of " + person.getHandle() + ": " + ((old != null) ? old.label() : "none") + " → "
						+ saved.getStance().label() + " (by mail, " + statement.evidence().trailerLabel() + " in <"
						+ statement.evidence().messageId() + ">, imported by " + by.getHandle() + ")");
		return true;
	}

	/**
	 * Organizers and administrators import mail for any proposal; a maintainer for their
	 * own proposal: one the session discusses, when they lead the session or speak in it.
	 */
	public void requireMayImportMail(Actor actor, Session session, Proposal proposal) {
		actor.require(mayImportMail(actor, session, proposal), "position.denied.import-mail");
	}

	/**
	 * Whether the actor may import mail for the proposal in the session (see
	 * {@link #requireMayImportMail}).
	 */
	public boolean mayImportMail(Actor actor, Session session, Proposal proposal) {
		if (actor.isOrganizer() || actor.isAdmin()) {
			return true;
		}
		if (!actor.isMaintainer() || proposal == null || !this.proposals.isDiscussedIn(session, proposal)) {
			return false;
		}
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from summit_session s where s.id = ? and s.lead_id = ?
				  union all select 1 from session_participant sp where sp.session_id = ? and sp.person_id = ?
				  and sp.role in ('LEAD', 'SPEAKER'))
				""", Boolean.class, session.getId(), actor.personId(), session.getId(), actor.personId()));
	}

	/**
	 * An import of the proposal's series held version {@code latest}: every mail-given
	 * position resting on an older version now says “given on v3, v4 posted since” (until
	 * it is carried in v4 or given again); positions given on another series of the
	 * proposal stay as they are. No history entry: the position did not change, the
	 * series did. Answers how many positions were marked (none when imported before).
	 */
	@Transactional
	public int newerVersionPosted(Actor actor, Session session, String proposalKey, String series, int latest) {
		Proposal proposal = this.proposals.discussedIn(session, proposalKey);
		requireMayImportMail(actor, session, proposal);
		int marked = 0;
		for (Position position : this.positions.findGivenByMail(proposal.getId())) {
			if (position.newerVersionPosted(series, latest)) {
				marked++;
			}
		}
		return marked;
	}

	/** The person confirms the position someone else entered for them. */
	@Transactional
	public Position confirm(Actor actor, Session session, String proposalKey, String handle, Long expectedVersion) {
		Person person = person(handle);
		actor.require(actor.isMaintainer() && actor.isPerson(person.getId()), "position.denied.confirm",
				person.getHandle());
		Proposal proposal = discussed(session, proposalKey);
		lock(proposal, person);
		Position position = current(proposal, person);
		// Confirming or withdrawing is always done from a page showing one version of it.
		checkVersion(position, (expectedVersion != null) ? expectedVersion : PositionStatement.NONE, person);
		position.confirm(session, this.clock.instant());
		Position saved = this.history.record(position, ChangeKind.CONFIRMED, position.getStance(), person,
				EntryMethod.BY_MAINTAINER);
		audit(actor, saved, "POSITION_CONFIRMED", handle + " confirmed their position: " + saved.getStance().label());
		return saved;
	}

	/**
	 * Withdraws the position: it stops counting, and the withdrawal is a new history
	 * entry.
	 */
	@Transactional
	public Position withdraw(Actor actor, Session session, String proposalKey, String handle, Long expectedVersion) {
		Person person = person(handle);
		requireMayActFor(actor, person);
		Person by = enteredBy(actor);
		Proposal proposal = discussed(session, proposalKey);
		lock(proposal, person);
		Position position = current(proposal, person);
		// Confirming or withdrawing is always done from a page showing one version of it.
		checkVersion(position, (expectedVersion != null) ? expectedVersion : PositionStatement.NONE, person);
		Stance old = position.getStance();
		position.withdraw(session, this.clock.instant());
		boolean own = actor.isPerson(person.getId());
		Position saved = this.history.record(position, ChangeKind.WITHDRAWN, old, by,
				own ? EntryMethod.BY_MAINTAINER : EntryMethod.STATED_IN_SESSION);
		audit(actor, saved, "POSITION_WITHDRAWN", "Position of " + handle + " withdrawn: " + old.label() + " → none");
		return saved;
	}

	/**
	 * The proposal of a position to confirm or withdraw: one the session discusses (its
	 * main one when no key is given), or not found.
	 */
	private Proposal discussed(Session session, String key) {
		return this.proposals.find(session, key)
			.orElseThrow(() -> new NotFoundException("This session discusses no proposal " + PlainText.printable(key)));
	}

	private void requireMayActFor(Actor actor, Person person) {
		actor.require(actor.mayActFor(person.getId()),
				actor.isMaintainer() ? "position.denied.for-others" : "position.denied.role", person.getHandle());
	}

	private Person enteredBy(Actor actor) {
		actor.require(actor.personId() != null, "position.denied.no-person");
		return this.people.getReferenceById(actor.personId());
	}

	/** Whether someone has this handle. */
	public boolean knows(String handle) {
		return this.people.findByHandle(handle).isPresent();
	}

	private Person person(String handle) {
		return this.people.findByHandle(handle)
			.orElseThrow(() -> new NotFoundException("Nobody has the handle " + handle));
	}

	private Position current(Proposal proposal, Person person) {
		return this.positions.findByProposalIdAndPersonId(proposal.getId(), person.getId())
			.filter((p) -> !p.isWithdrawn())
			.orElseThrow(() -> new NotFoundException(person.getHandle() + " has no position on " + proposal.getKey()));
	}

	/**
	 * {@code null}: no check (the domain's own callers); {@link PositionStatement#NONE}:
	 * the form was made when the person had no current position, so one that exists now
	 * is stale; a version: the position must still be at it.
	 */
	private static void checkVersion(Position position, Long expectedVersion, Person person) {
		checkVersion(position, expectedVersion, null, person);
	}

	/**
	 * As {@link #checkVersion(Position, Long, Person)}; a form without the position's
	 * version that says when it was shown ({@code shownAt}) was filled against the
	 * position as it stood then: one changed since is stale, one last changed then or
	 * before is not (the session page shows every position, and its form names anyone).
	 */
	private static void checkVersion(Position position, Long expectedVersion, Instant shownAt, Person person) {
		if (expectedVersion == null) {
			return;
		}
		if (expectedVersion == PositionStatement.NONE && (position == null || position.isWithdrawn())) {
			return;
		}
		if (expectedVersion == PositionStatement.NONE && shownAt != null && !position.getUpdatedAt().isAfter(shownAt)) {
			return;
		}
		long current = (position != null) ? position.getVersion() : -1;
		if (current != expectedVersion) {
			throw new StaleVersionException("Position", person.getHandle());
		}
	}

	/**
	 * Serializes changes to one person's position on one proposal until this transaction
	 * ends.
	 */
	private void lock(Proposal proposal, Person person) {
		this.jdbc.query("select pg_advisory_xact_lock(?, ?)", (rs) -> null, (int) (long) proposal.getId(),
				(int) (long) person.getId());
	}

	/**
	 * Concerns about the proposal, raised in this session or carried from earlier ones.
	 */
	private Set<Concern> cited(Proposal proposal, List<String> keys, List<Problem> problems) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		if (keys.size() > PositionForm.CITED_MAX) {
			problems.add(new Problem("concerns", "position.concerns.too-many"));
			return Set.of();
		}
		List<Concern> found = this.positions.findConcerns(proposal.getId(), keys);
		Set<String> foundKeys = found.stream().map(Concern::getKey).collect(Collectors.toSet());
		List<String> unknown = keys.stream().filter((k) -> !foundKeys.contains(k)).distinct().toList();
		if (!unknown.isEmpty()) {
			problems.add(new Problem("concerns", "session.concern.unknown",
					PlainText.printable(String.join(", ", unknown))));
		}
		return new LinkedHashSet<>(found);
	}

	private Subsystem speaksFor(Person person, String slug, List<Problem> problems) {
		if (slug == null) {
			return null;
		}
		List<SubsystemMaintainer> own = this.maintainerships.findByPersonId(person.getId());
		if (own.stream().noneMatch((m) -> m.subsystemSlug().equals(slug))) {
			problems.add(new Problem("speaksFor", "position.speaks-for.not-theirs", person.getHandle()));
			return null;
		}
		return this.subsystems.findBySlug(slug).orElse(null);
	}

	private static String conditionsFor(PositionStatement statement) {
		return conditionsFor(statement.stance(), statement.conditions());
	}

	private static String conditionsFor(Stance stance, String conditions) {
		return (stance == Stance.SUPPORTS_WITH_CONDITIONS) ? conditions : null;
	}

	private static String describe(Position position, Stance old, EntryMethod how, Person by) {
		return "Position of " + position.getPerson().getHandle() + ": " + ((old != null) ? old.label() : "none") + " → "
				+ position.getStance().label() + ((how == EntryMethod.STATED_IN_SESSION)
						? " (stated in session, entered by " + by.getHandle() + ")" : " (by the maintainer)");
	}

	private void audit(Actor actor, Position position, String action, String summary) {
		this.events.publishEvent(new AuditableChange(actor.username(), action, "Position", position.getId(),
				position.getSession().getId(), summary));
	}

}
