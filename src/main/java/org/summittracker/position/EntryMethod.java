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
	BY_MAIL

}
