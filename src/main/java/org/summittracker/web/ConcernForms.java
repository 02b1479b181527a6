package org.summittracker.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.summittracker.concern.ConcernDraft;

/**
 * What the concern pages' forms submit; the rules that need the database are checked by
 * ConcernLifecycle.
 */
public final class ConcernForms {

	/** One line of printable characters. */
	static final String LINE = "^[^\\p{Cntrl}]*$";

	/** Printable characters, line breaks and tabs. */
	static final String TEXT = "^[^\\p{Cntrl}&&[^\\t\\n\\r]]*$";

	private ConcernForms() {
	}

	public record ConcernForm(
			@Size(max = 80, message = "At most 80 characters.") @Pattern(regexp = LINE,
					message = "Remove the control characters from the key.") String key,
			@NotBlank(message = "Give the concern a title.") @Size(max = 200,
					message = "At most 200 characters.") @Pattern(regexp = LINE,
							message = "Remove the control characters (such as NUL) from the title.") String title,
			String category, List<String> subsystems,
			@Size(max = 2000, message = "At most 2,000 characters.") @Pattern(regexp = LINE,
					message = "Remove the control characters from this list.") String otherSubsystems,
			@Size(max = 20000, message = "At most 20,000 characters.") @Pattern(regexp = TEXT,
					message = "Remove the control characters (such as NUL) from the description.") String body,
			Boolean blocking,
			@Size(max = 2000, message = "At most 2,000 characters.") @Pattern(regexp = TEXT,
					message = "Remove the control characters from the reason.") String blockingReason,
			@Size(max = 64, message = "At most 64 characters.") @Pattern(regexp = LINE,
					message = "That is not a person's handle.") String raiser,
			Long version) {

		static ConcernForm empty() {
			return new ConcernForm("", "", "", List.of(), "", "", false, "", "", null);
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
					this.blockingReason);
		}

		public boolean isBlocking() {
			return Boolean.TRUE.equals(this.blocking);
		}

		public boolean names(String slug) {
			return this.subsystems != null && this.subsystems.contains(slug);
		}

	}

	public record ResponseForm(@NotBlank(message = "Write a response.") @Size(max = 20000,
			message = "At most 20,000 characters.") @Pattern(regexp = TEXT,
					message = "Remove the control characters (such as NUL) from the response.") String body) {

		static ResponseForm empty() {
			return new ResponseForm("");
		}

	}

	public record StatusForm(String status,
			@Size(max = 2000, message = "At most 2,000 characters.") @Pattern(regexp = TEXT,
					message = "Remove the control characters from the note.") String note,
			String revisitOn, Long version) {

		static StatusForm empty() {
			return new StatusForm("", "", "", null);
		}

	}

	public record CategoryForm(
			@NotBlank(message = "Name the category.") @Size(max = 120, message = "At most 120 characters.") @Pattern(
					regexp = LINE, message = "Remove the control characters from the name.") String name) {

		static CategoryForm empty() {
			return new CategoryForm("");
		}

	}

}
