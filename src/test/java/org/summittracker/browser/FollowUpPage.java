package org.summittracker.browser;

/**
 * {@code /follow-ups/{id}}: one follow-up, its status and edit forms (for its owner and
 * organizers), its history.
 */
public class FollowUpPage extends Page {

	FollowUpPage(Reader reader) {
		super(reader);
	}

	/** The status badge's words, such as "Open" or "Done". */
	public String status() {
		return badges().get(0);
	}

	/** Chooses the new status and presses "Change the status". */
	public FollowUpPage marks(String status) {
		chooses("New status", status);
		return pressesButton("Change the status", FollowUpPage::new);
	}

	public String history() {
		return section("History");
	}

}
