package org.summittracker.concern;

/**
 * A concern change breaks a rule (a missing note, an unknown category, a key already
 * taken, a status it cannot move to). Nothing was changed; the message says why in words,
 * and {@link #field()} names the form field it belongs to ({@code null} when it belongs
 * to none).
 */
public class ConcernRejected extends RuntimeException {

	private final String field;

	public ConcernRejected(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
