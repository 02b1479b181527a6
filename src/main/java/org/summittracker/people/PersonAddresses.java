package org.summittracker.people;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.audit.AuditableChange;

/**
 * A person's addresses: the one on their record and any further ones (MAINTAINERS lists
 * some people under several, and people send mail from more than one). A trailer's
 * address finds its person by any of them; a person merged into another is found as the
 * one kept.
 */
@Service
public class PersonAddresses {

	/** Where a further address came from. */
	public enum Source {

		MAINTAINERS, MAIL, MANUAL, MAILMAP

	}

	private final NamedParameterJdbcTemplate jdbc;

	private final PersonRepository people;

	private final ApplicationEventPublisher events;

	PersonAddresses(NamedParameterJdbcTemplate jdbc, PersonRepository people, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.people = people;
		this.events = events;
	}

	/**
	 * The people these addresses belong to, by lower-case address; unknown ones are left
	 * out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Person> find(Collection<String> addresses) {
		Map<String, Person> found = new HashMap<>();
		List<String> lower = addresses.stream().map((a) -> a.toLowerCase(Locale.ROOT)).distinct().toList();
		if (lower.isEmpty()) {
			return found;
		}
		Map<String, Long> ids = new HashMap<>();
		// Further addresses first: the record's own email wins where both name one.
		this.jdbc.query("""
				select a.address, coalesce(p.merged_into_id, p.id) as id
				from person_address a join person p on p.id = a.person_id where a.address in (:addresses)
				union all
				select lower(p.email), coalesce(p.merged_into_id, p.id)
				from person p where lower(p.email) in (:addresses)
				""", Map.of("addresses", lower), (rs) -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		Map<Long, Person> byId = new HashMap<>();
		this.people.findAllById(ids.values()).forEach((p) -> byId.put(p.getId(), p));
		ids.forEach((address, id) -> found.put(address, byId.get(id)));
		return found;
	}

	/**
	 * The people these names are, by {@link #nameKey}: a name only one person (not merged
	 * into another) has, whatever its case and surrounding blanks; names nobody or
	 * several people have are left out. One query, however many names.
	 */
	@Transactional(readOnly = true)
	public Map<String, Person> byName(Collection<String> names) {
		List<String> keys = names.stream()
			.filter((n) -> n != null && !n.isBlank())
			.map(PersonAddresses::nameKey)
			.distinct()
			.toList();
		Map<String, Person> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		Map<String, List<Person>> byKey = new HashMap<>();
		this.people.findByLowerNameIn(keys)
			.stream()
			.filter((p) -> !p.isMerged())
			.forEach((p) -> byKey.computeIfAbsent(nameKey(p.getName()), (k) -> new java.util.ArrayList<>()).add(p));
		byKey.forEach((key, people) -> {
			if (people.size() == 1) {
				found.put(key, people.get(0));
			}
		});
		return found;
	}

	/** A name as {@link #byName} compares it: trimmed, lower case. */
	public static String nameKey(String name) {
		return (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
	}

	/** A further address of a person, and where it came from. */
	public record Address(String address, Source source, Instant addedAt) {

	}

	/** Every further address of a person, sorted. */
	@Transactional(readOnly = true)
	public List<Address> of(Long personId) {
		return this.jdbc.query(
				"select address, source, added_at from person_address where person_id = :id order by address",
				Map.of("id", personId), (rs, n) -> new Address(rs.getString(1), Source.valueOf(rs.getString(2)),
						rs.getTimestamp(3).toInstant()));
	}

	/**
	 * Adds a further address to a person, unless it is theirs already or belongs to
	 * someone: an address stays with the person it was first given to.
	 */
	@Transactional
	public boolean add(Person person, String address, Source source) {
		String lower = address.toLowerCase(Locale.ROOT);
		if (lower.length() > Person.EMAIL_MAX || !lower.contains("@")
				|| (person.getEmail() != null && person.getEmail().equalsIgnoreCase(lower))
				|| !find(List.of(lower)).isEmpty()) {
			return false;
		}
		int added = this.jdbc.update("""
				insert into person_address (person_id, address, source) values (:person, :address, :source)
				on conflict (address) do nothing
				""", Map.of("person", person.getId(), "address", lower, "source", source.name()));
		return added == 1;
	}

	/**
	 * Adds further addresses, each to its person, in one batch; an address someone has
	 * meanwhile stays with them.
	 * @return how many were added
	 */
	@Transactional
	public int addAll(Map<String, Long> personByAddress, Source source) {
		List<Map<String, Object>> rows = personByAddress.entrySet()
			.stream()
			.map((e) -> Map.<String, Object>of("person", e.getValue(), "address", e.getKey().toLowerCase(Locale.ROOT),
					"source", source.name()))
			.toList();
		int[] added = this.jdbc.batchUpdate("""
				insert into person_address (person_id, address, source) values (:person, :address, :source)
				on conflict (address) do nothing
				""",
				rows.stream()
					.map(org.springframework.jdbc.core.namedparam.MapSqlParameterSource::new)
					.toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
		return java.util.Arrays.stream(added).map((n) -> Math.max(n, 0)).sum();
	}

	/**
	 * Gives an address nobody has (from a mail-import preview) to the person of that
	 * handle, as a further address from a mail; empty when nobody has the handle (or the
	 * address is someone's meanwhile, or is no address).
	 */
	@Transactional
	public java.util.Optional<Person> attach(String handle, String address, String username) {
		java.util.Optional<Person> person = this.people.findByHandle(handle.strip()).filter((p) -> !p.isMerged());
		if (person.isEmpty() || !add(person.get(), address, Source.MAIL)) {
			return java.util.Optional.empty();
		}
		this.events.publishEvent(new AuditableChange(username, "PERSON_ADDRESS_ADDED", "Person", person.get().getId(),
				null, "Added the address " + address.toLowerCase(Locale.ROOT) + " to " + person.get().getHandle()
						+ " from an imported mail"));
		return person;
	}

	/**
	 * Creates a person for an address nobody has (from a mail-import preview), with a
	 * handle made from the address.
	 */
	@Transactional
	public Person create(String name, String address, String username) {
		String lower = address.toLowerCase(Locale.ROOT);
		Person existing = find(List.of(lower)).get(lower);
		if (existing != null) {
			return existing;
		}
		String shown = (name == null || name.isBlank()) ? lower.substring(0, lower.indexOf('@')) : name.strip();
		shown = (shown.length() > Person.NAME_MAX) ? shown.substring(0, Person.NAME_MAX) : shown;
		String base = MaintainersImport.handle(new MaintainersFile.Contact(shown, lower));
		String handle = base;
		for (int n = 2; this.people.findByHandle(handle).isPresent(); n++) {
			handle = base + "-" + n;
		}
		Person person = this.people.save(new Person(handle, shown, lower, null));
		this.events.publishEvent(new AuditableChange(username, "PERSON_CREATED", "Person", person.getId(), null,
				"Person " + handle + " created from a mail address (" + lower + ")"));
		return person;
	}

}
