package org.summittracker.position;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a position given by mail rests on: the trailer ({@code ACKED}, {@code REVIEWED},
 * {@code TESTED}, {@code NACKED}), the Message-ID of the mail holding it, the series
 * version it was given on (for a trailer the author carried: the version carrying it, and
 * the version first given on when the patch's notes say), and a Tested-by's note.
 *
 * @param trailer the trailer kind's name
 * @param messageId the Message-ID, without angle brackets
 * @param version the series version it was given on
 * @param firstGivenOn for a carried trailer, the version first given on, or {@code null}
 * @param carried whether the patch's author carried it
 * @param note a note (Tested-by, the trailer's {@code # note}), or {@code null}
 * @param series the series' summary without version ({@code driver core: add a helper}),
 * the same in all its versions; {@code null} when the thread held no mail of the series
 * (and for positions imported before it was kept)
 * @param address the address the trailer gave, as written; {@code null} for positions
 * imported before it was kept
 * @param conditionMessageId for a conditional ack, the Message-ID of the mail its
 * condition was given in: the mail it rests on, or for an ack the author carried forward
 * unchanged, the earlier reply it kept the condition of; {@code null} for any other
 * position (and for a carried one imported before it was kept whose mail was not known)
 * @param conditionGivenOn the series version that condition was given on, {@code null}
 * with {@code conditionMessageId}
 */
@Embeddable
public record MailEvidence(@Column(name = "mail_trailer") String trailer,
		@Column(name = "mail_message_id") String messageId, @Column(name = "mail_version") Integer version,
		@Column(name = "mail_first_given_on") Integer firstGivenOn, @Column(name = "mail_carried") Boolean carried,
		@Column(name = "mail_note") String note, @Column(name = "mail_series") String series,
		@Column(name = "mail_address") String address,
		@Column(name = "mail_condition_message_id") String conditionMessageId,
		@Column(name = "mail_condition_given_on") Integer conditionGivenOn) {

	/**
	 * What a position given by mail rests on, for a stance whose condition (if any) was
	 * not given in another mail.
	 */
	public MailEvidence(String trailer, String messageId, Integer version, Integer firstGivenOn, Boolean carried,
			String note, String series, String address) {
		this(trailer, messageId, version, firstGivenOn, carried, note, series, address, null, null);
	}

	/**
	 * The same evidence, its condition given in mail {@code messageId} on version
	 * {@code givenOn}.
	 */
	public MailEvidence conditionGivenIn(String messageId, Integer givenOn) {
		return new MailEvidence(this.trailer, this.messageId, this.version, this.firstGivenOn, this.carried, this.note,
				this.series, this.address, messageId, givenOn);
	}

	/**
	 * The lore permalink of a message: lore finds any list's message by its Message-ID.
	 * Characters a path cannot hold ({@code /}, {@code %}, {@code ?}, {@code #}, space,
	 * anything not ASCII) are percent-encoded.
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

	/**
	 * Whether this evidence and another are of one series: the same series name, or
	 * either's unknown.
	 */
	public boolean sameSeries(String otherSeries) {
		return this.series == null || otherSeries == null || this.series.equalsIgnoreCase(otherSeries);
	}

	/** The trailer as minutes write it: {@code Reviewed-by} stays Reviewed-by. */
	public String trailerLabel() {
		return switch (this.trailer) {
			case "REVIEWED" -> "Reviewed-by";
			case "TESTED" -> "Tested-by";
			case "NACKED" -> "Nacked-by";
			default -> "Acked-by";
		};
	}

}
