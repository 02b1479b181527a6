package org.summittracker.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Maintainership;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.RuleViolation.Problem;
import org.summittracker.shared.Slugs;
import org.summittracker.shared.StaleVersionException;

/**
 * Organizers create and edit subsystems: name, slug, status, mailing list, and who
 * maintains and reviews it (by handle). A person is a maintainer or a reviewer of a
 * subsystem, not both.
 */
@Service
public class SubsystemAuthoring {

	/** No one's id: what a new record is compared with. */
	private static final long NOBODY = -1;

	/** The most similar subsystems a warning names. */
	static final int SIMILAR_SHOWN = 5;

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	private final PersonRepository people;

	private final ApplicationEventPublisher publisher;

	SubsystemAuthoring(SubsystemRepository subsystems, MaintainershipRepository maintainerships,
			PersonRepository people, ApplicationEventPublisher publisher) {
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
		this.people = people;
		this.publisher = publisher;
	}

	@Transactional
	public Subsystem create(SubsystemDraft draft, Actor actor) {
		PersonAuthoring.requireOrganizer(actor);
		Checked checked = check(draft, null);
		Subsystem subsystem = this.subsystems
			.save(new Subsystem(checked.slug(), checked.name(), checked.status(), checked.mailingList()));
		checked.roles()
			.forEach((person, role) -> this.maintainerships.save(new Maintainership(person, subsystem, role)));
		audit(actor, "SUBSYSTEM_CREATED", subsystem, "Added " + describe(subsystem, checked.roles()));
		return subsystem;
	}

	/**
	 * The subsystems a new one made from the draft would look like (at most
	 * {@value #SIMILAR_SHOWN}): when its slug is left to be made from its name, the one
	 * already holding that slug (the new one would get "rust-2" beside "rust"), and those
	 * of the same name. A slug typed in is the person's choice, and looked at no further.
	 */
	@Transactional(readOnly = true)
	public List<Subsystem> similarTo(SubsystemDraft draft) {
		String name = strip(draft.name());
		if (name == null || strip(draft.slug()) != null) {
			return List.of();
		}
		return this.subsystems.findLike(Slugs.of(name, "subsystem", 100), name,
				org.springframework.data.domain.PageRequest.of(0, SIMILAR_SHOWN));
	}

	/** The subsystems as a notice names them: “Rust support (rust)”. */
	public static String named(List<Subsystem> subsystems) {
		return subsystems.stream().map((s) -> s.getName() + " (" + s.getSlug() + ")").collect(Collectors.joining(", "));
	}

	/**
	 * Refuses, every problem at once, what {@link #create} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkNew(SubsystemDraft draft) {
		check(draft, null);
	}

	/**
	 * Refuses, every problem at once, what {@link #edit} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkEdit(Long subsystemId, SubsystemDraft draft) {
		check(draft,
				this.subsystems.findById(subsystemId).orElseThrow(() -> new RuleViolation(null, "subsystem.gone")));
	}

	@Transactional
	public Subsystem edit(Long subsystemId, long expectedVersion, SubsystemDraft draft, Actor actor) {
		PersonAuthoring.requireOrganizer(actor);
		Subsystem subsystem = this.subsystems.findById(subsystemId)
			.orElseThrow(() -> new RuleViolation(null, "subsystem.gone"));
		if (subsystem.getVersion() != expectedVersion) {
			throw new StaleVersionException("Subsystem", subsystemId);
		}
		Checked checked = check(draft, subsystem);
		List<Maintainership> current = this.maintainerships.findAllBySubsystemId(subsystemId);
		Map<Person, Maintainership.Role> before = new LinkedHashMap<>();
		current.forEach((m) -> before.put(m.getPerson(), m.getRole()));
		String was = describe(subsystem, before);
		for (Maintainership m : current) {
			if (checked.roles().get(m.getPerson()) != m.getRole()) {
				this.maintainerships.delete(m);
			}
		}
		this.maintainerships.flush();
		checked.roles().forEach((person, role) -> {
			if (before.get(person) != role) {
				this.maintainerships.save(new Maintainership(person, subsystem, role));
			}
		});
		subsystem.revise(checked.slug(), checked.name(), checked.status(), checked.mailingList());
		this.subsystems.saveAndFlush(subsystem);
		audit(actor, "SUBSYSTEM_EDITED", subsystem, was + " → " + describe(subsystem, checked.roles()));
		return subsystem;
	}

	private record Checked(String slug, String name, Subsystem.Status status, String mailingList,
			Map<Person, Maintainership.Role> roles) {
	}

	private Checked check(SubsystemDraft draft, Subsystem self) {
		List<Problem> problems = new ArrayList<>();
		String name = strip(draft.name());
		if (name == null) {
			problems.add(new Problem("name", "subsystem.name.required"));
		}
		else if (name.length() > Subsystem.NAME_MAX) {
			problems.add(new Problem("name", "text.too-long", Subsystem.NAME_MAX, name.length()));
		}
		String slug = strip(draft.slug());
		if (slug == null && name != null) {
			String base = Slugs.of(name, "subsystem", 100);
			slug = Slugs.firstFree(base,
					this.subsystems.findSlugsStartingWith(base, (self != null) ? self.getId() : NOBODY));
		}
		else if (slug != null) {
			if (!Slugs.isValid(slug, Subsystem.SLUG_MAX)) {
				problems.add(new Problem("slug", "subsystem.slug.format", Subsystem.SLUG_MAX));
			}
			else if (isTaken(slug, self)) {
				problems.add(new Problem("slug", "subsystem.slug.taken", slug));
			}
		}
		String list = strip(draft.mailingList());
		if (list != null && list.length() > Subsystem.MAILING_LIST_MAX) {
			problems.add(new Problem("mailingList", "text.too-long", Subsystem.MAILING_LIST_MAX, list.length()));
		}
		Map<Person, Maintainership.Role> roles = new LinkedHashMap<>();
		people("maintainers", draft.maintainers(), Maintainership.Role.MAINTAINER, roles, problems);
		people("reviewers", draft.reviewers(), Maintainership.Role.REVIEWER, roles, problems);
		if (self == null && slug != null && !draft.alongsideSimilar()) {
			List<Subsystem> similar = similarTo(draft);
			if (!similar.isEmpty()) {
				problems.add(new Problem("alongsideSimilar", "subsystem.similar", named(similar), slug));
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		return new Checked(slug, name, (draft.status() != null) ? draft.status() : Subsystem.Status.MAINTAINED, list,
				roles);
	}

	private void people(String field, List<String> handles, Maintainership.Role role,
			Map<Person, Maintainership.Role> roles, List<Problem> problems) {
		List<String> unknown = new ArrayList<>();
		for (String handle : handles) {
			Optional<Person> person = this.people.findByHandle(handle.strip()).filter((p) -> !p.isMerged());
			if (person.isEmpty()) {
				unknown.add(PlainText.printable(handle));
			}
			else if (roles.containsKey(person.get()) && roles.get(person.get()) != role) {
				problems.add(new Problem(field, "subsystem.people.both", handle));
			}
			else {
				roles.put(person.get(), role);
			}
		}
		if (!unknown.isEmpty()) {
			problems.add(new Problem(field, "subsystem.people.unknown",
					unknown.stream().limit(5).collect(Collectors.joining(", "))));
		}
	}

	private boolean isTaken(String slug, Subsystem self) {
		Optional<Subsystem> holder = this.subsystems.findBySlug(slug);
		return holder.isPresent() && (self == null || !holder.get().getId().equals(self.getId()));
	}

	private static String describe(Subsystem subsystem, Map<Person, Maintainership.Role> roles) {
		return subsystem.getName() + " (" + subsystem.getSlug() + ", "
				+ subsystem.getStatus().name().toLowerCase(java.util.Locale.ROOT)
				+ ((subsystem.getMailingList() != null) ? ", " + subsystem.getMailingList() : "") + "; M: "
				+ handles(roles, Maintainership.Role.MAINTAINER) + "; R: "
				+ handles(roles, Maintainership.Role.REVIEWER) + ")";
	}

	private static String handles(Map<Person, Maintainership.Role> roles, Maintainership.Role role) {
		String list = roles.entrySet()
			.stream()
			.filter((e) -> e.getValue() == role)
			.map((e) -> e.getKey().getHandle())
			.sorted()
			.collect(Collectors.joining(", "));
		return list.isEmpty() ? "none" : list;
	}

	private void audit(Actor actor, String action, Subsystem subsystem, String summary) {
		this.publisher
			.publishEvent(new AuditableChange(actor.username(), action, "Subsystem", subsystem.getId(), null, summary));
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
