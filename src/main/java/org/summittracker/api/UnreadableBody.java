package org.summittracker.api;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Why a JSON body or a parameter could not be read, in words a client can act on: which
 * field or parameter has the wrong kind of value and what kind it takes, or where the
 * JSON stops being JSON. Never what the client sent: a field is named only when it is one
 * of the body's own (letters and digits), and a value is never quoted.
 */
record UnreadableBody(String message, Optional<String> field) {

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

	static Optional<UnreadableBody> of(Exception ex) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& FIELD_NAME.matcher(mismatch.getName()).matches()) {
			// a query parameter or a part of the address
			return Optional.of(new UnreadableBody(
					"The parameter " + mismatch.getName() + " takes " + kind(mismatch.getRequiredType()) + ".",
					Optional.of(mismatch.getName())));
		}
		if (!(ex instanceof HttpMessageNotReadableException) || ex.getCause() == null) {
			return Optional.empty();
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch) {
			return field(mismatch).map((field) -> new UnreadableBody(
					"The JSON body cannot be read: " + field + " takes " + kind(mismatch.getTargetType()) + ".",
					Optional.of(field)));
		}
		if (ex.getCause() instanceof StreamReadException malformed && malformed.getLocation() != null
				&& malformed.getLocation().getLineNr() > 0) {
			return Optional.of(new UnreadableBody("The JSON body is not well-formed JSON (line "
					+ malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ").",
					Optional.empty()));
		}
		return Optional.empty();
	}

	/**
	 * The field's path, as {@code concerns[2]}; empty when a part is not a plain name.
	 */
	private static Optional<String> field(MismatchedInputException mismatch) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : mismatch.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!FIELD_NAME.matcher(reference.getPropertyName()).matches()) {
					return Optional.empty();
				}
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? Optional.empty() : Optional.of(path.toString());
	}

	private static String kind(Class<?> type) {
		if (type == null) {
			return "another kind of value";
		}
		if (type == PersonHandle.class) {
			return "a handle, or a person with its handle";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ApiEnums.slug((Enum<?>) constant))
				.collect(Collectors.joining(", "));
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
			return "a number";
		}
		if (type == LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "a date and time (ISO 8601)";
		}
		return "an object";
	}

}
