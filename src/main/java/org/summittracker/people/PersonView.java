package org.summittracker.people;

/**
 * A person as their page shows them: values read from the entity, so that a page rendered
 * from them can be kept by them.
 */
public record PersonView(Long id, String handle, String name, String email, String affiliation) {

	public static PersonView of(Person person) {
		return new PersonView(person.getId(), person.getHandle(), person.getName(), person.getEmail(),
				person.getAffiliation());
	}

}
