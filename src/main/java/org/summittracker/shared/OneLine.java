package org.summittracker.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text meant as one line (a title, a key, a handle, a name) holds no line break, tab or
 * line separator, and no invisible formatting character (zero-width space, soft hyphen,
 * byte-order mark, direction marks...), which would make two names that read the same
 * differ; {@link PlainText} has already refused every control character. The zero-width
 * joiner and non-joiner stay: emoji and some scripts need them.
 */
@Documented
@Constraint(validatedBy = OneLine.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneLine {

	String message() default "{text.one-line}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link OneLine}. */
	class Validator implements ConstraintValidator<OneLine, String> {

		private static final Pattern BREAK = Pattern.compile("[\\n\\r\\t\\u0085\\u2028\\u2029]");

		private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}&&[^\\u200C\\u200D]]");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			Optional<String> problem = problem(value);
			if (problem.isPresent() && !problem.get().equals("text.one-line")) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("{" + problem.get() + "}").addConstraintViolation();
			}
			return problem.isEmpty();
		}

		/**
		 * The message code of what keeps {@code value} from being one line, if anything:
		 * the rule for the domain's own checks, whatever sends the text (a form, a
		 * script).
		 */
		public static Optional<String> problem(String value) {
			if (value == null) {
				return Optional.empty();
			}
			if (BREAK.matcher(value).find()) {
				return Optional.of("text.one-line");
			}
			if (INVISIBLE.matcher(value).find()) {
				return Optional.of("text.invisible");
			}
			return Optional.empty();
		}

	}

}
