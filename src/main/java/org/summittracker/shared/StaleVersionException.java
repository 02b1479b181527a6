package org.summittracker.shared;

/**
 * A form was filled in against an older version of what it changes: someone saved it
 * since. Nothing was saved; answered with 409 and the current state (see
 * {@link FormSubmission}).
 */
public class StaleVersionException extends RuntimeException {

	private final String entity;

	private final Object id;

	/**
	 * @param entity what changed, such as {@code Concern}
	 * @param id which one: its id, or whatever names it
	 */
	public StaleVersionException(String entity, Object id) {
		super(entity + " " + id + " was changed by someone else");
		this.entity = entity;
		this.id = id;
	}

	public String entity() {
		return this.entity;
	}

	public Object id() {
		return this.id;
	}

}
