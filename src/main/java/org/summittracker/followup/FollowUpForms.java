package org.summittracker.followup;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.summittracker.concern.Concern;
import org.summittracker.people.Person;
import org.summittracker.session.NoteOrigins;
import org.summittracker.session.SessionViews.NoteOrigin;
import org.summittracker.shared.OneLine;

/**
 * What the follow-up forms submit, bound by type: a malformed date or an unknown outcome
 * or status is a type mismatch shown next to its field.
 */
final class FollowUpForms {

	private FollowUpForms() {
	}

	record FollowUpForm(
			@NotBlank(message = "{followup.title.required}") @Size(max = FollowUp.TITLE_MAX,
					message = "{text.at-most}") @OneLine String title,
			@NotBlank(message = "{followup.owner.required}") @Size(max = Person.HANDLE_MAX,
					message = "{text.at-most}") @Pattern(regexp = "^$|" + Person.HANDLE,
							message = "{person.handle.format}") String owner,
			LocalDate dueOn, @Size(max = Concern.KEY_MAX, message = "{session.concern.choose}") String concern,
			@Size(max = Concern.KEY_MAX, message = "{text.at-most}") String concernKey, Integer resolution,
			Integer resolutionNumber, Long version, Long fromNote) {

		static FollowUpForm empty() {
			return new FollowUpForm("", "", null, "", null, null, null, null, null);
		}

		/**
		 * The key of the concern it addresses: typed in {@code concernKey} (the list
		 * offers the first concerns only; a key typed takes the place of the choice in
		 * the list, which an edit form shows preselected), else chosen in the list; null
		 * for none.
		 */
		String concernChosen() {
			return typesConcern() ? this.concernKey.strip() : blankToNull(this.concern);
		}

		/** Whether a concern was typed by its key. */
		boolean typesConcern() {
			return blankToNull(this.concernKey) != null;
		}

		/**
		 * The number of the resolution it implements: typed in {@code resolutionNumber}
		 * (the list offers the latest resolutions only; a number typed takes the place of
		 * the choice in the list), else chosen in the list; null for none.
		 */
		Integer resolutionChosen() {
			return typesResolution() ? this.resolutionNumber : this.resolution;
		}

		/** Whether a resolution was typed by its number. */
		boolean typesResolution() {
			return this.resolutionNumber != null;
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		/**
		 * Assigned from a discussion note: owned by its speaker, titled by what it says.
		 */
		static FollowUpForm from(NoteOrigin note) {
			return new FollowUpForm(NoteOrigins.title(note.body(), FollowUp.TITLE_MAX), note.speakerHandle(), null, "",
					null, null, null, null, note.id());
		}

	}

	record StatusForm(FollowUpStatus status, @Size(max = FollowUp.REASON_MAX, message = "{text.at-most}") String reason,
			Long version) {
	}

	/** The filters of the follow-up list, as they arrive in the URL. */
	record Filters(String owner, FollowUpStatus status, String event, String session, Boolean overdue, Integer page) {

		int pageNumber() {
			return (this.page != null) ? this.page : 1;
		}

	}

}
