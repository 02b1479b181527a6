package org.summittracker.position;

import java.util.List;

/**
 * What someone states as a person's position: the stance and what qualifies it.
 *
 * @param handle whose position it is
 * @param stance the stance
 * @param conditions the conditions of a conditional ack, or null
 * @param rationale why (required for an opposition), or null
 * @param speaksFor the slug of one of the person's subsystems they speak for, or null
 * @param concernKeys keys of this session's concerns the position cites
 * @param expectedVersion the version of the position the form was filled against, or null
 * to take it as it is
 * @param proposal the key of the proposal (one the session discusses) it is a stance on,
 * or null for the session's main proposal
 */
public record PositionStatement(String handle, Stance stance, String conditions, String rationale, String speaksFor,
		List<String> concernKeys, Long expectedVersion, String proposal) {

	/**
	 * The expected version of a statement made when the person had no current position.
	 */
	public static final long NONE = -1;

	public PositionStatement {
		concernKeys = (concernKeys != null) ? List.copyOf(concernKeys) : List.of();
		conditions = blankToNull(conditions);
		rationale = blankToNull(rationale);
		speaksFor = blankToNull(speaksFor);
		proposal = blankToNull(proposal);
	}

	/** A stance on the session's main proposal. */
	PositionStatement(String handle, Stance stance, String conditions, String rationale, String speaksFor,
			List<String> concernKeys, Long expectedVersion) {
		this(handle, stance, conditions, rationale, speaksFor, concernKeys, expectedVersion, null);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
