package org.summittracker.concern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys derived from titles follow the rule of event slugs and handles. */
class ConcernKeyTests {

	@Test
	void accentsFallAwayAndLeaveTheirLetters() {
		assertThat(ConcernLifecycle.derivedKey("Sandonís asks: Rust über alles?"))
			.isEqualTo("sandonis-asks-rust-uber-alles");
	}

	@Test
	void aTitleWithoutLettersOrTheFormsAddressGetsAKeyOfItsOwn() {
		assertThat(ConcernLifecycle.derivedKey("!!!")).isEqualTo("concern");
		assertThat(ConcernLifecycle.derivedKey("New")).isEqualTo("new-concern");
	}

	@Test
	void longTitlesAreCutAtAWordBoundaryWithinSixtyCharacters() {
		assertThat(ConcernLifecycle.derivedKey("word ".repeat(30))).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-");
	}

}
