package org.summittracker.position;

/**
 * A position read from a mail, as the importer confirmed it.
 *
 * @param handle whose position
 * @param stance the stance, as read or as corrected in the preview
 * @param conditions a conditional ack's condition
 * @param rationale an opposition's rationale
 * @param evidence the mail it rests on
 */
public record MailStatement(String handle, Stance stance, String conditions, String rationale, MailEvidence evidence) {

}
