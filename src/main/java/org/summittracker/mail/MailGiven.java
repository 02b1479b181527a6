package org.summittracker.mail;

import org.summittracker.position.MailEvidence;
import org.summittracker.position.Stance;

/**
 * A current position that rests on a mail, as the mail page and the minutes list it.
 *
 * @param handle whose
 * @param name their name
 * @param email their address
 * @param stance the stance
 * @param conditions a conditional ack's condition
 * @param rationale an opposition's rationale
 * @param mail the mail it rests on
 */
public record MailGiven(String handle, String name, String email, Stance stance, String conditions, String rationale,
		MailEvidence mail) {

	/** The lore permalink of the mail. */
	public String link() {
		return MailMessage.permalink(this.mail.messageId());
	}

}
