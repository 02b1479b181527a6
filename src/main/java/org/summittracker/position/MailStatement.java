package org.summittracker.position;

/**
 * A position read from a mail, as the importer confirmed it.
 *
 * @param proposal the key of the proposal it is a stance on (none: the session's main
 * proposal)
 * @param handle whose position
 * @param stance the stance, as read or as corrected in the preview
 * @param conditions a conditional ack's condition
 * @param rationale an opposition's rationale
 * @param evidence the mail it rests on
 * @param speaksFor the ids of the subsystems it speaks for (none: every one of theirs the
 * proposal affects)
 */
public record MailStatement(String proposal, String handle, Stance stance, String conditions, String rationale,
		MailEvidence evidence, java.util.List<Long> speaksFor) {

}
