package org.summittracker.material;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionContributors;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.OneLine;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * Adds, edits and withdraws a session's material. Organizers and the session's leads,
 * speakers and note-takers do ({@link SessionContributors}); an item is never deleted,
 * every state it had is kept as a {@link MaterialChange}, and every change is in the
 * audit trail and so in the session's history.
 */
@Service
public class SessionMaterial {

	private final MaterialRepository items;

	private final MaterialChangeRepository changes;

	private final SessionRepository sessions;

	private final PersonRepository people;

	private final SessionContributors contributors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessageSource messages;

	SessionMaterial(MaterialRepository items, MaterialChangeRepository changes, SessionRepository sessions,
			PersonRepository people, SessionContributors contributors, ApplicationEventPublisher events, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.items = items;
		this.changes = changes;
		this.sessions = sessions;
		this.people = people;
		this.contributors = contributors;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the actor may add, edit and withdraw the session's material. */
	public boolean mayChange(Actor actor, Long sessionId) {
		return this.contributors.mayContribute(actor, sessionId);
	}

	/** Refuses (403) an actor who may not change the session's material. */
	public void require(Actor actor, Long sessionId) {
		this.contributors.require(actor, sessionId);
	}

	/** Adds an item at the end of the session's material. */
	@Transactional
	public Material add(Long sessionId, MaterialDraft draft, Actor actor) {
		this.contributors.require(actor, sessionId);
		Person by = check(draft);
		if (this.items.countInSession(sessionId) >= Material.PER_SESSION_MAX) {
			throw new RuleViolation("title", "material.full", Material.PER_SESSION_MAX);
		}
		Session session = this.sessions.findById(sessionId).orElseThrow();
		Instant now = this.clock.instant();
		Material item = this.items
			.saveAndFlush(new Material(session, draft.kind(), draft.title().strip(), draft.url().strip(), by, now));
		record(item, MaterialChange.Change.ADDED, "MATERIAL_ADDED", addedSummary(item), actor, now);
		return item;
	}

	/**
	 * Adds an item as loaded data has it (the demo summit): dated {@code at}, by
	 * {@code changedBy}, its history's first entry with it; the caller appends it to the
	 * audit trail, as of that time. Answers the item and its change in words.
	 */
	@Transactional
	public Material load(Session session, MaterialKind kind, String title, String url, Person by, Instant at,
			String changedBy) {
		Material item = this.items.saveAndFlush(new Material(session, kind, title, url, by, at));
		this.changes.save(new MaterialChange(item, MaterialChange.Change.ADDED, addedSummary(item), changedBy, at));
		return item;
	}

	/**
	 * How the trail says an item was added. The trail keeps its entries as written, so
	 * they are worded once, in English, from {@code messages.properties}.
	 */
	public String addedSummary(Material item) {
		return said("material.audit.added", describe(item));
	}

	/**
	 * Edits item {@code id} of the session, provided nobody changed it since the form was
	 * filled in ({@code version}); otherwise a {@link StaleVersionException} and nothing
	 * changes.
	 */
	@Transactional
	public Material edit(Long sessionId, Long id, long version, MaterialDraft draft, Actor actor) {
		this.contributors.require(actor, sessionId);
		Material item = found(sessionId, id, version);
		Person by = check(draft);
		if (item.isWithdrawn()) {
			throw new RuleViolation("title", "material.withdrawn.already");
		}
		String title = draft.title().strip();
		String url = draft.url().strip();
		if (item.getKind() == draft.kind() && item.getTitle().equals(title) && item.getUrl().equals(url)
				&& Objects.equals(idOf(item.getBy()), idOf(by))) {
			// sent back as it is: nothing changes, nothing is recorded
			return item;
		}
		String before = describe(item);
		Instant now = this.clock.instant();
		item.edit(draft.kind(), title, url, by, now);
		this.items.saveAndFlush(item);
		record(item, MaterialChange.Change.EDITED, "MATERIAL_EDITED",
				said("material.audit.edited", before, describe(item)), actor, now);
		return item;
	}

	/**
	 * Withdraws item {@code id} of the session with a reason: it stays, struck, on the
	 * material page and leaves the session page and the minutes.
	 */
	@Transactional
	public Material withdraw(Long sessionId, Long id, long version, String reason, Actor actor) {
		this.contributors.require(actor, sessionId);
		Material item = found(sessionId, id, version);
		Problems problems = new Problems();
		if (reason == null || reason.isBlank()) {
			problems.add("reason", "material.reason.required");
		}
		else if (reason.length() > Material.REASON_MAX) {
			problems.add("reason", "text.too-long", Material.REASON_MAX, reason.length());
		}
		else {
			OneLine.Validator.problem(reason).ifPresent((code) -> problems.add("reason", code));
		}
		if (item.isWithdrawn()) {
			problems.add("reason", "material.withdrawn.already");
		}
		problems.refuse();
		Instant now = this.clock.instant();
		item.withdraw(reason.strip(), now);
		this.items.saveAndFlush(item);
		record(item, MaterialChange.Change.WITHDRAWN, "MATERIAL_WITHDRAWN",
				said("material.audit.withdrawn", describe(item), item.getWithdrawalReason()), actor, now);
		return item;
	}

	/**
	 * Refuses, every problem at once, what adding or editing would refuse of the draft,
	 * changing nothing; answers who it is by.
	 */
	@Transactional(readOnly = true)
	public Person check(MaterialDraft draft) {
		Problems problems = new Problems();
		if (draft.kind() == null) {
			problems.add("kind", "material.kind.required");
		}
		if (draft.title() == null || draft.title().isBlank()) {
			problems.add("title", "material.title.required");
		}
		else if (draft.title().length() > Material.TITLE_MAX) {
			problems.add("title", "text.too-long", Material.TITLE_MAX, draft.title().length());
		}
		else {
			OneLine.Validator.problem(draft.title()).ifPresent((code) -> problems.add("title", code));
		}
		MaterialUrl.problem((draft.url() != null) ? draft.url().strip() : null)
			.ifPresent((code) -> problems.add("url", code, MaterialUrl.MAX));
		Person by = null;
		if (draft.by() != null && !draft.by().isBlank()) {
			String handle = draft.by().strip();
			by = this.people.findByHandle(handle).orElse(null);
			if (by == null) {
				problems.add("by", "person.unknown", PlainText.printable(handle));
			}
		}
		problems.refuse();
		return by;
	}

	private Material found(Long sessionId, Long id, long version) {
		Material item = this.items.findInSession(sessionId, id)
			.orElseThrow(() -> new NotFoundException("No such material in this session"));
		if (item.getVersion() != version) {
			throw new StaleVersionException("Material", id);
		}
		return item;
	}

	private void record(Material item, MaterialChange.Change change, String action, String summary, Actor actor,
			Instant at) {
		this.changes.save(new MaterialChange(item, change, summary, actor.username(), at));
		this.events.publishEvent(new AuditableChange(actor.username(), action, "Material", item.getId(),
				item.getSession().getId(), summary));
	}

	private static Long idOf(Person person) {
		return (person != null) ? person.getId() : null;
	}

	/** The item in words: its kind, title, address and, if anyone, who it is by. */
	private String describe(Material item) {
		String kind = said("material.kind." + item.getKind().name());
		return (item.getBy() != null)
				? said("material.audit.item.by", kind, abbreviate(item.getTitle()), abbreviate(item.getUrl()),
						item.getBy().getHandle())
				: said("material.audit.item", kind, abbreviate(item.getTitle()), abbreviate(item.getUrl()));
	}

	private String said(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

	private static String abbreviate(String text) {
		String line = text.replaceAll("\\s+", " ");
		return (line.length() > 120) ? line.substring(0, 119) + "…" : line;
	}

}
