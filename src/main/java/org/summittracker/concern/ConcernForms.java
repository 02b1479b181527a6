package org.summittracker.concern;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.summittracker.people.Person;
import org.summittracker.proposal.Proposal;
import org.summittracker.session.NoteOrigins;
import org.summittracker.session.SessionViews.NoteOrigin;
import org.summittracker.shared.OneLine;
import org.summittracker.shared.RuleViolation;

/**
 * What the concern pages' forms submit; the rules that need the database are checked by
 * ConcernLifecycle. The limits are the domain's.
 */
final class ConcernForms {

	/** How long the list of other subsystems' slugs may be. */
	static final int OTHER_SUBSYSTEMS_MAX = 2_000;

	private ConcernForms() {
	}

	record ConcernForm(@Size(max = Concern.KEY_MAX, message = "{text.at-most}") @OneLine String key,
			@NotBlank(message = "{concern.title.required}") @Size(max = Concern.TITLE_MAX,
					message = "{text.at-most}") @OneLine String title,
			String category, List<String> subsystems,
			@Size(max = OTHER_SUBSYSTEMS_MAX, message = "{text.at-most}") String otherSubsystems,
			@Size(max = Concern.BODY_MAX, message = "{text.at-most}") String body, Boolean blocking,
			@Size(max = Concern.NOTE_MAX, message = "{text.at-most}") String blockingReason,
			@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String raiser, Long version,
			Long fromNote, @Size(max = Proposal.KEY_MAX, message = "{text.at-most}") @OneLine String proposal) {

		static ConcernForm empty() {
			return new ConcernForm("", "", "", List.of(), "", "", false, "", "", null, null, "");
		}

		/**
		 * Filed from a discussion note: raised by its speaker, saying what the note says.
		 */
		static ConcernForm from(NoteOrigin note) {
			return new ConcernForm("", NoteOrigins.title(note.body(), Concern.TITLE_MAX), "", List.of(), "",
					note.body(), false, "", note.speakerHandle(), null, note.id(), "");
		}

		public ConcernDraft draft() {
			List<String> slugs = new ArrayList<>((this.subsystems != null) ? this.subsystems : List.of());
			if (this.otherSubsystems != null) {
				for (String slug : this.otherSubsystems.split("[,\\s]+")) {
					if (!slug.isBlank()) {
						slugs.add(slug.strip());
					}
				}
			}
			return new ConcernDraft(this.key, this.title, this.category, slugs, this.body, isBlocking(),
					this.blockingReason, this.fromNote, this.proposal);
		}

		/** The same, against another version. */
		ConcernForm at(long version) {
			return new ConcernForm(this.key, this.title, this.category, this.subsystems, this.otherSubsystems,
					this.body, this.blocking, this.blockingReason, this.raiser, version, this.fromNote, this.proposal);
		}

		public boolean isBlocking() {
			return Boolean.TRUE.equals(this.blocking);
		}

		/**
		 * What the domain answers to this form, each problem next to the field it came
		 * from: when slugs were typed in {@code otherSubsystems}, an unknown subsystem is
		 * refused there and not on the checkboxes, which offer known ones only.
		 */
		<T> T placed(Supplier<T> step) {
			try {
				return step.get();
			}
			catch (RuleViolation ex) {
				boolean typed = this.otherSubsystems != null && !this.otherSubsystems.isBlank();
				throw typed ? ex.on("subsystems", "otherSubsystems") : ex;
			}
		}

		/** The domain's check of this form, its problems placed as {@link #placed}. */
		void checked(Runnable check) {
			placed(() -> {
				check.run();
				return null;
			});
		}

		public boolean names(String slug) {
			return this.subsystems != null && this.subsystems.contains(slug);
		}

	}

	/**
	 * A response; {@code author} is the handle of whoever gave it, when an organizer
	 * records what someone else said (blank: the actor's own).
	 */
	record ResponseForm(
			@NotBlank(message = "{concern.response.required}") @Size(max = Concern.BODY_MAX,
					message = "{text.at-most}") String body,
			@Size(max = 64, message = "{text.at-most}") @OneLine String author) {

		static ResponseForm empty() {
			return new ResponseForm("", "");
		}

	}

	record StatusForm(ConcernStatus status, @Size(max = Concern.NOTE_MAX, message = "{text.at-most}") String note,
			LocalDate revisitOn, Long version) {

		static StatusForm empty() {
			return new StatusForm(null, "", null, null);
		}

	}

	record CategoryForm(@NotBlank(message = "{category.name.required}") @Size(max = ConcernCategory.NAME_MAX,
			message = "{text.at-most}") @OneLine String name) {

		static CategoryForm empty() {
			return new CategoryForm("");
		}

	}

}
