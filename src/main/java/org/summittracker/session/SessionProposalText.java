package org.summittracker.session;

/**
 * An organizer changed what a session decides on its form: the text is its main
 * proposal's statement, which the proposals module keeps in step.
 *
 * @param sessionId the session
 * @param text what is being decided, as written
 * @param username who wrote it
 */
public record SessionProposalText(Long sessionId, String text, String username) {
}
