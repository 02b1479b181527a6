package org.summittracker.feed;

import java.time.Instant;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One entry of the audit trail as a feed shows it: what changed in words, where, by whom,
 * and the permalink of what changed.
 *
 * @param concernKey the concern's key when a concern changed
 * @param resolutionSeq the resolution's number when a resolution changed
 * @param positionHandle whose position changed, when one did
 */
record Change(long id, Instant at, String actor, String action, String entityType, Long entityId, String summary,
		String eventSlug, String eventName, String sessionSlug, String sessionTitle, String concernKey,
		Integer resolutionSeq, String positionHandle) {

	/** The permalink of what changed, as a path. */
	String path() {
		String session = UriComponentsBuilder.fromPath("/events/{e}/sessions/{s}")
			.buildAndExpand(this.eventSlug, this.sessionSlug)
			.encode()
			.toUriString();
		if (this.concernKey != null) {
			return session + "/concerns/" + this.concernKey;
		}
		if (this.resolutionSeq != null) {
			return session + "/resolutions/" + this.resolutionSeq;
		}
		if (this.positionHandle != null) {
			return session + "/positions/" + this.positionHandle;
		}
		if ("FollowUp".equals(this.entityType) && this.entityId != null) {
			return "/follow-ups/" + this.entityId;
		}
		return session;
	}

	/**
	 * The action in words: {@code CONCERN_STATUS_CHANGED} as "Concern status changed".
	 */
	String actionInWords() {
		String words = this.action.toLowerCase(Locale.ROOT).replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
