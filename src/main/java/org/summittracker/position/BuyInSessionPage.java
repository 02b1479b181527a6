package org.summittracker.position;

import org.springframework.ui.Model;

import org.summittracker.session.Session;

/**
 * The session page, where the buy-in form lives: the buy-in routes re-render it with
 * their errors. The session page brings every feature together, so it is drawn outside
 * this module, which declares only what it needs of it.
 */
public interface BuyInSessionPage {

	/** The session, or a 404. */
	Session find(String event, String slug);

	/** Fills the model for the session page and answers its view name. */
	String render(Session session, Model model);

}
