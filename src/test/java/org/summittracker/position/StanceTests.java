package org.summittracker.position;

import org.junit.jupiter.api.Test;

import org.summittracker.shared.RuleViolation.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class StanceTests {

	@Test
	void aConditionalAckNeedsItsConditions() {
		assertThat(Stance.SUPPORTS_WITH_CONDITIONS.problems(null, null, 0)).extracting(Problem::field)
			.containsExactly("conditions");
		assertThat(Stance.SUPPORTS_WITH_CONDITIONS.problems("  ", null, 0)).hasSize(1);
		assertThat(Stance.SUPPORTS_WITH_CONDITIONS.problems("tests first", null, 0)).isEmpty();
	}

	@Test
	void concernedNeedsAtLeastOneConcern() {
		assertThat(Stance.CONCERNED.problems(null, null, 0)).extracting(Problem::field).containsExactly("concerns");
		assertThat(Stance.CONCERNED.problems(null, null, 1)).isEmpty();
	}

	@Test
	void opposingNeedsARationale() {
		assertThat(Stance.OPPOSES.problems(null, null, 2)).extracting(Problem::field).containsExactly("rationale");
		assertThat(Stance.OPPOSES.problems(null, "\t", 0)).hasSize(1);
		assertThat(Stance.OPPOSES.problems(null, "not until stable Rust", 0)).isEmpty();
	}

	@Test
	void theOtherStancesNeedNothing() {
		for (Stance stance : new Stance[] { Stance.SUPPORTS, Stance.NO_OBJECTION, Stance.UNDECIDED }) {
			assertThat(stance.problems(null, null, 0)).as(stance.name()).isEmpty();
		}
	}

	@Test
	void onlySupportCountsAsAnAckAndTheLabelsCarryTheKernelWords() {
		assertThat(Stance.SUPPORTS.isAck()).isTrue();
		assertThat(Stance.SUPPORTS_WITH_CONDITIONS.isAck()).isTrue();
		assertThat(Stance.NO_OBJECTION.isAck()).isFalse();
		assertThat(Stance.OPPOSES.isAck()).isFalse();
		assertThat(Stance.SUPPORTS.label()).isEqualTo("Acked-by");
		assertThat(Stance.OPPOSES.label()).isEqualTo("Nacked-by");
	}

}
