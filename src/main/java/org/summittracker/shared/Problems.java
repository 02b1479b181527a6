package org.summittracker.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.summittracker.shared.RuleViolation.Problem;

/**
 * The rules a change breaks, gathered so they are refused together (one
 * {@link RuleViolation}) rather than one at a time: a person correcting a form learns
 * every mistake in one answer.
 */
public final class Problems {

	private final List<Problem> found = new ArrayList<>();

	public void add(String field, String code, Object... args) {
		this.found.add(new Problem(field, code, args));
	}

	/**
	 * What {@code check} answers; {@code null} when it refuses, its problems kept with
	 * the others.
	 */
	public <T> T of(Supplier<T> check) {
		try {
			return check.get();
		}
		catch (RuleViolation ex) {
			this.found.addAll(ex.problems());
			return null;
		}
	}

	/** Runs {@code check}; when it refuses, its problems are kept with the others. */
	public void check(Runnable check) {
		of(() -> {
			check.run();
			return null;
		});
	}

	/** Whether none was found (so far). */
	public boolean none() {
		return this.found.isEmpty();
	}

	/** Refuses the change with every problem found, if any. */
	public void refuse() {
		if (!this.found.isEmpty()) {
			throw new RuleViolation(this.found);
		}
	}

}
