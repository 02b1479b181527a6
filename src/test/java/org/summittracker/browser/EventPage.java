package org.summittracker.browser;

import java.util.List;

/**
 * {@code /events/{event}}: the event's sessions in schedule order, each with its
 * readiness.
 */
public class EventPage extends Page {

	EventPage(Reader reader) {
		super(reader);
	}

	/** Each session as its card reads: title, proposal, readiness and what is missing. */
	public List<String> sessions() {
		return main().findElements(org.openqa.selenium.By.cssSelector(".sessions > li"))
			.stream()
			.map(org.openqa.selenium.WebElement::getText)
			.toList();
	}

	public SessionPage opensSession(String title) {
		return followsLink(title, SessionPage::new);
	}

}
