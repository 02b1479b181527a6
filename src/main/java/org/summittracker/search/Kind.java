package org.summittracker.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a search finds, in the order results are grouped; its word in the URL
 * ({@code kind=concerns}) and its heading ({@code search.kind.<NAME>}).
 */
public enum Kind {

	SESSION("sessions", true), PROPOSAL("proposals", true), NOTE("notes", true), CONCERN("concerns", true),
	RESPONSE("responses", true), RESOLUTION("resolutions", true), FOLLOW_UP("follow-ups", true),
	PERSON("people", false), SUBSYSTEM("subsystems", false);

	private final String param;

	private final boolean inEvents;

	Kind(String param, boolean inEvents) {
		this.param = param;
		this.inEvents = inEvents;
	}

	/** The word in the URL. */
	public String word() {
		return this.param;
	}

	/** Whether it belongs to an event, so that the event and year filters apply. */
	boolean inEvents() {
		return this.inEvents;
	}

	static Optional<Kind> ofParam(String param) {
		String word = param.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((kind) -> kind.param.equals(word)).findFirst();
	}

}
