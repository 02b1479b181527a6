package org.summittracker.shared;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A change the domain refuses: it breaks one or more rules. Nothing was changed. Each
 * {@link Problem} names the form field it belongs to ({@code null} for none) and a
 * message code of {@code messages.properties} with its arguments, so the words live with
 * every other visible text and the page shows each next to its field (see
 * {@link FormSubmission}).
 */
public class RuleViolation extends RuntimeException {

	/** One broken rule: the field at fault, and what to say, as a message code. */
	public record Problem(String field, String code, Object... args) {

	}

	private final List<Problem> problems;

	public RuleViolation(String field, String code, Object... args) {
		this(List.of(new Problem(field, code, args)));
	}

	public RuleViolation(List<Problem> problems) {
		super(problems.stream().map(Problem::code).collect(Collectors.joining(", ")));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A rule violation needs a problem");
		}
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** Whether one of the problems is the given message code. */
	public boolean says(String code) {
		return this.problems.stream().anyMatch((problem) -> problem.code().equals(code));
	}

	/**
	 * The same problems, those of field {@code from} on field {@code to}: where a form
	 * takes the same thing in two fields (a concern checked, or typed by its key), the
	 * one it came from.
	 */
	public RuleViolation on(String from, String to) {
		return new RuleViolation(this.problems.stream()
			.map((problem) -> from.equals(problem.field()) ? new Problem(to, problem.code(), problem.args()) : problem)
			.toList());
	}

	/**
	 * Puts the problems on the form: each next to its field when the form has it, above
	 * the form otherwise. A field the form already says a mistake of (a value that did
	 * not bind, a text too long) keeps that one, which says it better; a message already
	 * above the form is not said twice.
	 */
	public void rejectOn(BindingResult form) {
		Set<String> said = form.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
		Set<String> above = form.getGlobalErrors().stream().map(ObjectError::getCode).collect(Collectors.toSet());
		for (Problem problem : this.problems) {
			if (problem.field() != null && form.getFieldType(problem.field()) != null) {
				if (!said.contains(problem.field())) {
					form.rejectValue(problem.field(), problem.code(), problem.args(), null);
				}
			}
			else if (!above.contains(problem.code())) {
				form.reject(problem.code(), problem.args(), null);
			}
		}
	}

}
