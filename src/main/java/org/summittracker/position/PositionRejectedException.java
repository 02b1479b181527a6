package org.summittracker.position;

import java.util.List;

/**
 * A position that breaks a rule of its stance (or names something unknown); nothing was
 * saved.
 */
public class PositionRejectedException extends RuntimeException {

	private final List<Stance.Problem> problems;

	PositionRejectedException(List<Stance.Problem> problems) {
		super(problems.stream().map(Stance.Problem::message).reduce((a, b) -> a + " " + b).orElse("Invalid"));
		this.problems = List.copyOf(problems);
	}

	public List<Stance.Problem> problems() {
		return this.problems;
	}

}
