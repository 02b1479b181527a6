package org.summittracker.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import org.summittracker.resolution.Outcome;
import org.summittracker.resolution.Resolutions;

/**
 * What the resolution and follow-up forms submit. Dates, outcomes and statuses arrive as
 * words and are read here, so that a malformed date or an unknown value is an inline
 * error rather than a failed conversion.
 */
final class FollowUpForms {

	// Text without NUL or other control characters, save tabs and line breaks in longer
	// text.
	static final String ONE_LINE = "^[^\\p{Cntrl}]*$";

	static final String TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

	private FollowUpForms() {
	}

	record ResolutionForm(
			@Size(max = Resolutions.MAX_STATEMENT, message = "At most 2000 characters.") @Pattern(regexp = TEXT,
					message = "Text only: no control characters.") String statement,
			String outcome, String decidedOn, String revisitOn, List<String> concerns, Boolean resolveAddressed,
			Long version) {

		static ResolutionForm empty(LocalDate today) {
			return new ResolutionForm("", Outcome.AGREED.name(), today.toString(), "", List.of(), false, null);
		}

		public boolean resolvesAddressed() {
			return Boolean.TRUE.equals(this.resolveAddressed);
		}

		public List<String> concernKeys() {
			return (this.concerns != null) ? this.concerns : List.of();
		}

		public boolean addresses(String key) {
			return concernKeys().contains(key);
		}

	}

	record FollowUpForm(
			@Size(max = 200, message = "At most 200 characters.") @Pattern(regexp = ONE_LINE,
					message = "One line of text: no control characters.") String title,
			@Size(max = 64, message = "At most 64 characters.") @Pattern(regexp = "^[a-z0-9._-]*$",
					message = "That is not a person's handle.") String owner,
			String dueOn, @Size(max = 80, message = "That is not a concern of this session.") String concern,
			String resolution, Long version) {

		static FollowUpForm empty() {
			return new FollowUpForm("", "", "", "", "", null);
		}

	}

	record StatusForm(String status, @Size(max = 2000, message = "At most 2000 characters.") @Pattern(regexp = TEXT,
			message = "Text only: no control characters.") String reason, Long version) {
	}

	/**
	 * The date a field holds, {@code null} when blank; an inline error (and {@code null})
	 * when it is no date.
	 */
	static LocalDate date(String value, String field, BindingResult result) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 1990 || date.getYear() > 2200) {
				result.rejectValue(field, "date.range", "Give a date between 1990 and 2200.");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "date.malformed", "Give a date as YYYY-MM-DD, such as 2026-03-31.");
			return null;
		}
	}

	static Outcome outcome(String value, BindingResult result) {
		for (Outcome outcome : Outcome.values()) {
			if (outcome.name().equals(value)) {
				return outcome;
			}
		}
		result.rejectValue("outcome", "outcome.unknown", "Choose an outcome from the list.");
		return null;
	}

	/**
	 * A resolution number from the form, {@code null} when blank; an inline error when it
	 * is not a number.
	 */
	static Integer seq(String value, BindingResult result) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			result.rejectValue("resolution", "resolution.unknown", "Choose a resolution from the list.");
			return null;
		}
	}

}
