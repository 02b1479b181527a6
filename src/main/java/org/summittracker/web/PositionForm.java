package org.summittracker.web;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.summittracker.position.PositionStatement;
import org.summittracker.position.PositionView;
import org.summittracker.position.Stance;

/**
 * The buy-in form: a stance and what qualifies it, for the signed-in person or
 * (organizers) for {@code person}.
 */
public record PositionForm(
		@Size(max = 64, message = "A handle has at most 64 characters.") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9._-]*$",
				message = "A handle is lower-case letters, digits, dots, dashes and underscores.") String person,
		@Size(max = 30, message = "Choose a stance from the list.") String stance,
		@Size(max = 2000, message = "Keep the conditions under 2000 characters.") @Pattern(regexp = TEXT,
				message = "The conditions contain control characters.") String conditions,
		@Size(max = 2000, message = "Keep the rationale under 2000 characters.") @Pattern(regexp = TEXT,
				message = "The rationale contains control characters.") String rationale,
		@Size(max = 120, message = "Choose a subsystem from the list.") @Pattern(regexp = "^$|^[a-z0-9][a-z0-9-]*$",
				message = "Choose a subsystem from the list.") String speaksFor,
		@Size(max = 50,
				message = "Cite at most 50 concerns.") List<@Size(max = 80,
						message = "Choose concerns from the list.") @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$",
								message = "Choose concerns from the list.") String> concerns,
		Long version, @Size(max = 64) String versionOf) {

	/** Text fields: anything but control characters other than tab and line breaks. */
	static final String TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

	static PositionForm of(PositionView own) {
		if (own == null) {
			return new PositionForm(null, null, null, null, null, List.of(), null, null);
		}
		return new PositionForm(null, own.stance().name(), own.conditions(), own.rationale(), own.speaksForSlug(),
				own.citedConcernKeys(), own.version(), own.handle());
	}

	static PositionForm of(org.summittracker.position.Position position) {
		return new PositionForm(null, position.getStance().name(), position.getConditions(), position.getRationale(),
				(position.getSpeaksFor() != null) ? position.getSpeaksFor().getSlug() : null,
				position.getCitedConcerns().stream().map(org.summittracker.concern.Concern::getKey).sorted().toList(),
				position.getVersion(), position.getPerson().getHandle());
	}

	public List<String> concernKeys() {
		return (this.concerns != null) ? this.concerns : List.of();
	}

	/**
	 * The statement for {@code handle}. The version only counts for the position it was
	 * read from: an organizer's form prefilled with their own position may name someone
	 * else.
	 */
	PositionStatement statement(String handle) {
		Long expected = (this.version != null && handle.equals(this.versionOf)) ? this.version : null;
		return new PositionStatement(handle, Stance.parse(this.stance), this.conditions, this.rationale, this.speaksFor,
				concernKeys(), expected);
	}

}
