package org.summittracker.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonAddresses;
import org.summittracker.people.PersonRepository;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.Problems;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.RuleViolation.Problem;
import org.summittracker.shared.Slugs;
import org.summittracker.shared.StaleVersionException;

/**
 * Organizers create and edit people; administrators merge two records of one person. A
 * changed handle, and the handle of a merged record, keep leading to the person (301).
 * Nothing is deleted: a merged record keeps its row, and everything that named it
 * (positions, concerns, notes, follow-ups, maintainerships, ...) names the record kept.
 */
@Service
public class PersonAuthoring {

	/** No one's id: what a new record is compared with. */
	private static final long NOBODY = -1;

	private static final Pattern HANDLE = Pattern.compile(Person.HANDLE);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+$");

	private final PersonRepository people;

	private final PersonFormerHandleRepository formerHandles;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final PersonAddresses addresses;

	PersonAuthoring(PersonRepository people, PersonFormerHandleRepository formerHandles, JdbcTemplate jdbc,
			ApplicationEventPublisher publisher, Clock clock, PersonAddresses addresses) {
		this.addresses = addresses;
		this.people = people;
		this.formerHandles = formerHandles;
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** Whether the actor may create and edit people: organizers. */
	public static boolean mayAuthor(Actor actor) {
		return actor != null && actor.isOrganizer();
	}

	@Transactional
	public Person create(PersonDraft draft, Actor actor) {
		requireOrganizer(actor);
		Checked checked = check(draft, null);
		Person person = this.people
			.save(new Person(checked.handle(), checked.name(), checked.email(), checked.affiliation()));
		audit(actor, "PERSON_CREATED", person, "Added " + describe(person));
		return person;
	}

	/**
	 * Refuses, every problem at once, what {@link #create} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkNew(PersonDraft draft) {
		check(draft, null);
	}

	/**
	 * Refuses, every problem at once, what {@link #edit} would refuse of the draft
	 * (however incomplete), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkEdit(Long personId, PersonDraft draft) {
		check(draft, this.people.findById(personId).orElseThrow(() -> new RuleViolation(null, "person.gone")));
	}

	@Transactional
	public Person edit(Long personId, long expectedVersion, PersonDraft draft, Actor actor) {
		requireOrganizer(actor);
		Person person = this.people.findById(personId).orElseThrow(() -> new RuleViolation(null, "person.gone"));
		if (person.getVersion() != expectedVersion) {
			throw new StaleVersionException("Person", personId);
		}
		Checked checked = check(draft, person);
		String before = describe(person);
		String oldHandle = person.getHandle();
		if (!oldHandle.equals(checked.handle())) {
			this.formerHandles.release(person.getId(), checked.handle());
			this.formerHandles.save(new PersonFormerHandle(person, oldHandle, Instant.now(this.clock)));
		}
		person.revise(checked.handle(), checked.name(), checked.email(), checked.affiliation());
		this.people.saveAndFlush(person);
		audit(actor, "PERSON_EDITED", person, before + " → " + describe(person));
		return person;
	}

	/**
	 * Merges the record {@code mergedHandle} into {@code keptHandle}: administrators
	 * only. Refused when both took a position in one session, or both have an account.
	 * @return how many rows moved, by table
	 */
	@Transactional
	public Map<String, Integer> merge(String keptHandle, String mergedHandle, Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(actor.isAdmin(), "person.denied.merge");
		Merging merging = merging(keptHandle, mergedHandle);
		Person kept = merging.kept();
		Person merged = merging.merged();
		this.people.flush();
		// What the kept record already has, the merged one's copy adds nothing to.
		this.jdbc.update("""
				update maintainership k set role = 'MAINTAINER' from maintainership m
				where k.person_id = ? and m.person_id = ? and k.subsystem_id = m.subsystem_id and m.role = 'MAINTAINER'
				""", kept.getId(), merged.getId());
		this.jdbc.update("""
				delete from maintainership m using maintainership k
				where m.person_id = ? and k.person_id = ? and m.subsystem_id = k.subsystem_id
				""", merged.getId(), kept.getId());
		this.jdbc.update("""
				delete from session_participant m using session_participant k
				where m.person_id = ? and k.person_id = ? and m.session_id = k.session_id and m.role = k.role
				""", merged.getId(), kept.getId());
		Map<String, Integer> moved = new LinkedHashMap<>();
		// Every column that names a person, whichever module's table it is in.
		List<Map<String, Object>> columns = this.jdbc.queryForList("""
				select c.conrelid::regclass::text as table_name, a.attname::text as column_name
				from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
				where c.contype = 'f' and c.confrelid = 'person'::regclass
				order by 1, 2
				""");
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			int rows = this.jdbc.update("update " + table + " set " + name + " = ? where " + name + " = ?",
					kept.getId(), merged.getId());
			if (rows > 0) {
				moved.merge(table, rows, Integer::sum);
			}
		}
		String mergedOldHandle = merged.getHandle();
		Person keptNow = this.people.findById(kept.getId()).orElseThrow();
		Person mergedNow = this.people.findById(merged.getId()).orElseThrow();
		this.people.flush();
		mergedNow.mergeInto(keptNow);
		this.people.saveAndFlush(mergedNow);
		this.formerHandles.save(new PersonFormerHandle(keptNow, mergedOldHandle, Instant.now(this.clock)));
		audit(actor, "PERSON_MERGED", keptNow, "Merged " + mergedOldHandle + " (" + mergedNow.getName() + ", "
				+ mergedNow.getEmail() + ") into " + keptNow.getHandle() + "; moved " + moved);
		return moved;
	}

	/**
	 * Whether the actor may add addresses to the person: they themself, organizers,
	 * admins.
	 */
	public static boolean mayAddAddress(Actor actor, Person person) {
		return actor != null && (actor.isOrganizer() || actor.isAdmin() || person.getId().equals(actor.personId()));
	}

	static void requireMayAddAddress(Actor actor, Person person) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(mayAddAddress(actor, person), "person.denied.address");
	}

	/**
	 * Adds a further address to a person: one nobody has yet, the person included. An
	 * address another person took meanwhile is refused like one they had before.
	 */
	@Transactional
	public void addAddress(Person person, String address, Actor actor) {
		requireMayAddAddress(actor, person);
		String text = strip(address);
		if (text == null) {
			throw new RuleViolation("address", "person.address.required");
		}
		if (text.length() > Person.EMAIL_MAX) {
			throw new RuleViolation("address", "text.too-long", Person.EMAIL_MAX, text.length());
		}
		if (!EMAIL.matcher(text).matches()) {
			throw new RuleViolation("address", "person.email.format");
		}
		String lower = text.toLowerCase(Locale.ROOT);
		Person holder = this.addresses.find(List.of(lower)).get(lower);
		if (holder != null) {
			throw holder.getId().equals(person.getId()) ? new RuleViolation("address", "person.address.own")
					: new RuleViolation("address", "person.address.taken", holder.getHandle());
		}
		if (!this.addresses.add(person, lower, PersonAddresses.Source.MANUAL)) {
			throw new RuleViolation("address", "person.address.taken-meanwhile");
		}
		audit(actor, "PERSON_ADDRESS_ADDED", person, "Added the address " + lower + " to " + describe(person));
	}

	/** The person's handle now, when {@code handle} is one that led to them before. */
	public Optional<String> currentHandle(String handle) {
		return this.formerHandles.findCurrentHandle(handle);
	}

	/**
	 * Refuses, every problem at once, what {@link #merge} would refuse of the two handles
	 * (either may be missing), changing nothing.
	 */
	@Transactional(readOnly = true)
	public void checkMerge(String keptHandle, String mergedHandle, Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(actor.isAdmin(), "person.denied.merge");
		merging(keptHandle, mergedHandle);
	}

	private record Merging(Person kept, Person merged) {
	}

	/**
	 * The two people, when the one may be merged into the other; every problem at once.
	 */
	private Merging merging(String keptHandle, String mergedHandle) {
		Problems problems = new Problems();
		Person kept = problems.of(() -> known("kept", keptHandle));
		Person merged = problems.of(() -> known("merged", mergedHandle));
		if (kept != null && merged != null) {
			if (kept.getId().equals(merged.getId())) {
				problems.add("merged", "person.merge.same");
			}
			else {
				List<String> both = this.jdbc.queryForList("""
						select e.slug || '/' || s.slug from position a join position b on a.session_id = b.session_id
						join summit_session s on s.id = a.session_id join event e on e.id = s.event_id
						where a.person_id = ? and b.person_id = ? order by 1 limit 5
						""", String.class, kept.getId(), merged.getId());
				if (!both.isEmpty()) {
					problems.add("merged", "person.merge.positions", String.join(", ", both));
				}
				Integer accounts = this.jdbc.queryForObject("select count(*) from account where person_id in (?, ?)",
						Integer.class, kept.getId(), merged.getId());
				if (accounts != null && accounts > 1) {
					problems.add("merged", "person.merge.accounts");
				}
			}
		}
		problems.refuse();
		return new Merging(kept, merged);
	}

	private Person known(String field, String handle) {
		String text = (handle != null) ? handle.strip() : "";
		if (text.isEmpty()) {
			throw new RuleViolation(field, "person.handle.required");
		}
		return this.people.findByHandle(text)
			.filter((p) -> !p.isMerged())
			.orElseThrow(() -> new RuleViolation(field, "person.unknown", PlainText.printable(text)));
	}

	private record Checked(String handle, String name, String email, String affiliation) {
	}

	private Checked check(PersonDraft draft, Person self) {
		List<Problem> problems = new ArrayList<>();
		String name = strip(draft.name());
		if (name == null) {
			problems.add(new Problem("name", "person.name.required"));
		}
		else if (name.length() > Person.NAME_MAX) {
			problems.add(new Problem("name", "text.too-long", Person.NAME_MAX, name.length()));
		}
		String handle = strip(draft.handle());
		if (handle == null && name != null) {
			String base = Slugs.of(name, "person", 50);
			handle = Slugs.firstFree(base,
					this.formerHandles.findHandlesTakenStartingWith(base, (self != null) ? self.getId() : NOBODY));
		}
		else if (handle != null) {
			if (handle.length() > Person.HANDLE_MAX || !HANDLE.matcher(handle).matches() || handle.equals("new")
					|| handle.startsWith("merged-")) {
				problems.add(new Problem("handle", "person.handle.format-rule", Person.HANDLE_MAX));
			}
			else if (isTaken(handle, self)) {
				problems.add(new Problem("handle", "person.handle.taken", handle));
			}
		}
		String email = strip(draft.email());
		if (email != null) {
			if (email.length() > Person.EMAIL_MAX) {
				problems.add(new Problem("email", "text.too-long", Person.EMAIL_MAX, email.length()));
			}
			else if (!EMAIL.matcher(email).matches()) {
				problems.add(new Problem("email", "person.email.format"));
			}
			else {
				List<Person> others = this.people.findOthersWithEmail(email, (self != null) ? self.getId() : null);
				if (!others.isEmpty()) {
					problems.add(new Problem("email", "person.email.taken", others.get(0).getHandle()));
				}
			}
		}
		String affiliation = strip(draft.affiliation());
		if (affiliation != null && affiliation.length() > Person.AFFILIATION_MAX) {
			problems.add(new Problem("affiliation", "text.too-long", Person.AFFILIATION_MAX, affiliation.length()));
		}
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
		return new Checked(handle, name, email, affiliation);
	}

	private boolean isTaken(String handle, Person self) {
		Optional<Person> holder = this.people.findByHandle(handle);
		if (holder.isPresent() && (self == null || !holder.get().getId().equals(self.getId()))) {
			return true;
		}
		Optional<String> formerOf = this.formerHandles.findCurrentHandle(handle);
		return formerOf.isPresent() && (self == null || !formerOf.get().equals(self.getHandle()));
	}

	private static String describe(Person person) {
		return person.getHandle() + " (" + person.getName()
				+ ((person.getEmail() != null) ? " <" + person.getEmail() + ">" : "")
				+ ((person.getAffiliation() != null) ? ", " + person.getAffiliation() : "") + ")";
	}

	private void audit(Actor actor, String action, Person person, String summary) {
		this.publisher
			.publishEvent(new AuditableChange(actor.username(), action, "Person", person.getId(), null, summary));
	}

	static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(actor.isOrganizer(), "person.denied.organizers");
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
