package org.summittracker.mail;

import java.time.Instant;
import java.util.Set;

import org.summittracker.position.Stance;

/**
 * What one trailer in a thread says about one person's buy-in, before anyone confirms it.
 *
 * @param trailer the trailer as written (for a bare NACK: the sender's name and address)
 * @param carried whether the patch's author carried it (given on an earlier version),
 * rather than the person giving it in a reply
 * @param stance the position it reads as: Acked-by and Reviewed-by support, with
 * conditions when the mail states one, Nacked-by opposes; {@code null} for Tested-by,
 * which is a note, not a stance
 * @param condition the sentence limiting an ack, or {@code null}
 * @param rationale a Nack's text (the mail's own words), or {@code null} when the mail
 * has none
 * @param version the series version it was given on (for a carried trailer: the version
 * carrying it)
 * @param firstGivenOn for a carried trailer, the version it was first given on when the
 * patch's notes say so, else {@code null}
 * @param on which mail of the series it answers ({@code v3 2/5 driver core: ...})
 * @param messageId the Message-ID of the mail holding it
 * @param sentAt when that mail was sent, or {@code null}
 * @param senderName who sent that mail
 * @param senderAddress the sender's address (differs from the trailer's when someone
 * passes on another person's trailer)
 * @param paths the files the mail it answers (or the patch carrying it) touches: a
 * patch's own, the whole series' for its cover letter; empty when that mail is not in the
 * thread
 * @param conditionGivenOn for a carried trailer that keeps the condition its giver stated
 * on an earlier version, that version, else {@code null}
 * @param conditionMessageId the Message-ID of the mail stating that condition (or of the
 * mail the position that kept it rests on), else {@code null}
 */
public record Reading(Trailer trailer, boolean carried, Stance stance, String condition, String rationale, int version,
		Integer firstGivenOn, String on, String messageId, Instant sentAt, String senderName, String senderAddress,
		Set<String> paths, Integer conditionGivenOn, String conditionMessageId) {

	/**
	 * The same carried trailer, keeping the condition its giver stated with it on version
	 * {@code givenOn} (in the mail {@code conditionMessageId}): an ack the author carried
	 * forward unchanged still holds what it was given with. {@code firstGivenOn} is the
	 * version the trailer was first given on, where the patch's notes do not say.
	 */
	Reading keeping(String keptCondition, int givenOn, String keptFrom, Integer firstGiven) {
		return new Reading(this.trailer, this.carried, Stance.SUPPORTS_WITH_CONDITIONS, keptCondition, this.rationale,
				this.version, (this.firstGivenOn != null) ? this.firstGivenOn : firstGiven, this.on, this.messageId,
				this.sentAt, this.senderName, this.senderAddress, this.paths, givenOn, keptFrom);
	}

	/**
	 * Whether it is a trailer the author carried, of a kind an ack's condition goes with,
	 * read without a condition of its own.
	 */
	boolean mayKeepACondition() {
		return this.carried && this.condition == null && this.trailer.address() != null
				&& (this.trailer.kind() == Trailer.Kind.ACKED || this.trailer.kind() == Trailer.Kind.REVIEWED);
	}

	/** The lore permalink of the mail stating the condition it keeps, or {@code null}. */
	public String conditionLink() {
		return (this.conditionMessageId != null) ? MailMessage.permalink(this.conditionMessageId) : null;
	}

	/** The trailer's address is not the sender's: shown, never silently settled. */
	public boolean senderMismatch() {
		return !this.carried && this.senderAddress != null && this.trailer.address() != null
				&& !this.senderAddress.equalsIgnoreCase(this.trailer.address());
	}

	/** A Tested-by: a note on the position, no stance. */
	public boolean noteOnly() {
		return this.stance == null;
	}

	/** The lore permalink of the mail holding it. */
	public String link() {
		return (this.messageId != null) ? MailMessage.permalink(this.messageId) : null;
	}

	/** The note a Tested-by adds to a position: {@code Tested-by on v3 (note)}. */
	public String note() {
		return (this.trailer.kind() == Trailer.Kind.TESTED) ? "Tested-by on v" + this.version
				+ ((this.trailer.note() != null) ? " (" + this.trailer.note() + ")" : "") : this.trailer.note();
	}

}
