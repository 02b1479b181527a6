package org.summittracker.notes;

import jakarta.validation.constraints.Size;

import org.summittracker.people.Person;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNotes.Direction;
import org.summittracker.session.NoteDraft;
import org.summittracker.shared.OneLine;

/**
 * What the live-notes forms submit; the rules (a known speaker, a kind, something said)
 * are checked by {@link org.summittracker.session.DiscussionNotes}. The limits are the
 * domain's.
 */
final class NoteForms {

	private NoteForms() {
	}

	record NoteForm(@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String speaker,
			DiscussionNote.Kind kind, @Size(max = DiscussionNote.BODY_MAX, message = "{text.at-most}") String body,
			Long version) {

		static NoteForm empty() {
			return new NoteForm("", DiscussionNote.Kind.REMARK, "", null);
		}

		NoteDraft draft() {
			return new NoteDraft(this.speaker, this.kind, this.body);
		}

	}

	record StrikeForm(@Size(max = DiscussionNote.REASON_MAX, message = "{text.at-most}") @OneLine String reason,
			Long version) {

		static StrikeForm empty(long version) {
			return new StrikeForm("", version);
		}

	}

	record MoveForm(Direction direction, Long version) {
	}

	record RestoreForm(Long version) {
	}

}
