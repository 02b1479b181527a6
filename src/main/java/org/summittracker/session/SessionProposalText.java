package org.summittracker.session;

/**
 * An organizer wrote what a session decides on its form (creating it, or changing that
 * text): the text is its main proposal's statement, which the proposals module keeps
 * (making the main proposal from it when the session discusses none yet).
 *
 * @param sessionId the session
 * @param text what is being decided, as written
 * @param username who wrote it
 */
public record SessionProposalText(Long sessionId, String text, String username) {
}
