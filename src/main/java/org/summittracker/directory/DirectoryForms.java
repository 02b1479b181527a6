package org.summittracker.directory;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.summittracker.people.Person;
import org.summittracker.people.Subsystem;
import org.summittracker.shared.OneLine;

/**
 * What the directory's forms submit; the rules are {@link PersonAuthoring}'s and
 * {@link SubsystemAuthoring}'s, the limits the domain's.
 */
final class DirectoryForms {

	/** How long a list of handles may be. */
	static final int HANDLES_MAX = 2_000;

	private DirectoryForms() {
	}

	record PersonForm(@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String handle,
			@Size(max = Person.NAME_MAX, message = "{text.at-most}") @OneLine String name,
			@Size(max = Person.EMAIL_MAX, message = "{text.at-most}") @OneLine String email,
			@Size(max = Person.AFFILIATION_MAX, message = "{text.at-most}") @OneLine String affiliation, Long version) {

		static PersonForm empty() {
			return new PersonForm("", "", "", "", null);
		}

		static PersonForm of(Person person) {
			return new PersonForm(person.getHandle(), person.getName(), person.getEmail(), person.getAffiliation(),
					person.getVersion());
		}

		PersonDraft draft() {
			return new PersonDraft(this.handle, this.name, this.email, this.affiliation);
		}

	}

	record SubsystemForm(@Size(max = Subsystem.SLUG_MAX, message = "{text.at-most}") @OneLine String slug,
			@Size(max = Subsystem.NAME_MAX, message = "{text.at-most}") @OneLine String name, Subsystem.Status status,
			@Size(max = Subsystem.MAILING_LIST_MAX, message = "{text.at-most}") @OneLine String mailingList,
			@Size(max = HANDLES_MAX, message = "{text.at-most}") String maintainers,
			@Size(max = HANDLES_MAX, message = "{text.at-most}") String reviewers, Long version,
			Boolean alongsideSimilar) {

		static SubsystemForm empty() {
			return new SubsystemForm("", "", Subsystem.Status.MAINTAINED, "", "", "", null, null);
		}

		SubsystemDraft draft() {
			return new SubsystemDraft(this.slug, this.name, this.status, this.mailingList, handles(this.maintainers),
					handles(this.reviewers), Boolean.TRUE.equals(this.alongsideSimilar));
		}

		/** Handles separated by commas, spaces or lines, such as viro and brauner. */
		static List<String> handles(String text) {
			return (text == null) ? List.of()
					: Arrays.stream(text.split("[,;\\s]+")).filter((h) -> !h.isBlank()).distinct().toList();
		}

	}

	record AddressForm(@Size(max = Person.EMAIL_MAX, message = "{text.at-most}") @OneLine String address) {

	}

	/**
	 * The two handles, and whether the administrator has seen the two records and
	 * confirmed (a merge cannot be undone: the first submission only shows them).
	 */
	record MergeForm(@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String kept,
			@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String merged, Boolean confirmed) {

		boolean isConfirmed() {
			return Boolean.TRUE.equals(this.confirmed);
		}

	}

}
