package org.summittracker.shared;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
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
		return property.getConstraintDescriptors()
			.stream()
			.filter((constraint) -> constraint.getAnnotation() instanceof Size)
			.map((constraint) -> ((Size) constraint.getAnnotation()).max())
			.findFirst()
			.orElse(null);
	}

}
