package org.summittracker.browser;

import java.util.List;

/**
 * {@code /people/{handle}}: what a person maintains, their positions, concerns and
 * follow-ups.
 */
public class PersonPage extends Page {

	PersonPage(Reader reader) {
		super(reader);
	}

	public List<String> maintains() {
		return itemsOf("Maintains");
	}

	public List<String> positions() {
		return itemsOf("Positions");
	}

	public SubsystemPage opensSubsystem(String name) {
		return followsLink(name, SubsystemPage::new);
	}

}
