package org.summittracker.directory;

/**
 * What an organizer writes about a person.
 *
 * @param handle unique, URL-safe; blank: made from the name
 * @param name one line
 * @param email or blank
 * @param affiliation or blank
 */
public record PersonDraft(String handle, String name, String email, String affiliation) {

}
