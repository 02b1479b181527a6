package org.summittracker.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Accounts;
import org.summittracker.account.Accounts.AccountSpec;
import org.summittracker.account.Role;
import org.summittracker.audit.AuditTrail;
import org.summittracker.audit.AuditableChange;
import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernCategoryRepository;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernResponse;
import org.summittracker.concern.ConcernResponseRepository;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.followup.FollowUp;
import org.summittracker.followup.FollowUpRepository;
import org.summittracker.material.Material;
import org.summittracker.material.MaterialKind;
import org.summittracker.material.SessionMaterial;
import org.summittracker.people.Maintainership;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.position.EntryMethod;
import org.summittracker.position.Position;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.ProposalRepository;
import org.summittracker.proposal.Proposals;
import org.summittracker.position.PositionHistory;
import org.summittracker.position.Stance;
import org.summittracker.resolution.Outcome;
import org.summittracker.resolution.Resolution;
import org.summittracker.resolution.ResolutionRepository;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNoteRepository;
import org.summittracker.session.Participant;
import org.summittracker.session.ParticipantRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;

import static org.summittracker.demo.DemoSummit.EVENT_SLUG;

/**
 * Loads {@link DemoSummit} in one transaction. People and subsystems are found or created
 * by handle and slug; the event and everything in it are created only when the event is
 * not there yet, so a restart adds nothing twice.
 * <p>
 * What the event holds is written to the audit trail as well, so that the session's
 * history, the feeds and the audit page tell it: made by the demo's note-taker account,
 * which entered it (the people are named in each entry, as when an organizer records what
 * was said in a session), the agenda on the summit's first day and what the session
 * recorded at {@link DemoSummit#RECORDED_AT}, the time its records carry. The event and
 * the session are dated as of the agenda; its notes, resolutions and the link to its
 * proposal as of what the session recorded (the database would date them at loading).
 */
@Component
public class DemoSummitLoader {

	private static final Logger logger = LoggerFactory.getLogger(DemoSummitLoader.class);

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	private final EventRepository events;

	private final SessionRepository sessions;

	private final ParticipantRepository participants;

	private final DiscussionNoteRepository notes;

	private final ConcernCategoryRepository categories;

	private final ConcernRepository concerns;

	private final ConcernResponseRepository responses;

	private final PositionHistory positions;

	private final ResolutionRepository resolutions;

	private final FollowUpRepository followUps;

	private final Accounts accounts;

	private final ProposalRepository proposalRepository;

	private final Proposals proposals;

	private final AuditTrail trail;

	private final JdbcTemplate jdbc;

	private final SessionMaterial material;

	DemoSummitLoader(PersonRepository people, SubsystemRepository subsystems, MaintainershipRepository maintainerships,
			EventRepository events, SessionRepository sessions, ParticipantRepository participants,
			DiscussionNoteRepository notes, ConcernCategoryRepository categories, ConcernRepository concerns,
			ConcernResponseRepository responses, PositionHistory positions, ResolutionRepository resolutions,
			FollowUpRepository followUps, Accounts accounts, ProposalRepository proposalRepository, Proposals proposals,
			AuditTrail trail, JdbcTemplate jdbc, SessionMaterial material) {
		this.material = material;
		this.trail = trail;
		this.jdbc = jdbc;
		this.proposalRepository = proposalRepository;
		this.proposals = proposals;
		this.people = people;
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
		this.events = events;
		this.sessions = sessions;
		this.participants = participants;
		this.notes = notes;
		this.categories = categories;
		this.concerns = concerns;
		this.responses = responses;
		this.positions = positions;
		this.resolutions = resolutions;
		this.followUps = followUps;
		this.accounts = accounts;
	}

	/**
	 * Loads the demo summit unless it is there already; answers whether it loaded
	 * anything.
	 */
	@Transactional
	public boolean load() {
		Map<String, Person> byHandle = new HashMap<>();
		DemoSummit.PEOPLE.forEach((p) -> byHandle.put(p.handle(), person(p)));
		Map<String, Subsystem> bySlug = new HashMap<>();
		for (DemoSummit.SubsystemFact s : DemoSummit.SUBSYSTEMS) {
			Subsystem subsystem = subsystem(s);
			bySlug.put(s.slug(), subsystem);
			s.maintainers().forEach((handle) -> maintain(byHandle.get(handle), subsystem));
		}
		this.accounts.provide(demoAccounts(byHandle), DemoSummit.ACCOUNT_PASSWORD);
		if (this.events.existsBySlug(EVENT_SLUG)) {
			return false;
		}
		Event held = new Event(EVENT_SLUG, DemoSummit.EVENT_NAME, DemoSummit.STARTS_ON, DemoSummit.ENDS_ON,
				DemoSummit.LOCATION, DemoSummit.EVENT_DESCRIPTION);
		held.markHeld();
		Event event = this.events.save(held);
		this.jdbc.update("update event set created_at = ? where id = ?", Timestamp.from(DemoSummit.AGENDA_AT),
				event.getId());
		audit(DemoSummit.AGENDA_AT, "EVENT_CREATED", "Event", event.getId(), null,
				"Created the event " + EVENT_SLUG + ": " + DemoSummit.EVENT_NAME + ", " + DemoSummit.STARTS_ON + " to "
						+ DemoSummit.ENDS_ON + ", " + DemoSummit.LOCATION + ", held");
		Person noteTaker = byHandle.get(DemoSummit.NOTE_TAKER);
		Session session = new Session(event, DemoSummit.SESSION_SLUG, DemoSummit.SESSION_TITLE, 1, DemoSummit.PROPOSAL,
				byHandle.get(DemoSummit.LEAD));
		session.describe(DemoSummit.SUMMARY);
		session.markHeld();
		DemoSummit.AFFECTED.forEach((slug) -> session.affects(bySlug.get(slug)));
		this.sessions.save(session);
		Long sessionId = session.getId();
		this.jdbc.update("update summit_session set created_at = ? where id = ?", Timestamp.from(DemoSummit.AGENDA_AT),
				sessionId);
		audit(DemoSummit.AGENDA_AT, "SESSION_CREATED", "Session", sessionId, sessionId,
				"Created the session " + DemoSummit.SESSION_SLUG + ": " + DemoSummit.SESSION_TITLE + " (led by "
						+ DemoSummit.LEAD + ", held)");
		for (String slug : DemoSummit.AFFECTED) {
			Subsystem affected = bySlug.get(slug);
			audit(DemoSummit.AGENDA_AT, "SUBSYSTEM_AFFECTED", "Session", sessionId, sessionId,
					"Affects " + affected.getName() + " (" + slug + ") now");
		}
		Proposal proposal = new Proposal(DemoSummit.PROPOSAL_KEY, DemoSummit.PROPOSAL_TITLE, DemoSummit.PROPOSAL,
				DemoSummit.RECORDED_AT);
		DemoSummit.AFFECTED.forEach((slug) -> proposal.affects(bySlug.get(slug)));
		this.proposals.link(session, this.proposalRepository.save(proposal));

		participate(session, DemoSummit.LEAD, byHandle, Participant.Role.LEAD);
		participate(session, DemoSummit.NOTE_TAKER, byHandle, Participant.Role.NOTE_TAKER);
		DemoSummit.SPEAKERS.forEach((handle) -> participate(session, handle, byHandle, Participant.Role.SPEAKER));
		audit(DemoSummit.RECORDED_AT, "PROPOSAL_CREATED", "Proposal", proposal.getId(), sessionId, "New proposal "
				+ DemoSummit.PROPOSAL_KEY + " (" + DemoSummit.PROPOSAL_TITLE + ") discussed in this session");

		int seq = 0;
		for (DemoSummit.NoteFact n : DemoSummit.NOTES) {
			DiscussionNote note = this.notes
				.save(new DiscussionNote(session, ++seq, byHandle.get(n.speaker()), n.kind(), n.body()));
			audit(DemoSummit.RECORDED_AT, "NOTE_TAKEN", "DiscussionNote", note.getId(), sessionId,
					"Note " + seq + " taken: " + n.speaker() + " (" + n.kind().name().toLowerCase(Locale.ROOT) + ") "
							+ abbreviate(n.body()));
		}

		Map<String, Concern> byKey = new HashMap<>();
		for (DemoSummit.ConcernFact c : DemoSummit.CONCERNS) {
			Concern concern = new Concern(proposal, session, c.key(), c.title(),
					this.categories.findBySlug(c.category()).orElseThrow(), byHandle.get(c.raisedBy()), noteTaker,
					c.body(), DemoSummit.RECORDED_AT);
			byKey.put(c.key(), this.concerns.save(concern));
			audit(DemoSummit.RECORDED_AT, "CONCERN_FILED", "Concern", concern.getId(), sessionId,
					"Filed " + c.key() + ": " + c.title() + " (raised by " + c.raisedBy() + ")");
			for (DemoSummit.ResponseFact r : c.responses()) {
				this.responses.save(new ConcernResponse(concern, concern.getSession(), byHandle.get(r.author()),
						r.body(), DemoSummit.RECORDED_AT));
				audit(DemoSummit.RECORDED_AT, "CONCERN_RESPONSE", "Concern", concern.getId(), sessionId,
						"Responded to " + c.key() + " (" + r.body().length() + " characters, by " + r.author() + ")");
			}
		}

		for (DemoSummit.PositionFact p : DemoSummit.POSITIONS) {
			Position position = new Position(proposal, session, byHandle.get(p.handle()), p.stance(),
					(p.stance() == Stance.SUPPORTS_WITH_CONDITIONS) ? p.note() : null,
					(p.stance() == Stance.SUPPORTS_WITH_CONDITIONS) ? null : p.note(), EntryMethod.STATED_IN_SESSION,
					noteTaker, DemoSummit.RECORDED_AT);
			p.cites().forEach((key) -> position.cite(byKey.get(key)));
			Position recorded = this.positions.record(position, null);
			audit(DemoSummit.RECORDED_AT, "POSITION_STATED", "Position", recorded.getId(), sessionId,
					"Position of " + p.handle() + ": none → " + p.stance().label() + " (stated in session, entered by "
							+ DemoSummit.NOTE_TAKER + ")");
		}

		int resolutionSeq = 0;
		for (DemoSummit.ResolutionFact r : DemoSummit.RESOLUTIONS) {
			Resolution resolution = this.resolutions
				.save(new Resolution(session, ++resolutionSeq, r.statement(), r.outcome(), null, null));
			audit(DemoSummit.RECORDED_AT, "RESOLUTION_RECORDED", "Resolution", resolution.getId(), sessionId,
					"Resolution " + resolutionSeq + " recorded: " + r.outcome().label() + ", "
							+ abbreviate(r.statement()));
		}

		for (DemoSummit.FollowUpFact f : DemoSummit.FOLLOW_UPS) {
			FollowUp followUp = new FollowUp(session, f.title(), byHandle.get(f.owner()), null, DemoSummit.RECORDED_AT);
			if (f.addresses() != null) {
				followUp.addresses(byKey.get(f.addresses()));
			}
			this.followUps.save(followUp);
			audit(DemoSummit.RECORDED_AT, "FOLLOW_UP_ASSIGNED", "FollowUp", followUp.getId(), sessionId,
					"Follow-up assigned to " + f.owner() + ": “" + f.title() + "”, no due date"
							+ ((f.addresses() != null) ? ", addresses " + f.addresses() : ""));
		}
		Material report = this.material.load(session, MaterialKind.REPORT, DemoSummit.REPORT_TITLE,
				DemoSummit.REPORT_URL, null, DemoSummit.RECORDED_AT, DemoSummit.NOTE_TAKER);
		audit(DemoSummit.RECORDED_AT, "MATERIAL_ADDED", "Material", report.getId(), sessionId,
				this.material.addedSummary(report));
		// Notes, resolutions and the proposal's link to the session, which would be
		// dated as they are loaded, carry the time the session recorded them, as its
		// other records and the trail do.
		Timestamp recorded = Timestamp.from(DemoSummit.RECORDED_AT);
		this.jdbc.update("update discussion_note set created_at = ?, updated_at = ? where session_id = ?", recorded,
				recorded, sessionId);
		this.jdbc.update("update resolution set created_at = ?, updated_at = ? where session_id = ?", recorded,
				recorded, sessionId);
		this.jdbc.update("update session_proposal set linked_at = ? where session_id = ?", recorded, sessionId);
		logger.info("Loaded the demo summit: {} › {}", DemoSummit.EVENT_NAME, DemoSummit.SESSION_TITLE);
		return true;
	}

	/**
	 * admin (Admin and Organizer), organizer (Organizer) and a Maintainer account per
	 * other demo person.
	 */
	private List<AccountSpec> demoAccounts(Map<String, Person> byHandle) {
		List<AccountSpec> specs = new ArrayList<>();
		specs.add(new AccountSpec(DemoSummit.ADMIN_ACCOUNT, null, EnumSet.of(Role.ADMIN, Role.ORGANIZER)));
		specs.add(new AccountSpec(DemoSummit.NOTE_TAKER, byHandle.get(DemoSummit.NOTE_TAKER).getId(),
				EnumSet.of(Role.ORGANIZER)));
		DemoSummit.PEOPLE.stream()
			.filter((p) -> !p.handle().equals(DemoSummit.NOTE_TAKER))
			.forEach((p) -> specs
				.add(new AccountSpec(p.handle(), byHandle.get(p.handle()).getId(), EnumSet.of(Role.MAINTAINER))));
		return specs;
	}

	private void participate(Session session, String handle, Map<String, Person> byHandle, Participant.Role role) {
		this.participants.save(new Participant(session, byHandle.get(handle), role));
		audit(DemoSummit.AGENDA_AT, "PARTICIPANT_ADDED", "Session", session.getId(), session.getId(), "Added " + handle
				+ " (" + role.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ") to " + session.getSlug());
	}

	/** Appends to the audit trail, as the demo's note-taker at {@code at}. */
	private void audit(Instant at, String action, String entityType, Long entityId, Long sessionId, String summary) {
		this.trail.appendAsOf(at,
				new AuditableChange(DemoSummit.NOTE_TAKER, action, entityType, entityId, sessionId, summary));
	}

	/** A text as the trail quotes it: on one line, at most 80 characters. */
	private static String abbreviate(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return "“" + ((line.length() > 80) ? line.substring(0, 79) + "…" : line) + "”";
	}

	private Person person(DemoSummit.PersonFact fact) {
		return this.people.findByHandle(fact.handle())
			.orElseGet(() -> this.people
				.save(new Person(fact.handle(), fact.name(), fact.handle() + "@example.org", fact.affiliation())));
	}

	private Subsystem subsystem(DemoSummit.SubsystemFact fact) {
		return this.subsystems.findBySlug(fact.slug())
			.orElseGet(() -> this.subsystems
				.save(new Subsystem(fact.slug(), fact.name(), Subsystem.Status.MAINTAINED, fact.mailingList())));
	}

	private void maintain(Person person, Subsystem subsystem) {
		if (!this.maintainerships.existsByPersonAndSubsystem(person, subsystem)) {
			this.maintainerships.save(new Maintainership(person, subsystem, Maintainership.Role.MAINTAINER));
		}
	}

}
