package org.summittracker.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTests {

	@Test
	void findsTheSentenceLimitingAnAck() {
		assertThat(Conditions.find("Looks fine. This is fine if you take it through your tree. Thanks"))
			.isEqualTo("This is fine if you take it through your tree.");
		assertThat(Conditions.find("As long as the numbers hold up, fine by me."))
			.isEqualTo("As long as the numbers hold up, fine by me.");
		assertThat(Conditions.find("With that fixed, feel free to add")).isEqualTo("With that fixed, feel free to add");
		assertThat(Conditions.find("Provided that the docs are updated in the same series."))
			.startsWith("Provided that");
	}

	@Test
	void plainPraiseOrAnIfAboutSomethingElseIsNoCondition() {
		assertThat(Conditions.find("Looks good to me. Thanks for doing this!")).isNull();
		assertThat(Conditions.find("If you want, I can test the next one too.")).isNull();
		assertThat(Conditions.find("")).isNull();
		assertThat(Conditions.find(null)).isNull();
	}

}
