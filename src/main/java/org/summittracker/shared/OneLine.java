package org.summittracker.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text meant as one line (a title, a key, a handle, a name) holds no line break or tab;
 * {@link PlainText} has already refused every other control character.
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

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.chars().noneMatch((c) -> c == '\n' || c == '\r' || c == '\t');
		}

	}

}
