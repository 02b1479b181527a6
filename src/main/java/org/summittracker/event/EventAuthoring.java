package org.summittracker.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.shared.Dates;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.Slugs;
import org.summittracker.shared.StaleVersionException;

/**
 * Organizers create and edit events. The slug is derived from the name unless the
 * organizer gives one; a changed slug is kept as a former slug, whose addresses answer
 * 301 to the new ones. Every change is in the audit trail.
 */
@Service
public class EventAuthoring {

	private final EventRepository events;

	private final EventFormerSlugRepository formerSlugs;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	EventAuthoring(EventRepository events, EventFormerSlugRepository formerSlugs, ApplicationEventPublisher publisher,
			Clock clock) {
		this.events = events;
		this.formerSlugs = formerSlugs;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Transactional
	public Event create(EventDraft draft, Actor actor) {
		requireOrganizer(actor);
		Checked checked = check(draft, null);
		String slug;
		if (blank(draft.slug())) {
			String base = Slugs.of(checked.name(), "event", 80);
			slug = Slugs.firstFree(base, this.events.findSlugsTakenStartingWith(base));
		}
		else {
			slug = draft.slug().strip();
		}
		Event event = new Event(slug, checked.name(), draft.startsOn(), draft.endsOn(), checked.location(),
				checked.description());
		event.revise(checked.name(), draft.startsOn(), draft.endsOn(), checked.location(), checked.description(),
				checked.status());
		event = this.events.save(event);
		audit(actor, "EVENT_CREATED", event, "Created the event " + slug + ": " + describe(event));
		return event;
	}

	@Transactional
	public Event edit(Long eventId, long expectedVersion, EventDraft draft, Actor actor) {
		requireOrganizer(actor);
		Event event = find(eventId);
		if (event.getVersion() != expectedVersion) {
			throw new StaleVersionException("Event", eventId);
		}
		Checked checked = check(draft, event);
		String before = describe(event);
		String oldSlug = event.getSlug();
		String slug = blank(draft.slug()) ? oldSlug : draft.slug().strip();
		if (!slug.equals(oldSlug)) {
			this.formerSlugs.release(event.getId(), slug);
			this.formerSlugs.save(new EventFormerSlug(event, oldSlug, Instant.now(this.clock)));
			event.reslug(slug);
		}
		event.revise(checked.name(), draft.startsOn(), draft.endsOn(), checked.location(), checked.description(),
				checked.status());
		this.events.saveAndFlush(event);
		audit(actor, "EVENT_EDITED", event, before + " → " + describe(event)
				+ (oldSlug.equals(slug) ? "" : " (slug " + oldSlug + " → " + slug + ")"));
		return event;
	}

	/**
	 * Refuses, every problem at once, what {@link #create} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkNew(EventDraft draft) {
		check(draft, null);
	}

	/**
	 * Refuses, every problem at once, what {@link #edit} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkEdit(Long eventId, EventDraft draft) {
		check(draft, find(eventId));
	}

	/** The event's slug now, when {@code slug} is one an event had before. */
	public java.util.Optional<String> currentSlug(String slug) {
		return this.formerSlugs.findCurrentSlug(slug);
	}

	/**
	 * Refuses days that leave sessions of the event outside them (sessions stay): the
	 * earliest such day next to the first day, the latest next to the last.
	 */
	private void requireSessionsWithin(Event event, EventDraft draft, Problems problems) {
		List<String> days = this.events.findSessionDaysOutside(event.getId(), draft.startsOn(), draft.endsOn());
		if (!days.isEmpty() && LocalDate.parse(days.get(0)).isBefore(draft.startsOn())) {
			problems.add("startsOn", "event.sessions-outside", days.get(0));
		}
		if (!days.isEmpty() && LocalDate.parse(days.get(days.size() - 1)).isAfter(draft.endsOn())) {
			problems.add("endsOn", "event.sessions-outside", days.get(days.size() - 1));
		}
	}

	private record Checked(String name, String location, String description, Event.Status status) {
	}

	/**
	 * Every rule the draft breaks, for a new event ({@code self} null) or an edit of
	 * {@code self}.
	 */
	private Checked check(EventDraft draft, Event self) {
		Problems problems = new Problems();
		String name = strip(draft.name());
		if (name == null) {
			problems.add("name", "event.name.required");
		}
		else if (name.length() > Event.NAME_MAX) {
			problems.add("name", "text.too-long", Event.NAME_MAX, name.length());
		}
		if (draft.startsOn() == null) {
			problems.add("startsOn", "event.starts-on.required");
		}
		else if (!Dates.isPlausible(draft.startsOn())) {
			problems.add("startsOn", "date.range", Dates.FIRST_YEAR, Dates.LAST_YEAR);
		}
		if (draft.endsOn() == null) {
			problems.add("endsOn", "event.ends-on.required");
		}
		else if (!Dates.isPlausible(draft.endsOn())) {
			problems.add("endsOn", "date.range", Dates.FIRST_YEAR, Dates.LAST_YEAR);
		}
		else if (draft.startsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
			problems.add("endsOn", "event.ends-on.before-start");
		}
		String location = strip(draft.location());
		if (location != null && location.length() > Event.LOCATION_MAX) {
			problems.add("location", "text.too-long", Event.LOCATION_MAX, location.length());
		}
		String description = strip(draft.description());
		if (description != null && description.length() > Event.DESCRIPTION_MAX) {
			problems.add("description", "text.too-long", Event.DESCRIPTION_MAX, description.length());
		}
		if (!blank(draft.slug()) && (self == null || !draft.slug().strip().equals(self.getSlug()))) {
			problems.of(() -> checkSlug(draft.slug(), self));
		}
		if (self != null && draft.startsOn() != null && draft.endsOn() != null
				&& !draft.endsOn().isBefore(draft.startsOn())) {
			requireSessionsWithin(self, draft, problems);
		}
		problems.refuse();
		return new Checked(name, location, description,
				(draft.status() != null) ? draft.status() : Event.Status.UPCOMING);
	}

	private String checkSlug(String wanted, Event self) {
		String slug = wanted.strip();
		if (!Slugs.isValid(slug, Event.SLUG_MAX)) {
			throw new RuleViolation("slug", "event.slug.format", Event.SLUG_MAX);
		}
		var holder = this.events.findBySlug(slug);
		if (holder.isPresent() && (self == null || !holder.get().getId().equals(self.getId()))) {
			throw new RuleViolation("slug", "event.slug.taken", slug);
		}
		var formerOf = this.formerSlugs.findCurrentSlug(slug);
		if (formerOf.isPresent() && (self == null || !formerOf.get().equals(self.getSlug()))) {
			throw new RuleViolation("slug", "event.slug.former", slug);
		}
		return slug;
	}

	private Event find(Long eventId) {
		return this.events.findById(eventId).orElseThrow(() -> new RuleViolation(null, "event.unknown"));
	}

	private static String describe(Event event) {
		return event.getName() + ", " + event.getStartsOn() + " to " + event.getEndsOn()
				+ ((event.getLocation() != null) ? ", " + event.getLocation() : "") + ", "
				+ event.getStatus().name().toLowerCase(java.util.Locale.ROOT);
	}

	private void audit(Actor actor, String action, Event event, String summary) {
		this.publisher
			.publishEvent(new AuditableChange(actor.username(), action, "Event", event.getId(), null, summary));
	}

	private static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw org.summittracker.account.NotAllowedException.saying("event.denied.sign-in");
		}
		actor.require(actor.isOrganizer(), "event.denied.organizers");
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

}
