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

	/**
	 * Whether its condition was given in another mail than the one it rests on (an ack
	 * the author carried forward unchanged keeps the condition of the reply it was given
	 * in).
	 */
	public boolean conditionGivenElsewhere() {
		return this.mail.conditionMessageId() != null && !this.mail.conditionMessageId().equals(this.mail.messageId());
	}

	/** The lore permalink of the mail its condition was given in. */
	public String conditionLink() {
		return MailMessage.permalink(this.mail.conditionMessageId());
	}

}
