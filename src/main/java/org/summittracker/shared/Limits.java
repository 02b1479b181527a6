package org.summittracker.shared;

import java.util.stream.Stream;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import org.springframework.stereotype.Component;

/**
 * The limits forms declare, for their pages: a field's {@code maxlength} is the
 * {@code @Size} its form gives it, which is the domain's limit, so each limit is declared
 * once. Templates reach it as {@code @limits}.
 */
@Component("limits")
public class Limits {

	private final Validator validator;

	Limits(Validator validator) {
		this.validator = validator;
	}

	/** The most characters the form's field takes, or {@code null} when it says none. */
	public Integer max(Object form, String field) {
		if (form == null) {
			return null;
		}
		PropertyDescriptor property = this.validator.getConstraintsForClass(form.getClass())
			.getConstraintsForProperty(field);
		if (property == null) {
			return null;
		}
		return sizes(property.getConstraintDescriptors().stream()).findFirst().orElse(null);
	}

	/**
	 * The maxima of the {@code @Size}s among the constraints, and among those they are
	 * made of (a rule such as a new password's, declared once for every form).
	 */
	private static Stream<Integer> sizes(Stream<? extends ConstraintDescriptor<?>> constraints) {
		return constraints.flatMap((constraint) -> (constraint.getAnnotation() instanceof Size size)
				? Stream.of(size.max()) : sizes(constraint.getComposingConstraints().stream()));
	}

}
