package org.summittracker.browser;

import java.util.List;

/**
 * {@code /subsystems/{slug}}: maintainers and reviewers, and the sessions waiting on
 * them.
 */
public class SubsystemPage extends Page {

	SubsystemPage(Reader reader) {
		super(reader);
	}

	public List<String> maintainers() {
		return itemsOf("Maintainers and reviewers");
	}

	public List<String> sessionsAffectingIt() {
		return itemsOf("Sessions affecting it");
	}

	public SessionPage opensSession(String title) {
		return followsLink(title, SessionPage::new);
	}

}
