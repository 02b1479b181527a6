package org.summittracker.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's lead links the slides of the Rust session on its material page, finds
 * them on the session page, corrects their title and withdraws them, so the demo session
 * reads at the end as it did (the LWN report alone).
 */
@BrowserTest
class MaterialJourneyBrowserTests {

	static final String SESSION_URL = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	@Test
	void theLeadAddsTheSlidesEditsThemAndWithdrawsThem(Reader reader) {
		reader.opensHome();
		reader.signsInAs("ojeda");
		SessionPage session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.section("Material")).contains("report", "Using Rust for kernel development");
		MaterialPage material = session.followsLink("All material, with what was withdrawn", MaterialPage::new);
		assertThat(material.heading()).isEqualTo("Material");

		material = material.adds("slides", "Rust for Linux, the slides", "https://example.org/rust-for-linux.pdf");
		assertThat(material.flash()).contains("Material added: Rust for Linux, the slides.");

		session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.section("Material")).contains("slides", "Rust for Linux, the slides");

		material = reader.visits(SESSION_URL + "/material", MaterialPage::new)
			.retitles("Rust for Linux, the slides", "Rust for Linux: the slides of the session");
		assertThat(material.flash()).contains("Material saved: Rust for Linux: the slides of the session.");
		session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.section("Material")).contains("Rust for Linux: the slides of the session");

		material = reader.visits(SESSION_URL + "/material", MaterialPage::new)
			.withdraws("Rust for Linux: the slides of the session", "A journey's slides");
		assertThat(material.text()).contains("Withdrawn: A journey's slides");
		session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.section("Material")).contains("Using Rust for kernel development")
			.doesNotContain("Rust for Linux: the slides of the session");
	}

}
