package org.summittracker.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;

/**
 * Subsystems named in a JSON body by their slugs or, as the API writes them (a concern's
 * {@code subsystems}, a position's {@code speaksFor}), by their names: what a client
 * read, it can send back. A value that is neither is passed on as it is, for the service
 * to refuse.
 */
@Component
class SubsystemSlugs {

	private final SubsystemRepository subsystems;

	SubsystemSlugs(SubsystemRepository subsystems) {
		this.subsystems = subsystems;
	}

	/** The slugs of the subsystems named; {@code null} for {@code null}. */
	List<String> of(List<String> named) {
		if (named == null || named.isEmpty()) {
			return named;
		}
		List<String> given = named.stream().filter((value) -> value != null && !value.isBlank()).toList();
		Set<String> slugs = this.subsystems.findAllBySlugIn(given)
			.stream()
			.map(Subsystem::getSlug)
			.collect(Collectors.toSet());
		List<String> names = given.stream().filter((value) -> !slugs.contains(value)).toList();
		Map<String, String> byName = names.isEmpty() ? Map.of()
				: this.subsystems.findAllByNameIn(names)
					.stream()
					.collect(Collectors.toMap(Subsystem::getName, Subsystem::getSlug, (a, b) -> a));
		List<String> result = new ArrayList<>(named.size());
		for (String value : named) {
			result.add((value != null && !slugs.contains(value)) ? byName.getOrDefault(value, value) : value);
		}
		return result;
	}

	/** The slug of the subsystem named; {@code null} for {@code null}. */
	String of(String named) {
		return (named == null || named.isBlank()) ? named : of(List.of(named)).get(0);
	}

}
