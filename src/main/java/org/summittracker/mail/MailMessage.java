package org.summittracker.mail;

import java.time.Instant;
import java.util.List;

import org.summittracker.position.MailEvidence;

/**
 * One mail of a thread, as read from its headers and its plain-text body.
 *
 * @param messageId the Message-ID without angle brackets, or {@code null} when missing
 * @param inReplyTo the Message-ID it answers, or {@code null}
 * @param references the Message-IDs of the References header, oldest first
 * @param fromName the sender's name, RFC 2047 words decoded (may be empty)
 * @param fromAddress the sender's address, lower case, or {@code null}
 * @param date when it was sent, or {@code null} when the Date header is missing or
 * unreadable
 * @param subject the subject read as a patch subject
 * @param body the plain-text body, transfer encoding and charset decoded
 */
public record MailMessage(String messageId, String inReplyTo, List<String> references, String fromName,
		String fromAddress, Instant date, PatchSubject subject, String body) {

	/** The lore permalink of a message (see {@link MailEvidence#permalink}). */
	public static String permalink(String messageId) {
		return MailEvidence.permalink(messageId);
	}

	/** The message this one answers: In-Reply-To, else the last of References. */
	public String parentId() {
		if (this.inReplyTo != null) {
			return this.inReplyTo;
		}
		return this.references.isEmpty() ? null : this.references.get(this.references.size() - 1);
	}

	private static final java.util.regex.Pattern DIFF = java.util.regex.Pattern
		.compile("(?m)^(diff --git |--- a/|\\+\\+\\+ b/|Index: |GIT binary patch)");

	/**
	 * A patch of a series (or a lone patch), posted by its author: not a reply, not a
	 * cover letter, and not a {@link #isFollowUp() follow-up}.
	 */
	public boolean isPatch() {
		return this.subject.patch() && !this.subject.reply() && !this.subject.isCoverLetter() && !isFollowUp();
	}

	/**
	 * A reply whose mailer dropped the {@code Re:}: it answers a mail of the thread, has
	 * a patch's subject and holds no diff (b4 reads it as a reply too).
	 */
	public boolean isFollowUp() {
		return this.subject.patch() && !this.subject.reply() && !this.subject.isCoverLetter() && parentId() != null
				&& (this.body == null || !DIFF.matcher(this.body).find());
	}

	/** A patch or a cover letter: a mail of the series itself, not about it. */
	public boolean ofSeries() {
		return isPatch() || this.subject.isCoverLetter();
	}

}
