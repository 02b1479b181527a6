package org.summittracker.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.account.Actor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.audit.AuditableChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonAddresses;
import org.summittracker.shared.RuleViolation;

/**
 * Imports a {@code .mailmap}: a line {@code Proper Name <proper@x> <alias@y>} (or with a
 * commit name before the alias) gives alias@y to the person whose address is proper@x.
 * Nobody is created: an unknown proper address is reported, and so is an alias another
 * person has.
 */
@Service
public class MailmapImport {

	/** How many characters a {@code .mailmap} may have. */
	public static final int TEXT_MAX = 2_000_000;

	/** How many unknown or taken addresses the report names. */
	static final int NAMED_MAX = 50;

	private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s@]+@[^<>\\s@]+)>");

	private final PersonAddresses addresses;

	private final ApplicationEventPublisher publisher;

	MailmapImport(PersonAddresses addresses, ApplicationEventPublisher publisher) {
		this.addresses = addresses;
		this.publisher = publisher;
	}

	/** What an import did. */
	public record Report(int lines, int added, int known, List<String> unknown, int unknownCount, List<String> taken,
			int takenCount) {

	}

	/** Whether the actor may import a {@code .mailmap}: organizers and admins. */
	static void requireMayImport(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(actor.isOrganizer() || actor.isAdmin(), "mailmap.denied.import");
	}

	@Transactional
	public Report importFrom(String text, Actor actor) {
		requireMayImport(actor);
		if (text == null || text.isBlank()) {
			throw new RuleViolation("text", "mailmap.required");
		}
		if (text.length() > TEXT_MAX) {
			throw new RuleViolation("text", "text.too-long", TEXT_MAX, text.length());
		}
		Map<String, String> properByAlias = new LinkedHashMap<>();
		int lines = 0;
		for (String line : text.split("\\R")) {
			String entry = line.strip();
			if (entry.isEmpty() || entry.startsWith("#")) {
				continue;
			}
			lines++;
			List<String> found = new ArrayList<>();
			Matcher m = ADDRESS.matcher(entry);
			while (m.find()) {
				found.add(m.group(1).toLowerCase(Locale.ROOT));
			}
			if (found.size() >= 2 && found.get(0).length() <= Person.EMAIL_MAX
					&& found.get(found.size() - 1).length() <= Person.EMAIL_MAX) {
				properByAlias.putIfAbsent(found.get(found.size() - 1), found.get(0));
			}
		}
		List<String> all = new ArrayList<>(properByAlias.keySet());
		all.addAll(properByAlias.values());
		Map<String, Person> people = this.addresses.find(all);
		Map<String, Long> adding = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		List<String> taken = new ArrayList<>();
		int known = 0;
		for (Map.Entry<String, String> e : properByAlias.entrySet()) {
			Person person = people.get(e.getValue());
			Person holder = people.get(e.getKey());
			if (person == null) {
				if (!unknown.contains(e.getValue())) {
					unknown.add(e.getValue());
				}
			}
			else if (holder == null) {
				adding.put(e.getKey(), person.getId());
			}
			else if (holder.getId().equals(person.getId())) {
				known++;
			}
			else {
				taken.add(e.getKey() + " (" + holder.getHandle() + ")");
			}
		}
		int added = adding.isEmpty() ? 0 : this.addresses.addAll(adding, PersonAddresses.Source.MAILMAP);
		Report report = new Report(lines, added, known, unknown.subList(0, Math.min(NAMED_MAX, unknown.size())),
				unknown.size(), taken.subList(0, Math.min(NAMED_MAX, taken.size())), taken.size());
		this.publisher.publishEvent(new AuditableChange(actor.username(), "MAILMAP_IMPORTED", "Person", null, null,
				"Imported a .mailmap: " + lines + " lines, " + added + " addresses added, " + unknown.size()
						+ " unknown people, " + taken.size() + " addresses another person has"));
		return report;
	}

}
