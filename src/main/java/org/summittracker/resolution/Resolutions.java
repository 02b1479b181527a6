package org.summittracker.resolution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernLifecycle;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernStatus;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.Dates;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * Records and revises a session's resolutions. Only organizers do; a resolution is never
 * deleted, and every wording it has had is kept as a {@link ResolutionChange}.
 */
@Service
class Resolutions {

	/** Why someone else is refused: the message code of the reason. */
	static final String ORGANIZERS_ONLY = "resolution.denied.organizers";

	private final ResolutionRepository resolutions;

	private final ResolutionChangeRepository changes;

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final ConcernLifecycle concernLifecycle;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Proposals proposals;

	Resolutions(ResolutionRepository resolutions, ResolutionChangeRepository changes, SessionRepository sessions,
			ConcernRepository concerns, ConcernLifecycle concernLifecycle, ApplicationEventPublisher events,
			Clock clock, Proposals proposals) {
		this.proposals = proposals;
		this.concernLifecycle = concernLifecycle;
		this.resolutions = resolutions;
		this.changes = changes;
		this.sessions = sessions;
		this.concerns = concerns;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A resolution as recorded or revised, and the keys of the concerns resolved with it
	 * (none unless the draft asked for it).
	 */
	public record Recorded(Resolution resolution, List<String> resolvedConcerns) {

	}

	/**
	 * Whether the actor may record or revise resolutions (pages use it to offer the
	 * forms).
	 */
	public static boolean mayRecord(Actor actor) {
		return actor != null && actor.isOrganizer();
	}

	/**
	 * Records a new resolution with the next number in its session. The concerns it
	 * addresses are linked; when the draft asks for it, those still open or deferred are
	 * resolved through the concern lifecycle (and its history).
	 */
	@Transactional
	public Recorded record(Long sessionId, ResolutionDraft draft, Actor actor) {
		Objects.requireNonNull(actor, "actor").require(mayRecord(actor), ORGANIZERS_ONLY);
		Session session = this.sessions.findById(sessionId).orElseThrow();
		List<Concern> addressed = check(sessionId, draft, null);
		Instant now = this.clock.instant();
		Resolution resolution = new Resolution(session, this.resolutions.findLastSeq(sessionId) + 1,
				draft.statement().strip(), draft.outcome(), draft.decidedOn(), draft.revisitOn());
		addressed.forEach(resolution::addresses);
		resolution.about(proposal(session, draft));
		resolution.touch(now);
		this.resolutions.saveAndFlush(resolution);
		String summary = "Resolution " + resolution.getSeq() + " recorded: " + resolution.getOutcome().label() + ", "
				+ abbreviate(resolution.getStatement()) + addressing(addressed);
		this.changes.save(new ResolutionChange(resolution, ResolutionChange.Kind.RECORDED, keys(addressed), summary,
				actor.username(), now));
		this.events.publishEvent(new AuditableChange(actor.username(), "RESOLUTION_RECORDED", "Resolution",
				resolution.getId(), sessionId, summary));
		return new Recorded(resolution, resolveAddressed(resolution, addressed, draft, actor));
	}

	/**
	 * Revises resolution {@code seq} of the session, provided nobody changed it since the
	 * form was filled in ({@code version}); otherwise a {@link StaleVersionException} and
	 * nothing changes.
	 */
	@Transactional
	public Recorded revise(Long sessionId, int seq, long version, ResolutionDraft draft, Actor actor) {
		Objects.requireNonNull(actor, "actor").require(mayRecord(actor), ORGANIZERS_ONLY);
		Resolution resolution = this.resolutions.findBySeq(sessionId, seq).orElseThrow();
		if (resolution.getVersion() != version) {
			throw new StaleVersionException("Resolution", resolution.getId());
		}
		List<Concern> addressed = check(sessionId, draft, resolution.getRevisitOn());
		String before = resolution.getOutcome().label() + ", " + abbreviate(resolution.getStatement())
				+ addressing(resolution.getAddressedConcerns());
		Instant now = this.clock.instant();
		resolution.revise(draft.statement().strip(), draft.outcome(), draft.decidedOn(), draft.revisitOn(), addressed,
				now);
		resolution.about(proposal(resolution.getSession(), draft));
		this.resolutions.saveAndFlush(resolution);
		String summary = "Resolution " + seq + " revised: " + before + " → " + resolution.getOutcome().label() + ", "
				+ abbreviate(resolution.getStatement()) + addressing(addressed);
		this.changes.save(new ResolutionChange(resolution, ResolutionChange.Kind.REVISED, keys(addressed), summary,
				actor.username(), now));
		this.events.publishEvent(new AuditableChange(actor.username(), "RESOLUTION_REVISED", "Resolution",
				resolution.getId(), sessionId, summary));
		return new Recorded(resolution, resolveAddressed(resolution, addressed, draft, actor));
	}

	/**
	 * The proposal the draft says the resolution decides: one the session discusses, or
	 * none.
	 */
	private Proposal proposal(Session session, ResolutionDraft draft) {
		if (draft.proposalKey() == null || draft.proposalKey().isBlank()) {
			return null;
		}
		return this.proposals.find(session, draft.proposalKey())
			.orElseThrow(() -> new RuleViolation("proposal", "proposal.not-discussed"));
	}

	/** The keys of the concerns it resolved, in the order they were addressed. */
	private List<String> resolveAddressed(Resolution resolution, List<Concern> addressed, ResolutionDraft draft,
			Actor actor) {
		if (!draft.resolveAddressed()) {
			return List.of();
		}
		String note = "Resolved by resolution " + resolution.getSeq() + ": " + abbreviate(resolution.getStatement());
		List<String> resolved = new ArrayList<>();
		for (Concern concern : addressed) {
			if (concern.getStatus() == ConcernStatus.OPEN || concern.getStatus() == ConcernStatus.DEFERRED) {
				this.concernLifecycle.resolve(concern.getId(), resolution.getSession().getId(), note, actor);
				resolved.add(concern.getKey());
			}
		}
		return resolved;
	}

	/**
	 * The rules of a resolution's draft; {@code savedRevisitOn} is the revisit date it
	 * has (none for a new one), which may stay as it is once it has passed.
	 */
	private List<Concern> check(Long sessionId, ResolutionDraft draft, LocalDate savedRevisitOn) {
		Problems problems = new Problems();
		if (draft.statement() == null || draft.statement().isBlank()) {
			problems.add("statement", "resolution.statement.required");
		}
		else if (draft.statement().length() > Resolution.STATEMENT_MAX) {
			problems.add("statement", "text.too-long", Resolution.STATEMENT_MAX, draft.statement().length());
		}
		if (draft.outcome() == null) {
			problems.add("outcome", "resolution.outcome.required");
		}
		if (!Dates.isPlausible(draft.decidedOn())) {
			problems.add("decidedOn", "date.range", Dates.FIRST_YEAR, Dates.LAST_YEAR);
		}
		if (!Dates.isPlausible(draft.revisitOn())) {
			problems.add("revisitOn", "date.range", Dates.FIRST_YEAR, Dates.LAST_YEAR);
		}
		else if (draft.decidedOn() != null && draft.revisitOn() != null
				&& draft.revisitOn().isBefore(draft.decidedOn())) {
			problems.add("revisitOn", "resolution.revisit.before-decision");
		}
		else if (draft.revisitOn() != null && !draft.revisitOn().equals(savedRevisitOn)
				&& draft.revisitOn().isBefore(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)))) {
			problems.add("revisitOn", "resolution.revisit.past");
		}
		else if (draft.outcome() == Outcome.DEFERRED && draft.revisitOn() == null) {
			problems.add("revisitOn", "resolution.revisit.required");
		}
		List<Concern> addressed = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>(draft.concernKeys());
		for (String key : seen) {
			// Raised in the session, or carried into it from an earlier one.
			this.concerns.findBySessionIdAndKey(sessionId, key)
				.or(() -> this.concerns.findEarlier(sessionId, key)
					.stream()
					.findFirst()
					.flatMap(this.concerns::findById))
				.ifPresentOrElse(addressed::add, () -> unknown.add(key));
		}
		if (!unknown.isEmpty()) {
			problems.add("concerns", "session.concern.unknown", PlainText.printable(String.join(", ", unknown)));
		}
		this.sessions.findById(sessionId).ifPresent((session) -> problems.of(() -> proposal(session, draft)));
		problems.refuse();
		return addressed;
	}

	/**
	 * Refuses, every problem at once, what recording (no {@code seq}) or revising
	 * resolution {@code seq} of the session would refuse of the draft (however
	 * incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void check(Long sessionId, Integer seq, ResolutionDraft draft, Actor actor) {
		Objects.requireNonNull(actor, "actor").require(mayRecord(actor), ORGANIZERS_ONLY);
		LocalDate savedRevisitOn = (seq != null)
				? this.resolutions.findBySeq(sessionId, seq).map(Resolution::getRevisitOn).orElse(null) : null;
		check(sessionId, draft, savedRevisitOn);
	}

	private static String keys(Collection<Concern> concerns) {
		return String.join(",", concerns.stream().map(Concern::getKey).sorted().toList());
	}

	private static String addressing(Collection<Concern> concerns) {
		return concerns.isEmpty() ? "" : " (addresses " + keys(concerns).replace(",", ", ") + ")";
	}

	private static String abbreviate(String text) {
		String line = text.replaceAll("\\s+", " ");
		return "“" + ((line.length() > 80) ? line.substring(0, 79) + "…" : line) + "”";
	}

}
