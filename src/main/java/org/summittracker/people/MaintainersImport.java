package org.summittracker.people;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.audit.AuditableChange;
import org.summittracker.shared.RuleViolation;

/**
 * Brings subsystems, people and maintainerships in from a MAINTAINERS file. It only adds:
 * existing subsystems and people are matched (subsystems by slug or name, people by
 * email, else by a unique name) and left as they are; a maintainership is added where it
 * is missing. Running it twice adds nothing the second time.
 */
@Service
public class MaintainersImport {

	static final int SLUG_LENGTH = 120;

	static final int HANDLE_LENGTH = 64;

	private final PersonRepository people;

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	private final ApplicationEventPublisher events;

	private final PersonAddresses addresses;

	private final SubsystemFiles files;

	MaintainersImport(PersonRepository people, SubsystemRepository subsystems, MaintainershipRepository maintainerships,
			ApplicationEventPublisher events, PersonAddresses addresses, SubsystemFiles files) {
		this.files = files;
		this.addresses = addresses;
		this.people = people;
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
		this.events = events;
	}

	/** At most this many of the subsystems the file does not name are shown by name. */
	static final int NOT_IN_FILE_SHOWN = 10;

	/**
	 * What an import did, in numbers, and the subsystems an earlier import named that
	 * this file no longer names: the import keeps them (it only adds), {@code notInFile}
	 * counts them and {@code firstNotInFile} gives the first few by name. Subsystems made
	 * here by hand that the file does not name are not among them
	 * ({@code madeByHandNotInFile} counts them apart).
	 */
	public record Report(int entries, int subsystemsCreated, int subsystemsMatched, int peopleCreated,
			int peopleMatched, int maintainershipsCreated, int notInFile, List<SubsystemView> firstNotInFile,
			int madeByHandNotInFile) {
	}

	/**
	 * Imports the file read from {@code source}. Who may import is the caller's decision
	 * (administrators, see the import page); {@code username} is recorded in the audit
	 * trail.
	 */
	@Transactional
	public Report importFrom(Reader source, String username) throws IOException {
		List<MaintainersFile.Entry> entries = MaintainersFile.parse(source);
		if (entries.isEmpty()) {
			throw new RuleViolation("file", "import.not-maintainers");
		}
		List<Subsystem> recorded = this.subsystems.findAll();
		Known known = new Known(this.people.findAll(), recorded, this.maintainerships.findAllPairs());
		Map<String, Person> resolved = resolvePeople(entries, known);
		int subsystemsCreated = 0;
		int subsystemsMatched = 0;
		int maintainershipsCreated = 0;
		Set<Person> seenPeople = new HashSet<>();
		Set<Long> named = new HashSet<>();
		for (MaintainersFile.Entry entry : entries) {
			Subsystem subsystem = known.subsystem(entry.name());
			if (subsystem == null) {
				subsystem = this.subsystems.save(new Subsystem(known.freeSlug(slug(entry.name())),
						truncate(entry.name(), 200), entry.status(), truncate(entry.mailingList(), 254)));
				known.add(subsystem);
				subsystemsCreated++;
			}
			else {
				subsystemsMatched++;
			}
			named.add(subsystem.getId());
			this.files.add(subsystem.getId(), entry.files(), entry.excludes());
			for (Maintainership.Role role : Maintainership.Role.values()) {
				for (MaintainersFile.Contact contact : (role == Maintainership.Role.MAINTAINER) ? entry.maintainers()
						: entry.reviewers()) {
					Person person = resolved.get(key(contact));
					seenPeople.add(person);
					if (known.addPair(person.getId(), subsystem.getId())) {
						this.maintainerships.save(new Maintainership(person, subsystem, role));
						maintainershipsCreated++;
					}
				}
			}
		}
		this.subsystems.markImported(named.toArray(Long[]::new));
		// Those a MAINTAINERS import named before, which this file no longer names; the
		// others were made by hand, never in such a file.
		List<Subsystem> unnamed = recorded.stream().filter((subsystem) -> !named.contains(subsystem.getId())).toList();
		List<SubsystemView> notInFile = unnamed.stream()
			.filter(Subsystem::wasImported)
			.map(SubsystemView::of)
			.sorted(Comparator.comparing((SubsystemView subsystem) -> subsystem.name().toLowerCase(Locale.ROOT))
				.thenComparing(SubsystemView::slug))
			.toList();
		Report report = new Report(entries.size(), subsystemsCreated, subsystemsMatched, known.created,
				seenPeople.size() - known.created, maintainershipsCreated, notInFile.size(),
				notInFile.subList(0, Math.min(NOT_IN_FILE_SHOWN, notInFile.size())),
				(int) unnamed.stream().filter((subsystem) -> !subsystem.wasImported()).count());
		this.events.publishEvent(new AuditableChange(username, "MAINTAINERS_IMPORTED", "Subsystem", null, null,
				"Imported " + report.entries() + " MAINTAINERS entries: " + report.subsystemsCreated() + " subsystems, "
						+ report.peopleCreated() + " people and " + report.maintainershipsCreated()
						+ " maintainerships added"));
		return report;
	}

	/**
	 * Decides once, before anything is added, who each address in the file is: the person
	 * with that email, else the one existing person with one of the names the file gives
	 * that address, else a new person. Deciding per address rather than per line keeps a
	 * second import of the same file from adding anything.
	 */
	private Map<String, Person> resolvePeople(List<MaintainersFile.Entry> entries, Known known) {
		Map<String, LinkedHashSet<String>> names = new LinkedHashMap<>();
		Map<String, MaintainersFile.Contact> first = new HashMap<>();
		for (MaintainersFile.Entry entry : entries) {
			for (MaintainersFile.Contact contact : concat(entry.maintainers(), entry.reviewers())) {
				names.computeIfAbsent(key(contact), (k) -> new LinkedHashSet<>()).add(contact.name());
				first.putIfAbsent(key(contact), contact);
			}
		}
		Map<String, Person> further = this.addresses
			.find(first.values().stream().map(MaintainersFile.Contact::email).filter((e) -> e != null).toList());
		Map<String, Person> resolved = new HashMap<>();
		names.forEach((key, aliases) -> {
			MaintainersFile.Contact contact = first.get(key);
			Person person = known.existing(contact.email(), aliases);
			if (person == null && contact.email() != null) {
				// An address the record does not hold, given to someone earlier (a
				// further one).
				person = further.get(contact.email().toLowerCase(Locale.ROOT));
			}
			if (person != null && contact.email() != null && !further.containsKey(key)) {
				// Matched by name under another address: the file lists them under
				// several.
				this.addresses.add(person, contact.email(), PersonAddresses.Source.MAINTAINERS);
			}
			if (person == null) {
				person = this.people.save(new Person(known.freeHandle(handle(contact)), truncate(contact.name(), 200),
						truncate(contact.email(), 254), null));
				known.created(person);
			}
			resolved.put(key, person);
		});
		return resolved;
	}

	private static String key(MaintainersFile.Contact contact) {
		return (contact.email() != null) ? contact.email().toLowerCase(Locale.ROOT)
				: "name:" + contact.name().toLowerCase(Locale.ROOT);
	}

	private static List<MaintainersFile.Contact> concat(List<MaintainersFile.Contact> a,
			List<MaintainersFile.Contact> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

	static String slug(String name) {
		String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		slug = slug.isEmpty() ? "subsystem" : slug;
		return (slug.length() > SLUG_LENGTH - 8) ? slug.substring(0, SLUG_LENGTH - 8).replaceAll("-+$", "") : slug;
	}

	static String handle(MaintainersFile.Contact contact) {
		String base = (contact.email() != null) ? contact.email().substring(0, contact.email().indexOf('@'))
				: contact.name();
		String handle = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
		handle = handle.isEmpty() ? "person" : handle;
		return (handle.length() > HANDLE_LENGTH - 8) ? handle.substring(0, HANDLE_LENGTH - 8) : handle;
	}

	private static String truncate(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}

	/**
	 * What the database already holds, indexed for matching, and what this import has
	 * added to it.
	 */
	private static final class Known {

		private final Map<String, Person> byEmail = new HashMap<>();

		private final Map<String, List<Person>> byName = new HashMap<>();

		private final Set<String> handles = new HashSet<>();

		private final Map<String, Subsystem> subsystemsByKey = new HashMap<>();

		private final Set<String> slugs = new HashSet<>();

		private final Set<String> pairs = new HashSet<>();

		private int created;

		Known(List<Person> people, List<Subsystem> subsystems, List<Object[]> pairs) {
			people.forEach(this::add);
			subsystems.forEach(this::add);
			pairs.forEach((pair) -> this.pairs.add(pair[0] + ":" + pair[1]));
		}

		private void add(Person person) {
			this.handles.add(person.getHandle());
			if (person.isMerged()) {
				// A record merged into another: its address leads to the record kept, so
				// the file's second spelling does not bring the duplicate back.
				if (person.getEmail() != null) {
					this.byEmail.putIfAbsent(person.getEmail().toLowerCase(Locale.ROOT), person.getMergedInto());
				}
				return;
			}
			if (person.getEmail() != null) {
				this.byEmail.putIfAbsent(person.getEmail().toLowerCase(Locale.ROOT), person);
			}
			this.byName.computeIfAbsent(person.getName().toLowerCase(Locale.ROOT), (n) -> new ArrayList<>())
				.add(person);
		}

		/**
		 * Only the handle is claimed: people this import adds are matched by address
		 * alone.
		 */
		void created(Person person) {
			this.handles.add(person.getHandle());
			this.created++;
		}

		void add(Subsystem subsystem) {
			this.subsystemsByKey.putIfAbsent(subsystem.getSlug(), subsystem);
			this.subsystemsByKey.putIfAbsent("name:" + subsystem.getName().toLowerCase(Locale.ROOT), subsystem);
			this.slugs.add(subsystem.getSlug());
		}

		Subsystem subsystem(String name) {
			Subsystem byName = this.subsystemsByKey.get("name:" + name.toLowerCase(Locale.ROOT));
			return (byName != null) ? byName : this.subsystemsByKey.get(slug(name));
		}

		Person existing(String email, Set<String> names) {
			Person person = (email != null) ? this.byEmail.get(email.toLowerCase(Locale.ROOT)) : null;
			for (Iterator<String> it = names.iterator(); person == null && it.hasNext();) {
				List<Person> named = this.byName.getOrDefault(it.next().toLowerCase(Locale.ROOT), List.of());
				person = (named.size() == 1) ? named.get(0) : null;
			}
			return person;
		}

		String freeHandle(String base) {
			return free(base, this.handles::contains);
		}

		String freeSlug(String base) {
			return free(base, this.slugs::contains);
		}

		boolean addPair(Long personId, Long subsystemId) {
			return this.pairs.add(personId + ":" + subsystemId);
		}

		private static String free(String base, Predicate<String> taken) {
			String candidate = base;
			for (int n = 2; taken.test(candidate); n++) {
				candidate = base + "-" + n;
			}
			return candidate;
		}

	}

}
