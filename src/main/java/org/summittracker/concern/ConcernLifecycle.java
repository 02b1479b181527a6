package org.summittracker.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;

/**
 * Everything that changes a concern: filing, editing, responding, moving its status, and
 * the categories. Who may do what is decided here, not in the pages: maintainers and
 * organizers file (organizers also for someone else), the raiser or an organizer edits
 * and changes the status, only the raiser withdraws, only an organizer overrules, anyone
 * signed in responds. Every status change is appended to the concern's history; nothing
 * is deleted.
 */
@Service
public class ConcernLifecycle {

	public static final int TITLE_MAX = 200;

	public static final int BODY_MAX = 20_000;

	public static final int KEY_MAX = 80;

	public static final int NOTE_MAX = 2_000;

	public static final int CATEGORY_MAX = 120;

	public static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

	/**
	 * Control characters other than tab, line feed and carriage return (PostgreSQL
	 * refuses NUL outright).
	 */
	private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

	private static final Pattern CONTROL_IN_LINE = Pattern.compile("\\p{Cntrl}");

	private final ConcernRepository concerns;

	private final ConcernCategoryRepository categories;

	private final ConcernResponseRepository responses;

	private final ConcernStatusChangeRepository changes;

	private final ConcernFormerKeyRepository formerKeys;

	private final SessionRepository sessions;

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConcernLifecycle(ConcernRepository concerns, ConcernCategoryRepository categories,
			ConcernResponseRepository responses, ConcernStatusChangeRepository changes,
			ConcernFormerKeyRepository formerKeys, SessionRepository sessions, PersonRepository people,
			SubsystemRepository subsystems, ApplicationEventPublisher events, Clock clock) {
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
		requireSignedIn(actor);
		actor.require(actor.isMaintainer() || actor.isOrganizer(), "Only maintainers and organizers file concerns.");
		Session session = this.sessions.findById(sessionId)
			.orElseThrow(() -> new ConcernRejected(null, "There is no such session."));
		Person raiser;
		if (isBlank(raiserHandle) || (actor.personHandle() != null && actor.personHandle().equals(raiserHandle))) {
			if (actor.personId() == null) {
				throw new ConcernRejected("raiser", "Your account belongs to no person: name who raised the concern.");
			}
			raiser = this.people.findById(actor.personId()).orElseThrow();
		}
		else {
			actor.require(actor.isOrganizer(), "Only organizers file a concern on behalf of someone else.");
			raiser = this.people.findByHandle(raiserHandle.strip())
				.orElseThrow(() -> new ConcernRejected("raiser", "Nobody has the handle " + raiserHandle + "."));
		}
		Checked checked = check(draft);
		String key;
		if (isBlank(draft.key())) {
			key = freeKey(session.getId(), derivedKey(checked.title()));
		}
		else {
			actor.require(actor.isOrganizer(), "Only organizers choose a concern's key.");
			key = checkKey(draft.key());
			requireFree(session.getId(), key, null);
		}
		Instant now = this.clock.instant();
		Person enteredBy = (actor.personId() != null) ? this.people.findById(actor.personId()).orElse(null) : null;
		Concern concern = new Concern(session, key, checked.title(), checked.category(), raiser, enteredBy,
				checked.body(), now);
		concern.revise(checked.title(), checked.category(), checked.body(), checked.subsystems(), draft.blocking(),
				checked.blockingReason(), now);
		concern = this.concerns.save(concern);
		this.changes.save(new ConcernStatusChange(concern, null, ConcernStatus.OPEN, null, null,
				(enteredBy != null) ? enteredBy : raiser, now));
		audit(actor, "CONCERN_FILED", concern, "Filed " + key + ": " + checked.title() + " (raised by "
				+ raiser.getHandle() + (draft.blocking() ? ", blocking" : "") + ")");
		return concern;
	}

	/**
	 * Edits a concern as it was at {@code expectedVersion}; the raiser or an organizer
	 * may, and only an organizer changes the key (the old key keeps redirecting).
	 */
	@Transactional
	public Concern edit(Long concernId, long expectedVersion, ConcernDraft draft, Actor actor) {
		requireSignedIn(actor);
		Concern concern = find(concernId);
		actor.require(mayEdit(concern, actor), "Only the person who raised this concern or an organizer may edit it.");
		if (concern.getVersion() != expectedVersion) {
			throw new StaleConcernException(concernId);
		}
		Checked checked = check(draft);
		Instant now = this.clock.instant();
		String oldKey = concern.getKey();
		if (!isBlank(draft.key()) && !draft.key().strip().equals(oldKey)) {
			actor.require(actor.isOrganizer(), "Only organizers change a concern's key.");
			String key = checkKey(draft.key());
			requireFree(concern.getSession().getId(), key, concern);
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
	 * Adds a response to the concern's thread; anyone signed in whose account belongs to
	 * a person may.
	 */
	@Transactional
	public void respond(Long concernId, String body, Actor actor) {
		requireSignedIn(actor);
		actor.require(actor.personId() != null,
				"Your account belongs to no person, so it cannot sign a response. Ask an administrator to link it.");
		Concern concern = find(concernId);
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty()) {
			throw new ConcernRejected("body", "Write a response.");
		}
		requireText("body", text, BODY_MAX, true);
		Person author = this.people.findById(actor.personId()).orElseThrow();
		this.responses.save(new ConcernResponse(concern, author, text, this.clock.instant()));
		audit(actor, "CONCERN_RESPONSE", concern,
				"Responded to " + concern.getKey() + " (" + text.length() + " characters)");
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
		requireSignedIn(actor);
		Concern concern = find(concernId);
		boolean raiser = actor.isPerson(concern.getRaisedBy().getId());
		actor.require(raiser || actor.isOrganizer(),
				"Only the person who raised this concern or an organizer may change its status.");
		if (expectedVersion != null && concern.getVersion() != expectedVersion) {
			throw new StaleConcernException(concernId);
		}
		if (to == null) {
			throw new ConcernRejected("status", "Choose a status from the list.");
		}
		String text = isBlank(note) ? null : note.strip();
		if (text != null) {
			requireText("note", text, NOTE_MAX, true);
		}
		ConcernStatus from = concern.getStatus();
		if (from == to) {
			throw new ConcernRejected("status", "The concern is already " + words(to) + ".");
		}
		if (to != ConcernStatus.OPEN && from != ConcernStatus.OPEN && from != ConcernStatus.DEFERRED) {
			throw new ConcernRejected("status",
					"A " + words(from) + " concern must be reopened before it can be " + words(to) + ".");
		}
		switch (to) {
			case RESOLVED -> {
				if (text == null) {
					throw new ConcernRejected("note", "Say how the concern was resolved.");
				}
			}
			case WITHDRAWN -> actor.require(raiser, "Only the person who raised a concern may withdraw it.");
			case DEFERRED -> {
				if (revisitOn == null) {
					throw new ConcernRejected("revisitOn", "Give the date on which to revisit it.");
				}
				if (revisitOn.isBefore(LocalDate.now(this.clock))) {
					throw new ConcernRejected("revisitOn", "The revisit date must be today or later.");
				}
			}
			case OVERRULED -> {
				actor.require(actor.isOrganizer(), "Only organizers overrule a concern.");
				if (text == null) {
					throw new ConcernRejected("note", "Give the reason for overruling it.");
				}
			}
			case OPEN -> {
			}
		}
		move(concern, to, text, (to == ConcernStatus.DEFERRED) ? revisitOn : null, actor);
		return concern;
	}

	/**
	 * Resolves a concern because a resolution addresses it: nothing happens when it is
	 * already resolved, and a withdrawn or overruled concern is refused
	 * ({@link ConcernRejected}). The raiser or an organizer may.
	 */
	@Transactional
	public void resolve(Long concernId, String note, Actor actor) {
		requireSignedIn(actor);
		Concern concern = find(concernId);
		if (concern.getStatus() == ConcernStatus.RESOLVED) {
			return;
		}
		if (concern.getStatus() == ConcernStatus.WITHDRAWN || concern.getStatus() == ConcernStatus.OVERRULED) {
			throw new ConcernRejected(null, "The concern " + concern.getKey() + " is " + words(concern.getStatus())
					+ "; reopen it before resolving it.");
		}
		transition(concernId, ConcernStatus.RESOLVED, note, null, null, actor);
	}

	/**
	 * Adds a concern category; organizers only, and its name must be new (case aside).
	 */
	@Transactional
	public ConcernCategory addCategory(String name, Actor actor) {
		requireSignedIn(actor);
		actor.require(actor.isOrganizer(), "Only organizers add concern categories.");
		String text = (name != null) ? name.strip() : "";
		if (text.isEmpty()) {
			throw new ConcernRejected("name", "Name the category.");
		}
		requireText("name", text, CATEGORY_MAX, false);
		if (this.categories.existsByNameIgnoreCase(text)) {
			throw new ConcernRejected("name", "There is already a category named " + text + ".");
		}
		String slug = derivedKey(text);
		String candidate = slug;
		for (int i = 2; this.categories.findBySlug(candidate).isPresent(); i++) {
			candidate = slug + "-" + i;
		}
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
	 * A key made of the title's words: "Rust has no memory model!" →
	 * "rust-has-no-memory-model".
	 */
	public static String derivedKey(String title) {
		String key = java.text.Normalizer.normalize((title != null) ? title : "", java.text.Normalizer.Form.NFKD)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (key.length() > 60) {
			key = key.substring(0, 60).replaceAll("-+$", "");
		}
		// "new" is the address of the form for filing a concern.
		return key.isEmpty() ? "concern" : key.equals("new") ? "new-concern" : key;
	}

	private void move(Concern concern, ConcernStatus to, String note, LocalDate revisitOn, Actor actor) {
		ConcernStatus from = concern.getStatus();
		Instant now = this.clock.instant();
		concern.moveTo(to, note, revisitOn, now);
		this.concerns.saveAndFlush(concern);
		Person by = (actor.personId() != null) ? this.people.findById(actor.personId()).orElseThrow()
				: concern.getRaisedBy();
		this.changes.save(new ConcernStatusChange(concern, from, to, note, revisitOn, by, now));
		audit(actor, "CONCERN_" + to.name(), concern, concern.getKey() + ": " + words(from) + " → " + words(to)
				+ ((note != null) ? " (" + note + ")" : "") + ((revisitOn != null) ? ", revisit on " + revisitOn : ""));
	}

	private record Checked(String title, ConcernCategory category, String body, Set<Subsystem> subsystems,
			String blockingReason) {
	}

	private Checked check(ConcernDraft draft) {
		String title = (draft.title() != null) ? draft.title().strip() : "";
		if (title.isEmpty()) {
			throw new ConcernRejected("title", "Give the concern a title.");
		}
		requireText("title", title, TITLE_MAX, false);
		String body = (draft.body() != null) ? draft.body().strip() : "";
		requireText("body", body, BODY_MAX, true);
		ConcernCategory category = isBlank(draft.categorySlug()) ? null
				: this.categories.findBySlug(draft.categorySlug()).orElse(null);
		if (category == null) {
			throw new ConcernRejected("category", "Choose a category from the list.");
		}
		Set<Subsystem> affected = new LinkedHashSet<>();
		if (!draft.subsystemSlugs().isEmpty()) {
			var found = this.subsystems.findAllBySlugIn(draft.subsystemSlugs());
			if (found.size() != draft.subsystemSlugs().size()) {
				Set<String> known = new java.util.HashSet<>(found.stream().map(Subsystem::getSlug).toList());
				String unknown = draft.subsystemSlugs()
					.stream()
					.filter((slug) -> !known.contains(slug))
					.limit(5)
					.map((slug) -> slug.replaceAll("\\p{Cntrl}", "?"))
					.collect(java.util.stream.Collectors.joining(", "));
				throw new ConcernRejected("subsystems", "No subsystem is known as " + unknown + ".");
			}
			found.stream().sorted(java.util.Comparator.comparing(Subsystem::getName)).forEach(affected::add);
		}
		String reason = isBlank(draft.blockingReason()) ? null : draft.blockingReason().strip();
		if (draft.blocking()) {
			if (reason == null) {
				throw new ConcernRejected("blockingReason", "Say why the concern blocks the proposal.");
			}
			requireText("blockingReason", reason, NOTE_MAX, true);
		}
		return new Checked(title, category, body, affected, draft.blocking() ? reason : null);
	}

	private String checkKey(String wanted) {
		String key = wanted.strip();
		if (key.equals("new")) {
			throw new ConcernRejected("key",
					"The key \"new\" is the address of the form for filing concerns; choose another.");
		}
		if (key.length() > KEY_MAX || !KEY.matcher(key).matches()) {
			throw new ConcernRejected("key", "A key is lower-case letters, digits and '-', starting with a letter "
					+ "or digit, at most " + KEY_MAX + " characters.");
		}
		return key;
	}

	private void requireFree(Long sessionId, String key, Concern self) {
		var holder = this.concerns.findBySessionIdAndKey(sessionId, key);
		if (holder.isPresent() && (self == null || !holder.get().getId().equals(self.getId()))) {
			throw new ConcernRejected("key", "Another concern in this session already has the key " + key + ".");
		}
		if (this.formerKeys.existsBySessionIdAndKey(sessionId, key)
				&& (self == null || !this.formerKeys.existsByConcernIdAndKey(self.getId(), key))) {
			throw new ConcernRejected("key",
					"The key " + key + " was used by another concern in this session and still leads to it.");
		}
	}

	private String freeKey(Long sessionId, String base) {
		String key = base;
		for (int i = 2; this.concerns.findBySessionIdAndKey(sessionId, key).isPresent()
				|| this.formerKeys.existsBySessionIdAndKey(sessionId, key); i++) {
			key = base + "-" + i;
		}
		return key;
	}

	private static void requireText(String field, String text, int max, boolean multiline) {
		if (text.length() > max) {
			throw new ConcernRejected(field, "At most " + String.format(Locale.ROOT, "%,d", max)
					+ " characters (this has " + String.format(Locale.ROOT, "%,d", text.length()) + ").");
		}
		if ((multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).matcher(text).find()) {
			throw new ConcernRejected(field, "Remove the control characters (such as NUL) from this text.");
		}
	}

	private Concern find(Long concernId) {
		return this.concerns.findById(concernId)
			.orElseThrow(() -> new ConcernRejected(null, "There is no such concern."));
	}

	private void audit(Actor actor, String action, Concern concern, String summary) {
		this.events.publishEvent(new AuditableChange(actor.username(), action, "Concern", concern.getId(),
				concern.getSession().getId(), summary));
	}

	private static String summary(Concern concern) {
		return "\"" + concern.getTitle() + "\" [" + concern.getCategory().getName() + "]"
				+ (concern.isBlocking() ? " blocking" : "");
	}

	private static void requireSignedIn(Actor actor) {
		if (actor == null) {
			throw new NotAllowedException("Sign in first.");
		}
	}

	private static String words(ConcernStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
