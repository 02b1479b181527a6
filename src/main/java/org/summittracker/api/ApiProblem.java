package org.summittracker.api;

/**
 * What an API request can be refused for beyond the domain's own exceptions; each is
 * answered as a problem detail by {@link ApiProblems}.
 */
abstract class ApiProblem extends RuntimeException {

	ApiProblem(String detail) {
		super(detail);
	}

	/** A query parameter or header that cannot be used: 400, naming it. */
	static final class BadParameter extends ApiProblem {

		private final String parameter;

		BadParameter(String parameter, String detail) {
			super(detail);
			this.parameter = parameter;
		}

		String parameter() {
			return this.parameter;
		}

	}

	/** A change that needs {@code If-Match} came without it: 428. */
	static final class VersionRequired extends ApiProblem {

		VersionRequired(String detail) {
			super(detail);
		}

	}

	/**
	 * An {@code Idempotency-Key} reused for a different request, or for one still being
	 * answered: 422 or 409.
	 */
	static final class KeyReused extends ApiProblem {

		private final boolean inProgress;

		KeyReused(boolean inProgress, String detail) {
			super(detail);
			this.inProgress = inProgress;
		}

		boolean inProgress() {
			return this.inProgress;
		}

	}

	/** Filters of a list that name nothing or cannot be used: 400, naming them. */
	static final class BadFilters extends ApiProblem {

		private final org.summittracker.shared.RuleViolation violation;

		BadFilters(org.summittracker.shared.RuleViolation violation) {
			super(violation.getMessage());
			this.violation = violation;
		}

		org.summittracker.shared.RuleViolation violation() {
			return this.violation;
		}

	}

}
