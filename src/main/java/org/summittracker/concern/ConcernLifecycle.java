package org.summittracker.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNoteRepository;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.Slugs;
import org.summittracker.shared.StaleVersionException;

/**
 * Everything that changes a concern: filing, editing, responding, moving its status, and
 * the categories. Who may do what is decided here, not in the pages: maintainers and
 * organizers file (organizers also for someone else), the raiser or an organizer edits
 * and changes the status, only the raiser withdraws, only an organizer overrules, anyone
 * signed in responds. Every status change is appended to the concern's history; nothing
 * is deleted. A rule broken is a {@link RuleViolation} whose codes are in
 * {@code messages.properties}.
 */
@Service
public class ConcernLifecycle {

	private final ConcernRepository concerns;

	private final ConcernCategoryRepository categories;

	private final ConcernResponseRepository responses;

	private final ConcernStatusChangeRepository changes;

	private final ConcernFormerKeyRepository formerKeys;

	private final SessionRepository sessions;

	private final DiscussionNoteRepository notes;

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Proposals proposals;

	private final ConcernReraiseRepository reraises;

	ConcernLifecycle(ConcernReraiseRepository reraises, ConcernRepository concerns,
			ConcernCategoryRepository categories, ConcernResponseRepository responses,
			ConcernStatusChangeRepository changes, ConcernFormerKeyRepository formerKeys, SessionRepository sessions,
			DiscussionNoteRepository notes, PersonRepository people, SubsystemRepository subsystems,
			ApplicationEventPublisher events, Clock clock, Proposals proposals) {
		this.reraises = reraises;
		this.proposals = proposals;
		this.notes = notes;
		this.concerns = concerns;
		this.categories = categories;
		this.responses = responses;
		this.changes = changes;
		this.formerKeys = formerKeys;
		this.sessions = sessions;
		this.people = people;
		this.subsystems = subsystems;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Files a concern in a session, raised by {@code raiserHandle} (an organizer may name
	 * anyone; {@code null} or blank means the actor's own person).
	 */
	@Transactional
	public Concern file(Long sessionId, ConcernDraft draft, String raiserHandle, Actor actor) {
		Filing filing = filing(sessionId, draft, raiserHandle, actor);
		Session session = filing.session();
		Checked checked = filing.checked();
		Person raiser = filing.raiser();
		Proposal proposal = (filing.proposal() != null) ? filing.proposal() : this.proposals.mainOf(session);
		String key = (filing.key() != null) ? filing.key()
				: freeKey(session.getId(), proposal.getId(), derivedKey(checked.title()));
		Instant now = this.clock.instant();
		Person enteredBy = (actor.personId() != null) ? this.people.findById(actor.personId()).orElse(null) : null;
		Concern concern = new Concern(proposal, session, key, checked.title(), checked.category(), raiser, enteredBy,
				checked.body(), now);
		concern.revise(checked.title(), checked.category(), checked.body(), checked.subsystems(), draft.blocking(),
				checked.blockingReason(), now);
		DiscussionNote origin = null;
		if (draft.fromNote() != null) {
			origin = this.notes.findById(draft.fromNote())
				.filter((note) -> note.getSession().getId().equals(session.getId()))
				.orElseThrow(() -> new RuleViolation(null, "note.unknown"));
			concern.filedFrom(origin);
		}
		concern = this.concerns.save(concern);
		this.changes.save(new ConcernStatusChange(concern, session, null, ConcernStatus.OPEN, null, null, enteredBy,
				actor.username(), now));
		audit(actor, "CONCERN_FILED", concern,
				"Filed " + key + ": " + checked.title() + " (raised by " + raiser.getHandle()
						+ (draft.blocking() ? ", blocking" : "")
						+ ((origin != null) ? ", from note " + origin.getSeq() : "") + ")");
		return concern;
	}

	/**
	 * Refuses, every problem at once, what {@link #file} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkFiling(Long sessionId, ConcernDraft draft, String raiserHandle, Actor actor) {
		filing(sessionId, draft, raiserHandle, actor);
	}

	/**
	 * What filing the draft takes, every rule it breaks refused at once: the raiser, the
	 * checked texts, the proposal chosen ({@code null}: the session's main one) and the
	 * key chosen ({@code null}: one made from the title).
	 */
	private Filing filing(Long sessionId, ConcernDraft draft, String raiserHandle, Actor actor) {
		requireSignedIn(actor);
		actor.require(actor.isMaintainer() || actor.isOrganizer(), "concern.denied.file");
		Session session = this.sessions.findById(sessionId)
			.orElseThrow(() -> new RuleViolation(null, "concern.session.unknown"));
		Problems problems = new Problems();
		Person raiser = problems.of(() -> speaker(raiserHandle, "raiser", actor, "concern.denied.file-for-others"));
		Checked checked = check(draft, problems);
		Proposal proposal = this.proposals.find(session, draft.proposalKey()).orElse(null);
		if (proposal == null && !isBlank(draft.proposalKey())) {
			problems.add("proposal", "proposal.not-discussed");
		}
		String key = null;
		if (!isBlank(draft.key())) {
			actor.require(actor.isOrganizer(), "concern.denied.choose-key");
			key = problems.of(() -> checkKey(draft.key()));
			if (key != null && (proposal != null || isBlank(draft.proposalKey()))) {
				String wanted = key;
				Long proposalId = (proposal != null) ? proposal.getId() : null;
				problems.check(() -> requireFree(session.getId(), proposalId, wanted, null));
			}
		}
		problems.refuse();
		return new Filing(session, raiser, checked, proposal, key);
	}

	private record Filing(Session session, Person raiser, Checked checked, Proposal proposal, String key) {
	}

	/**
	 * Edits a concern as it was at {@code expectedVersion}; the raiser or an organizer
	 * may, and only an organizer changes the key (the old key keeps redirecting).
	 */
	@Transactional
	public Concern edit(Long concernId, long expectedVersion, ConcernDraft draft, Actor actor) {
		requireSignedIn(actor);
		Concern concern = find(concernId);
		actor.require(mayEdit(concern, actor), "concern.denied.edit");
		if (concern.getVersion() != expectedVersion) {
			throw new StaleVersionException("Concern", concernId);
		}
		Checked checked = checkEdit(concern, draft, actor);
		Instant now = this.clock.instant();
		String oldKey = concern.getKey();
		if ((isBlank(draft.key()) || draft.key().strip().equals(oldKey)) && concern.isAsRevised(checked.title(),
				checked.category(), checked.body(), checked.subsystems(), draft.blocking(), checked.blockingReason())) {
			// Sent back as it is: nothing changes, not its version, its history or the
			// audit trail.
			return concern;
		}
		if (!isBlank(draft.key()) && !draft.key().strip().equals(oldKey)) {
			String key = draft.key().strip();
			this.formerKeys.save(new ConcernFormerKey(concern, oldKey, now));
			concern.rekey(key, now);
		}
		String before = summary(concern);
		concern.revise(checked.title(), checked.category(), checked.body(), checked.subsystems(), draft.blocking(),
				checked.blockingReason(), now);
		this.concerns.saveAndFlush(concern);
		audit(actor, "CONCERN_EDITED", concern, before + " → " + summary(concern)
				+ (oldKey.equals(concern.getKey()) ? "" : " (key " + oldKey + " → " + concern.getKey() + ")"));
		return concern;
	}

	/**
	 * Refuses, every problem at once, what {@link #edit} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkEdit(Long concernId, ConcernDraft draft, Actor actor) {
		requireSignedIn(actor);
		Concern concern = find(concernId);
		actor.require(mayEdit(concern, actor), "concern.denied.edit");
		checkEdit(concern, draft, actor);
	}

	private Checked checkEdit(Concern concern, ConcernDraft draft, Actor actor) {
		Problems problems = new Problems();
		Checked checked = check(draft, problems);
		if (!isBlank(draft.key()) && !draft.key().strip().equals(concern.getKey())) {
			actor.require(actor.isOrganizer(), "concern.denied.change-key");
			String key = problems.of(() -> checkKey(draft.key()));
			if (key != null) {
				problems.check(
						() -> requireFree(concern.getSession().getId(), concern.getProposal().getId(), key, concern));
			}
		}
		problems.refuse();
		return checked;
	}

	/**
	 * Adds a response to the concern's thread, in the concern's own session; anyone
	 * signed in whose account belongs to a person may.
	 */
	@Transactional
	public void respond(Long concernId, String body, Actor actor) {
		respond(concernId, null, null, body, actor);
	}

	/**
	 * Adds a response to the concern's thread, given in {@code sessionId} (the concern's
	 * own session when {@code null}, else a later one it was carried into) by
	 * {@code authorHandle}: blank for the actor's own person; an organizer recording a
	 * session may name anyone.
	 */
	@Transactional
	public void respond(Long concernId, Long sessionId, String authorHandle, String body, Actor actor) {
		Response response = response(concernId, sessionId, authorHandle, body, actor);
		Concern concern = response.concern();
		Session session = response.session();
		Person author = response.author();
		String text = response.text();
		this.responses.save(new ConcernResponse(concern, session, author, text, this.clock.instant()));
		audit(actor, "CONCERN_RESPONSE", concern, session, "Responded to " + concern.getKey() + " (" + text.length()
				+ " characters" + (author.getId().equals(actor.personId()) ? "" : ", by " + author.getHandle())
				+ (session.getId().equals(concern.getSession().getId()) ? "" : ", carried into this session") + ")");
	}

	/**
	 * Refuses, every problem at once, what
	 * {@link #respond(Long, Long, String, String, Actor)} would refuse of the response
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkResponse(Long concernId, Long sessionId, String authorHandle, String body, Actor actor) {
		response(concernId, sessionId, authorHandle, body, actor);
	}

	/**
	 * What responding takes, every rule it breaks refused at once: the concern, the
	 * session it is given in, its author and its text.
	 */
	private Response response(Long concernId, Long sessionId, String authorHandle, String body, Actor actor) {
		requireSignedIn(actor);
		if (isBlank(authorHandle) || authorHandle.strip().equals(actor.personHandle())) {
			actor.require(actor.personId() != null, "concern.denied.response.no-person");
		}
		Concern concern = find(concernId);
		Session session = during(concern, sessionId);
		Problems problems = new Problems();
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty()) {
			problems.add("body", "concern.response.required");
		}
		problems.check(() -> requireAtMost("body", text, Concern.BODY_MAX));
		Person author = problems.of(() -> speaker(authorHandle, "author", actor, "concern.denied.respond-for-others"));
		problems.refuse();
		return new Response(concern, session, author, text);
	}

	private record Response(Concern concern, Session session, Person author, String text) {
	}

	/**
	 * Moves a concern to another status: resolved (a note is required), withdrawn (by the
	 * raiser only), deferred (a revisit date, today or later, is required), overruled (by
	 * an organizer only, a reason is required), or open again. Only the raiser or an
	 * organizer changes the status. {@code expectedVersion}, when given, must be the
	 * concern's current version.
	 */
	@Transactional
	public Concern transition(Long concernId, ConcernStatus to, String note, LocalDate revisitOn, Long expectedVersion,
			Actor actor) {
		return transition(concernId, null, to, note, revisitOn, expectedVersion, actor);
	}

	/**
	 * {@link #transition(Long, ConcernStatus, String, LocalDate, Long, Actor)} made in
	 * {@code sessionId}: the concern's own session when {@code null}, else a later
	 * session discussing its proposal, which it was carried into.
	 */
	@Transactional
	public Concern transition(Long concernId, Long sessionId, ConcernStatus to, String note, LocalDate revisitOn,
			Long expectedVersion, Actor actor) {
		requireSignedIn(actor);
		Concern concern = find(concernId);
		Session session = during(concern, sessionId);
		requireMayChangeStatus(concern, actor);
		if (expectedVersion != null && concern.getVersion() != expectedVersion) {
			throw new StaleVersionException("Concern", concernId);
		}
		String text = checkTransition(concern, to, note, revisitOn, actor);
		move(concern, session, to, text, (to == ConcernStatus.DEFERRED) ? revisitOn : null, actor);
		return concern;
	}

	/**
	 * Refuses, every problem at once, what
	 * {@link #transition(Long, Long, ConcernStatus, String, LocalDate, Long, Actor)}
	 * would refuse of the move (however incomplete: {@code to} may be {@code null}),
	 * changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkTransition(Long concernId, Long sessionId, ConcernStatus to, String note, LocalDate revisitOn,
			Actor actor) {
		requireSignedIn(actor);
		Concern concern = find(concernId);
		during(concern, sessionId);
		requireMayChangeStatus(concern, actor);
		checkTransition(concern, to, note, revisitOn, actor);
	}

	private static void requireMayChangeStatus(Concern concern, Actor actor) {
		actor.require(actor.isPerson(concern.getRaisedBy().getId()) || actor.isOrganizer(), "concern.denied.status");
	}

	/**
	 * The move to {@code to} checked, every rule it breaks refused at once; answers the
	 * note, stripped ({@code null} when blank).
	 */
	private String checkTransition(Concern concern, ConcernStatus to, String note, LocalDate revisitOn, Actor actor) {
		Problems problems = new Problems();
		if (to == null) {
			problems.add("status", "concern.status.unknown");
		}
		String text = isBlank(note) ? null : note.strip();
		if (text != null) {
			problems.check(() -> requireAtMost("note", text, Concern.NOTE_MAX));
		}
		if (to != null) {
			problems.check(() -> concern.requireMayMoveTo(to));
			if (to.isTheRaisersToMake()) {
				actor.require(actor.isPerson(concern.getRaisedBy().getId()), "concern.denied.withdraw");
			}
			if (to.isAnOrganizersToMake()) {
				actor.require(actor.isOrganizer(), "concern.denied.overrule");
			}
			switch (to) {
				case RESOLVED -> {
					if (text == null) {
						problems.add("note", "concern.status.note-required");
					}
				}
				case DEFERRED -> {
					if (revisitOn == null) {
						problems.add("revisitOn", "concern.revisit.required");
					}
					else if (revisitOn.isBefore(LocalDate.now(this.clock))) {
						problems.add("revisitOn", "concern.revisit.past");
					}
				}
				case OVERRULED -> {
					if (text == null) {
						problems.add("note", "concern.status.reason-required");
					}
				}
				case OPEN, WITHDRAWN -> {
				}
			}
		}
		problems.refuse();
		return text;
	}

	/**
	 * Resolves a concern because a resolution addresses it: nothing happens when it is
	 * already resolved, and a withdrawn or overruled concern is refused (a
	 * {@link RuleViolation}). The raiser or an organizer may.
	 */
	@Transactional
	public void resolve(Long concernId, String note, Actor actor) {
		resolve(concernId, null, note, actor);
	}

	/**
	 * {@link #resolve(Long, String, Actor)} by a resolution of {@code sessionId} (the
	 * concern's own session, or a later one it was carried into).
	 */
	@Transactional
	public void resolve(Long concernId, Long sessionId, String note, Actor actor) {
		requireSignedIn(actor);
		Concern concern = find(concernId);
		if (concern.getStatus() == ConcernStatus.RESOLVED) {
			return;
		}
		if (concern.getStatus() == ConcernStatus.WITHDRAWN || concern.getStatus() == ConcernStatus.OVERRULED) {
			throw new RuleViolation(null, "concern.resolve.closed", concern.getKey(), concern.getStatus().words());
		}
		transition(concernId, sessionId, ConcernStatus.RESOLVED, note, null, null, actor);
	}

	/**
	 * Records that a concern carried into the session (raised in an earlier session about
	 * a proposal the session discusses) was raised again in it, by {@code raiserHandle}
	 * (blank: the actor's own person; an organizer may name anyone); a closed concern
	 * opens again. The same person re-raising it twice in one session is refused; the
	 * concern is never filed twice.
	 */
	@Transactional
	public Concern reraise(Long sessionId, Long concernId, String raiserHandle, Actor actor) {
		requireSignedIn(actor);
		actor.require(actor.isMaintainer() || actor.isOrganizer(), "concern.denied.raise");
		Session session = this.sessions.findById(sessionId)
			.orElseThrow(() -> new RuleViolation(null, "concern.session.unknown"));
		Concern concern = find(concernId);
		if (!this.concerns.findEarlier(sessionId, concern.getKey()).contains(concernId)) {
			throw new RuleViolation(null, "concern.reraise.unknown", concern.getKey());
		}
		Person by = speaker(raiserHandle, "raiser", actor, "concern.denied.reraise-for-others");
		if (this.reraises.existsByConcernIdAndSessionIdAndRaisedById(concernId, sessionId, by.getId())) {
			throw new RuleViolation(null, "concern.reraise.twice", concern.getKey());
		}
		this.reraises.saveAndFlush(new ConcernReraise(concern, session, by, this.clock.instant()));
		// In the history of the session it was raised again in.
		this.events.publishEvent(new AuditableChange(actor.username(), "CONCERN_RERAISED", "Concern", concern.getId(),
				session.getId(), concern.getKey() + " raised again by " + by.getHandle() + " (first raised in "
						+ concern.getSession().getEvent().getSlug() + "/" + concern.getSession().getSlug() + ")"));
		if (concern.getStatus() != ConcernStatus.OPEN) {
			move(concern, session, ConcernStatus.OPEN, "Raised again by " + by.getName(), null, actor);
		}
		return concern;
	}

	/**
	 * Adds a concern category; organizers only, and its name must be new (case aside).
	 */
	@Transactional
	public ConcernCategory addCategory(String name, Actor actor) {
		requireSignedIn(actor);
		actor.require(actor.isOrganizer(), "concern.denied.category");
		String text = (name != null) ? name.strip() : "";
		if (text.isEmpty()) {
			throw new RuleViolation("name", "category.name.required");
		}
		requireAtMost("name", text, ConcernCategory.NAME_MAX);
		if (this.categories.existsByNameIgnoreCase(text)) {
			throw new RuleViolation("name", "category.name.taken", text);
		}
		String slug = derivedKey(text);
		String candidate = Slugs.firstFree(slug, this.categories.findSlugsStartingWith(slug));
		ConcernCategory category = this.categories.save(new ConcernCategory(candidate, text));
		this.events.publishEvent(new AuditableChange(actor.username(), "CONCERN_CATEGORY_ADDED", "ConcernCategory",
				category.getId(), null, "Added the concern category " + text));
		return category;
	}

	/**
	 * Whether the actor may edit the concern (and change its status): its raiser or an
	 * organizer.
	 */
	public static boolean mayEdit(Concern concern, Actor actor) {
		return actor != null && (actor.isOrganizer() || actor.isPerson(concern.getRaisedBy().getId()));
	}

	/**
	 * A key made of the title's words, by the rule of event slugs and handles: “Rust has
	 * no memory model!” → “rust-has-no-memory-model”, “Sandonís” → “sandonis”.
	 */
	public static String derivedKey(String title) {
		// "new" is the address of the form for filing a concern: Slugs makes it
		// "new-concern".
		return Slugs.of(title, "concern", 60);
	}

	/**
	 * The person who spoke: the actor's own when {@code handle} is blank or theirs, else
	 * (organizers only, recording what others said) the person of that handle.
	 */
	private Person speaker(String handle, String field, Actor actor, String onlyOrganizers) {
		if (isBlank(handle) || (actor.personHandle() != null && actor.personHandle().equals(handle.strip()))) {
			if (actor.personId() == null) {
				throw new RuleViolation(field, "concern.raiser.no-person");
			}
			return this.people.findById(actor.personId()).orElseThrow();
		}
		actor.require(actor.isOrganizer(), onlyOrganizers);
		return this.people.findByHandle(handle.strip())
			.orElseThrow(() -> new RuleViolation(field, "person.unknown", PlainText.printable(handle)));
	}

	/**
	 * The session a step in the concern's life is taken in: its own when
	 * {@code sessionId} is {@code null} or its own, else a later session discussing its
	 * proposal, which it was carried into (any other is refused).
	 */
	private Session during(Concern concern, Long sessionId) {
		if (sessionId == null || sessionId.equals(concern.getSession().getId())) {
			return concern.getSession();
		}
		if (!this.concerns.findEarlier(sessionId, concern.getKey()).contains(concern.getId())) {
			throw new RuleViolation(null, "concern.session.not-carried", concern.getKey());
		}
		return this.sessions.findById(sessionId).orElseThrow(() -> new RuleViolation(null, "concern.session.unknown"));
	}

	private void move(Concern concern, Session session, ConcernStatus to, String note, LocalDate revisitOn,
			Actor actor) {
		ConcernStatus from = concern.getStatus();
		Instant now = this.clock.instant();
		concern.moveTo(to, note, revisitOn, now);
		this.concerns.saveAndFlush(concern);
		Person by = (actor.personId() != null) ? this.people.findById(actor.personId()).orElseThrow() : null;
		this.changes
			.save(new ConcernStatusChange(concern, session, from, to, note, revisitOn, by, actor.username(), now));
		audit(actor, "CONCERN_" + to.name(), concern, session,
				concern.getKey() + ": " + from.words() + " → " + to.words() + ((note != null) ? " (" + note + ")" : "")
						+ ((revisitOn != null) ? ", revisit on " + revisitOn : ""));
	}

	private record Checked(String title, ConcernCategory category, String body, Set<Subsystem> subsystems,
			String blockingReason) {
	}

	/**
	 * The draft's texts, category and subsystems checked; what they break in problems.
	 */
	private Checked check(ConcernDraft draft, Problems problems) {
		String title = (draft.title() != null) ? draft.title().strip() : "";
		if (title.isEmpty()) {
			problems.add("title", "concern.title.required");
		}
		problems.check(() -> requireAtMost("title", title, Concern.TITLE_MAX));
		String body = (draft.body() != null) ? draft.body().strip() : "";
		problems.check(() -> requireAtMost("body", body, Concern.BODY_MAX));
		ConcernCategory category = isBlank(draft.categorySlug()) ? null
				: this.categories.findBySlug(draft.categorySlug()).orElse(null);
		if (category == null) {
			problems.add("category", "concern.category.unknown");
		}
		Set<Subsystem> affected = new LinkedHashSet<>();
		if (!draft.subsystemSlugs().isEmpty()) {
			List<Subsystem> found = this.subsystems.findAllBySlugIn(draft.subsystemSlugs());
			if (found.size() != draft.subsystemSlugs().size()) {
				Set<String> known = new HashSet<>(found.stream().map(Subsystem::getSlug).toList());
				String unknown = draft.subsystemSlugs()
					.stream()
					.filter((slug) -> !known.contains(slug))
					.limit(5)
					.map(PlainText::printable)
					.collect(Collectors.joining(", "));
				problems.add("subsystems", "concern.subsystem.unknown", unknown);
			}
			found.stream().sorted(Comparator.comparing(Subsystem::getName)).forEach(affected::add);
		}
		String reason = isBlank(draft.blockingReason()) ? null : draft.blockingReason().strip();
		if (draft.blocking()) {
			if (reason == null) {
				problems.add("blockingReason", "concern.blocking-reason.required");
			}
			else {
				problems.check(() -> requireAtMost("blockingReason", reason, Concern.NOTE_MAX));
			}
		}
		return new Checked(title, category, body, affected, draft.blocking() ? reason : null);
	}

	private String checkKey(String wanted) {
		String key = wanted.strip();
		if (key.equals("new")) {
			throw new RuleViolation("key", "concern.key.reserved");
		}
		if (key.length() > Concern.KEY_MAX || !Concern.KEY.matcher(key).matches()) {
			throw new RuleViolation("key", "concern.key.format", Concern.KEY_MAX);
		}
		return key;
	}

	private void requireFree(Long sessionId, Long proposalId, String key, Concern self) {
		var holder = this.concerns.findBySessionIdAndKey(sessionId, key)
			.or(() -> (proposalId != null) ? this.concerns.findByProposalIdAndKey(proposalId, key)
					: java.util.Optional.empty());
		if (holder.isPresent() && (self == null || !holder.get().getId().equals(self.getId()))) {
			throw new RuleViolation("key", "concern.key.taken", key);
		}
		if (this.formerKeys.existsBySessionIdAndKey(sessionId, key)
				&& (self == null || !this.formerKeys.existsByConcernIdAndKey(self.getId(), key))) {
			throw new RuleViolation("key", "concern.key.former", key);
		}
	}

	/**
	 * The base, or base-2, base-3...: the first no concern of the session has or had, and
	 * no concern of the proposal has.
	 */
	private String freeKey(Long sessionId, Long proposalId, String base) {
		Set<String> taken = new HashSet<>(this.concerns.findKeysStartingWith(sessionId, base));
		taken.addAll(this.concerns.findProposalKeysStartingWith(proposalId, base));
		taken.addAll(this.formerKeys.findKeysStartingWith(sessionId, base));
		String key = base;
		for (int i = 2; taken.contains(key); i++) {
			key = base + "-" + i;
		}
		return key;
	}

	private static void requireAtMost(String field, String text, int max) {
		if (text.length() > max) {
			throw new RuleViolation(field, "text.too-long", max, text.length());
		}
	}

	private Concern find(Long concernId) {
		return this.concerns.findById(concernId).orElseThrow(() -> new RuleViolation(null, "concern.unknown"));
	}

	private void audit(Actor actor, String action, Concern concern, String summary) {
		audit(actor, action, concern, concern.getSession(), summary);
	}

	/** In the history of the session the step was taken in. */
	private void audit(Actor actor, String action, Concern concern, Session session, String summary) {
		this.events.publishEvent(
				new AuditableChange(actor.username(), action, "Concern", concern.getId(), session.getId(), summary));
	}

	private static String summary(Concern concern) {
		return "\"" + concern.getTitle() + "\" [" + concern.getCategory().getName() + "]"
				+ (concern.isBlocking() ? " blocking" : "");
	}

	private static void requireSignedIn(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
