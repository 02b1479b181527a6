package org.summittracker.shared;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.validation.BindingResult;

/**
 * A unique key someone took at the same moment: two people file concerns with the same
 * title, create the same account, add the same category. The application checks first and
 * says so as a rule (422), but two requests can both pass the check; then the database's
 * unique constraint decides, and this turns its refusal into a problem next to the field
 * whose value is taken ({@link FormSubmission} answers it with 409), never a 500.
 * {@link #BY_CONSTRAINT} is every unique constraint people's requests can hit, with the
 * form field it belongs to and the message saying so.
 */
public final class TakenValue {

	/** A unique constraint: the form field it belongs to and the message code. */
	public record Key(String field, String code) {

	}

	/** Unique constraints (of db/migration) that requests can hit, by name. */
	public static final Map<String, Key> BY_CONSTRAINT = Map.ofEntries(
			Map.entry("concern_key_uk", new Key("key", "taken.concern-key")),
			Map.entry("concern_former_key_uk", new Key("key", "taken.concern-key")),
			Map.entry("concern_proposal_key_uk", new Key("key", "taken.concern-key")),
			Map.entry("concern_reraise_uk", new Key(null, "concern.reraise.raced")),
			Map.entry("concern_category_name_uk", new Key("name", "taken.category")),
			Map.entry("concern_category_slug_uk", new Key("name", "taken.category")),
			Map.entry("account_username_uk", new Key("username", "taken.username")),
			Map.entry("account_person_uk", new Key("person", "taken.account-person")),
			Map.entry("person_handle_uk", new Key("handle", "taken.handle")),
			Map.entry("event_slug_uk", new Key("slug", "taken.slug")),
			Map.entry("summit_session_slug_uk", new Key("slug", "taken.slug")),
			Map.entry("subsystem_slug_uk", new Key("slug", "taken.slug")),
			Map.entry("position_uk", new Key(null, "taken.position")),
			Map.entry("proposal_key_uk", new Key("key", "taken.proposal-key")),
			Map.entry("resolution_seq_uk", new Key(null, "taken.number")),
			Map.entry("discussion_note_seq_uk", new Key(null, "taken.number")),
			Map.entry("session_participant_uk", new Key(null, "taken.participant")),
			Map.entry("maintainership_uk", new Key(null, "taken.maintainership")));

	private static final String UNIQUE_VIOLATION = "23505";

	private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");

	private TakenValue() {
	}

	/**
	 * The problem to show on a form whose write was refused, when the refusal is a unique
	 * key someone took; the message's {@code {0}} is the value the form sent for it.
	 */
	public static Optional<RuleViolation> of(DataIntegrityViolationException ex, BindingResult form) {
		return constraint(ex).map(BY_CONSTRAINT::get).map((key) -> {
			Object value = (key.field() != null && form.getFieldType(key.field()) != null)
					? form.getFieldValue(key.field()) : null;
			return new RuleViolation(key.field(), key.code(), PlainText.printable(value));
		});
	}

	/** The name of the unique constraint a write broke, if that is why it failed. */
	public static Optional<String> constraint(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				Matcher name = CONSTRAINT.matcher(String.valueOf(sql.getMessage()));
				return name.find() ? Optional.of(name.group(1)) : Optional.empty();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

}
