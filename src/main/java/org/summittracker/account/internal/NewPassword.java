package org.summittracker.account.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.summittracker.shared.OneLine;

/**
 * The rule every new password follows, wherever it is chosen (an account created, a
 * password reset by an administrator, a person's own change): given, 8 to 128 characters
 * of any kind, on one line. Each broken part says its own message.
 */
@Documented
@NotBlank(message = "{account.password.required}")
@Size(min = Account.PASSWORD_MIN, max = Account.PASSWORD_MAX, message = "{account.password.length}")
@OneLine
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface NewPassword {

	String message() default "{account.password.length}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
