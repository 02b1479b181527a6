package org.summittracker.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Bluetooth maintainer (not in the room, so "no record" in the demo) marks their buy-in
 * on the Rust session and sees readiness change; trying to set a co-maintainer's position
 * is refused. They withdraw it at the end, which leaves the demo session reading as
 * before (the withdrawal stays in the timeline).
 */
@BrowserTest
class BuyInJourneyBrowserTests {

	static final String SESSION_URL = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	static final String BLUETOOTH_PENDING = "Bluetooth subsystem: no maintainer has acked (hedberg: no record; "
			+ "vondentz: no record; holtmann: no record)";

	@Test
	void aMaintainerMarksTheirBuyInAndSeesReadinessChange(Reader reader) {
		reader.signsInAs("hedberg");
		SessionPage session = reader.visits(SESSION_URL, SessionPage::new);
		assertThat(session.missing()).contains(BLUETOOTH_PENDING);

		session.ticks("Supports (Acked-by)");
		session.chooses("Speaking for", "Bluetooth subsystem");
		session = session.pressesButton("Save the position", SessionPage::new);
		assertThat(session.path()).isEqualTo(SESSION_URL);
		assertThat(session.flash()).isEqualTo("Your position is saved.");
		assertThat(session.missing()).doesNotContain(BLUETOOTH_PENDING)
			.noneMatch((line) -> line.startsWith("Bluetooth subsystem"));
		assertThat(session.readiness()).contains("NOT READY", "Bluetooth subsystem: acked by hedberg");
		assertThat(session.itemsOf("Buy-in")).anySatisfy((row) -> assertThat(row).contains("hedberg", "Acked-by",
				"Bluetooth subsystem", "By Johan Hedberg themself"));

		// Bad input changes nothing and says why, next to the field.
		session.ticks("Opposes (Nacked-by, rationale required)");
		session = session.pressesButton("Save the position", SessionPage::new);
		assertThat(session.flash()).contains("not saved");
		assertThat(session.text()).contains("Give a rationale: a Nacked-by must say why.");
		assertThat(reader.visits(SESSION_URL, SessionPage::new).readiness())
			.contains("Bluetooth subsystem: acked by hedberg");

		// The same form, sent for a co-maintainer (as a crafted request would), is
		// refused by the server.
		session = reader.visits(SESSION_URL, SessionPage::new);
		WebElement form = reader.find(By.cssSelector("form.position-form"));
		reader.driver()
			.executeScript("const i = document.createElement('input'); i.type = 'hidden'; i.name = 'person';"
					+ " i.value = 'holtmann'; arguments[0].appendChild(i);", form);
		Page refused = session.pressesButton("Save the position", Page::new);
		assertThat(refused.heading()).isEqualTo("Not allowed");
		assertThat(refused.text()).contains("only organizers may record one for holtmann");
		assertThat(reader.visits(SESSION_URL, SessionPage::new).missing()).doesNotContain(BLUETOOTH_PENDING);

		PositionPage position = reader.visits(SESSION_URL + "/positions/hedberg", PositionPage::new);
		assertThat(position.heading()).isEqualTo("Position of Johan Hedberg");
		assertThat(position.timeline()).singleElement().asString().contains("none → Acked-by", "Bluetooth subsystem");

		session = position.withdraws();
		assertThat(session.missing()).contains(BLUETOOTH_PENDING);
		assertThat(reader.visits(SESSION_URL + "/positions/hedberg", PositionPage::new).timeline()).hasSize(2)
			.first()
			.asString()
			.contains("Acked-by → withdrawn");
	}

}
