package org.summittracker.position;

import java.time.Instant;
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
 * @param shownAt when the form was shown, for a statement made without the version of the
 * person's position (an organizer naming someone on the session page, which shows every
 * position): a position last changed then or before is the one the form was filled
 * against; null when unknown
 */
public record PositionStatement(String handle, Stance stance, String conditions, String rationale, String speaksFor,
		List<String> concernKeys, Long expectedVersion, String proposal, Instant shownAt) {

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

	/** A statement made without saying when its form was shown. */
	public PositionStatement(String handle, Stance stance, String conditions, String rationale, String speaksFor,
			List<String> concernKeys, Long expectedVersion, String proposal) {
		this(handle, stance, conditions, rationale, speaksFor, concernKeys, expectedVersion, proposal, null);
	}

	/** A stance on the session's main proposal. */
	PositionStatement(String handle, Stance stance, String conditions, String rationale, String speaksFor,
			List<String> concernKeys, Long expectedVersion) {
		this(handle, stance, conditions, rationale, speaksFor, concernKeys, expectedVersion, null, null);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
