package org.summittracker.mail;

import java.time.Instant;
import java.util.List;

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

	/**
	 * The lore permalink of a message: lore finds any list's message by its Message-ID.
	 * Characters a path cannot hold ({@code /}, {@code %}, {@code ?}, {@code #}, space,
	 * anything not ASCII) are percent-encoded, as lore does.
	 */
	public static String permalink(String messageId) {
		StringBuilder path = new StringBuilder("https://lore.kernel.org/r/");
		for (byte b : messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
				path.append(c);
			}
			else {
				path.append('%').append(String.format("%02X", (int) c));
			}
		}
		return path.toString();
	}

	/** The message this one answers: In-Reply-To, else the last of References. */
	public String parentId() {
		if (this.inReplyTo != null) {
			return this.inReplyTo;
		}
		return this.references.isEmpty() ? null : this.references.get(this.references.size() - 1);
	}

	/** A patch of a series (or a lone patch), posted by its author: not a reply. */
	public boolean isPatch() {
		return this.subject.patch() && !this.subject.reply() && !this.subject.isCoverLetter();
	}

}
