package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader asks "what did we say about toolchain stability?": searches from the header,
 * narrows the results to concerns, and opens the one they meant.
 */
@BrowserTest
class SearchJourneyBrowserTests {

	@Test
	void readerSearchesFromTheHeaderRefinesByKindAndOpensAResult(Reader reader) {
		Page results = reader.opensHome()
			.fillsIn("Search every summit", "toolchain stability")
			.pressesButton("Search", Page::new);
		assertThat(results.path()).isEqualTo("/search?q=toolchain+stability");
		assertThat(results.heading()).isEqualTo("Search");
		assertThat(results.text()).contains("Concerns", "Requires the newest Rust compiler and unstable features");

		Page concerns = results.chooses("Kind", "Concerns").pressesButton("Show results", Page::new);
		assertThat(concerns.text()).contains("Requires the newest Rust compiler and unstable features")
			.doesNotContain("Discussion notes (");
		assertThat(reader.driver().getCurrentUrl()).contains("kind=concerns").contains("q=toolchain");

		Page concern = concerns.followsLink("Requires the newest Rust compiler", Page::new);
		assertThat(concern.path()).isEqualTo(
				"/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development/concerns/toolchain-stability");
	}

}
