package org.summittracker.position;

/**
 * How a position came to be recorded.
 */
public enum EntryMethod {

	/** Said in the session and entered by a note-taker or organizer. */
	STATED_IN_SESSION,

	/** Entered or confirmed by the person themselves. */
	BY_MAINTAINER

}
