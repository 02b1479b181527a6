package org.summittracker.mail;

import org.summittracker.position.MailEvidence;
import org.summittracker.position.Stance;

/**
 * A current position that rests on a mail, as the mail page and the minutes list it.
 *
 * @param proposal the key of the proposal it is a stance on
 * @param handle whose
 * @param name their name
 * @param email their address
 * @param stance the stance
 * @param conditions a conditional ack's condition
 * @param rationale an opposition's rationale
 * @param mail the mail it rests on
 * @param postedSince the newest version of the series posted since the one it was given
 * on, or {@code null}
 */
public record MailGiven(String proposal, String handle, String name, String email, Stance stance, String conditions,
		String rationale, MailEvidence mail, Integer postedSince) {

	/** The lore permalink of the mail. */
	public String link() {
		return MailMessage.permalink(this.mail.messageId());
	}

}
