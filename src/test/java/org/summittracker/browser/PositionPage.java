package org.summittracker.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /events/{event}/sessions/{session}/positions/{handle}}: one person's position
 * and its timeline.
 */
public class PositionPage extends Page {

	PositionPage(Reader reader) {
		super(reader);
	}

	/** The timeline's rows, newest first, one string each. */
	public List<String> timeline() {
		return main().findElements(By.cssSelector("table.position-changes tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Presses "Withdraw this position" and lands on the session page. */
	public SessionPage withdraws() {
		return pressesButton("Withdraw this position", SessionPage::new);
	}

}
