package org.summittracker.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.summittracker.account.Actor;

import org.summittracker.shared.HistoryEntry;

/**
 * Read models of concerns, each filled by one query.
 */
public final class ConcernViews {

	private ConcernViews() {
	}

	/** A concern as listed on a session page. */
	public record ConcernSummary(Long id, Long sessionId, String key, String title, String categoryName,
			String raiserHandle, String raiserName, ConcernStatus status, boolean blocking, long responses) {

		public boolean isOpen() {
			return this.status == ConcernStatus.OPEN;
		}

		public boolean isOpenAndBlocking() {
			return isOpen() && this.blocking;
		}

		/** The page of the person who raised it. */
		public String getRaiserPath() {
			return "/people/" + this.raiserHandle;
		}

	}

	/** The whole of one concern, for its own page. */
	public record ConcernDetail(Long id, String eventSlug, String eventName, String sessionSlug, String sessionTitle,
			String key, String title, String categoryName, String raiserHandle, String raiserName, String body,
			boolean blocking, String blockingReason, ConcernStatus status, String statusNote, LocalDate revisitOn,
			Instant createdAt, String proposalKey, String proposalTitle) {

		/** Whether {@code actor} is the person who raised this concern. */
		public boolean isRaisedBy(Actor actor) {
			return actor != null && this.raiserHandle.equals(actor.personHandle());
		}

		/**
		 * Whether {@code actor} may edit this concern and change its status: its raiser
		 * or an organizer.
		 */
		public boolean mayBeChangedBy(Actor actor) {
			return isRaisedBy(actor) || (actor != null && actor.isOrganizer());
		}

		/** The statuses {@code actor} may move this concern to; none for anyone else. */
		public List<ConcernStatus> movesFor(Actor actor) {
			return this.status.movesFor(isRaisedBy(actor), actor != null && actor.isOrganizer());
		}

	}

	/** A response, with the session it was given in. */
	public record ResponseView(String authorHandle, String authorName, String body, Instant createdAt, String eventName,
			String sessionTitle) {

		/** The session it was given in, in words. */
		public String session() {
			return this.eventName + ": " + this.sessionTitle;
		}

	}

	/**
	 * One step of a concern's status history; by the person of the account that acted, or
	 * by its username when that account has no person.
	 */
	public record StatusChangeView(ConcernStatus fromStatus, ConcernStatus toStatus, String note, LocalDate revisitOn,
			String changedByHandle, String changedByName, String changedByUsername, Instant changedAt, String eventName,
			String sessionTitle) implements HistoryEntry {

		/** The session it was made in, in words. */
		public String session() {
			return this.eventName + ": " + this.sessionTitle;
		}

		@Override
		public Instant getAt() {
			return this.changedAt;
		}

		@Override
		public String getBy() {
			return (this.changedByName != null) ? this.changedByName : this.changedByUsername;
		}

	}

	/** A concern's key, for listings that cite concerns by key. */
	public record ConcernKey(Long ownerId, Long concernId, String key) {
	}

	/** Open concerns per session, for event listings. */
	public record OpenConcernCount(Long sessionId, long open, long openBlocking) {
	}

	/**
	 * A concern raised in an earlier session about a proposal this session discusses,
	 * still open (or raised again here): listed on the session page as carried forward.
	 */
	public record CarriedConcern(Long id, String key, String title, String proposalKey, String raiserHandle,
			String raiserName, Instant raisedAt, String eventSlug, String eventName, String sessionSlug,
			String sessionTitle, ConcernStatus status, boolean blocking, long reraisedHere) {

		public boolean isReraisedHere() {
			return this.reraisedHere > 0;
		}

		/** The concern's permalink, in the session it was raised in. */
		public String path() {
			return "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug + "/concerns/" + this.key;
		}

	}

	/**
	 * A concern on a session page: raised in it, or carried into it from an earlier
	 * session.
	 */
	public record SessionPageConcern(Long id, Long sessionId, String key, String title, String categoryName,
			String raiserHandle, String raiserName, ConcernStatus status, boolean blocking, long responses,
			String proposalKey, Instant raisedAt, String eventSlug, String eventName, String sessionSlug,
			String sessionTitle, long reraisedHere) {

		/** The session's own concerns, as its page lists them. */
		public static List<ConcernSummary> raisedIn(Long sessionId, List<SessionPageConcern> concerns) {
			return concerns.stream()
				.filter((c) -> c.sessionId.equals(sessionId))
				.map((c) -> new ConcernSummary(c.id, c.sessionId, c.key, c.title, c.categoryName, c.raiserHandle,
						c.raiserName, c.status, c.blocking, c.responses))
				.toList();
		}

		/** The concerns carried into the session from earlier ones. */
		public static List<CarriedConcern> carriedInto(Long sessionId, List<SessionPageConcern> concerns) {
			return concerns.stream()
				.filter((c) -> !c.sessionId.equals(sessionId))
				.map((c) -> new CarriedConcern(c.id, c.key, c.title, c.proposalKey, c.raiserHandle, c.raiserName,
						c.raisedAt, c.eventSlug, c.eventName, c.sessionSlug, c.sessionTitle, c.status, c.blocking,
						c.reraisedHere))
				.toList();
		}

	}

	/** A concern raised again, in a later session, by someone. */
	public record ReraiseView(Long concernId, String eventSlug, String eventName, String sessionSlug,
			String sessionTitle, String raiserHandle, String raiserName, Instant raisedAt) {
	}

	/** A concern filed from one of its session's discussion notes. */
	public record FiledFromNote(Long noteId, String key, String title) {
	}

}
