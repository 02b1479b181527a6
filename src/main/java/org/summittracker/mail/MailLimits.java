package org.summittracker.mail;

/**
 * How much mail one import reads: more is refused, not truncated, so nothing is saved
 * from a thread read in part.
 *
 * @param maxBytes the most bytes of mbox text (after decompressing)
 * @param maxMessages the most messages in one thread
 * @param maxBodyChars the most characters of one mail's text read for trailers
 */
public record MailLimits(long maxBytes, int maxMessages, int maxBodyChars) {

	/** What one upload or paste may hold: a long thread, not an archive. */
	public static final MailLimits DEFAULT = new MailLimits(8L * 1024 * 1024, 1_000, 256 * 1024);

}
