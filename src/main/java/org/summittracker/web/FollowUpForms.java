package org.summittracker.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.summittracker.concern.Concern;
import org.summittracker.followup.FollowUp;
import org.summittracker.followup.FollowUpStatus;
import org.summittracker.people.Person;
import org.summittracker.resolution.Outcome;
import org.summittracker.resolution.Resolution;
import org.summittracker.session.NoteOrigins;
import org.summittracker.session.SessionViews.NoteOrigin;
import org.summittracker.shared.OneLine;

/**
 * What the resolution and follow-up forms submit, bound by type: a malformed date or an
 * unknown outcome or status is a type mismatch shown next to its field.
 */
final class FollowUpForms {

	private FollowUpForms() {
	}

	record ResolutionForm(
			@NotBlank(message = "{resolution.statement.required}") @Size(max = Resolution.STATEMENT_MAX,
					message = "{text.at-most}") String statement,
			Outcome outcome, LocalDate decidedOn, LocalDate revisitOn,
			List<@Size(max = Concern.KEY_MAX, message = "{session.concern.choose}") @Pattern(
					regexp = Concern.KEY_FORMAT, message = "{session.concern.choose}") String> concerns,
			Boolean resolveAddressed, Long version) {

		static ResolutionForm empty(LocalDate today) {
			return new ResolutionForm("", Outcome.AGREED, today, null, List.of(), false, null);
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
			@NotBlank(message = "{followup.title.required}") @Size(max = FollowUp.TITLE_MAX,
					message = "{text.at-most}") @OneLine String title,
			@NotBlank(message = "{followup.owner.required}") @Size(max = Person.HANDLE_MAX,
					message = "{text.at-most}") @Pattern(regexp = "^$|" + Person.HANDLE,
							message = "{person.handle.format}") String owner,
			LocalDate dueOn, @Size(max = Concern.KEY_MAX, message = "{session.concern.choose}") String concern,
			Integer resolution, Long version, Long fromNote) {

		static FollowUpForm empty() {
			return new FollowUpForm("", "", null, "", null, null, null);
		}

		/**
		 * Assigned from a discussion note: owned by its speaker, titled by what it says.
		 */
		static FollowUpForm from(NoteOrigin note) {
			return new FollowUpForm(NoteOrigins.title(note.body(), FollowUp.TITLE_MAX), note.speakerHandle(), null, "",
					null, null, note.id());
		}

	}

	record StatusForm(FollowUpStatus status, @Size(max = FollowUp.REASON_MAX, message = "{text.at-most}") String reason,
			Long version) {
	}

	/** The filters of the follow-up list, as they arrive in the URL. */
	record Filters(String owner, FollowUpStatus status, String event, Boolean overdue, Integer page) {

		int pageNumber() {
			return (this.page != null) ? this.page : 1;
		}

	}

}
