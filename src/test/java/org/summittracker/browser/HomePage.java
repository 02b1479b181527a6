package org.summittracker.browser;

import java.util.List;

/** {@code /}: recent events, and what waits on the signed-in person. */
public class HomePage extends Page {

	HomePage(Reader reader) {
		super(reader);
	}

	public List<String> recentEvents() {
		return itemsOf("Recent events");
	}

	public EventPage opensEvent(String name) {
		return followsLink(name, EventPage::new);
	}

}
