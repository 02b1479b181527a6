package org.summittracker.position;

/**
 * How a position came to be recorded.
 */
public enum EntryMethod {

	/** Said in the session and entered by a note-taker or organizer. */
	STATED_IN_SESSION,

	/** Entered or confirmed by the person themselves. */
	BY_MAINTAINER,

	/**
	 * Read from a trailer in a mail to the list ({@code Acked-by:} ...), imported by an
	 * organizer or the session's lead.
	 */
	BY_MAIL;

	/**
	 * What every page says of how one change of a position was entered (the timelines):
	 * “Stated in session, entered by Jonathan Corbet”, “By Kalle Valo themself”, “By
	 * mail, imported by Jonathan Corbet”.
	 * @param enteredBy the name of who entered it
	 */
	public Words words(String enteredBy) {
		return switch (this) {
			case STATED_IN_SESSION -> new Words("buyin.how.stated", enteredBy);
			case BY_MAINTAINER -> new Words("buyin.how.by-maintainer", enteredBy);
			case BY_MAIL -> new Words("position.entered.by-mail", enteredBy);
		};
	}

	/**
	 * What every page says of how a position stands entered (its page's facts, the buy-in
	 * tables, a person's positions): as {@link #words(String)}, and for one stated in a
	 * session whether its person confirmed it since.
	 * @param enteredBy the name of who entered it
	 * @param confirmed whether the person confirmed what was entered for them
	 * @param handle the person's handle
	 */
	public Words words(String enteredBy, boolean confirmed, String handle) {
		if (this != STATED_IN_SESSION) {
			return words(enteredBy);
		}
		return confirmed ? new Words("position.entered.confirmed", enteredBy, handle)
				: new Words("position.entered.unconfirmed", enteredBy);
	}

	/**
	 * Words of {@code messages.properties}: pages show them with
	 * {@code #messages.msgWithParams(words.code, words.args)}.
	 */
	public record Words(String code, Object... args) {

	}

}
