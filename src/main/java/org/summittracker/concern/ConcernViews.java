package org.summittracker.concern;

import java.time.Instant;
import java.time.LocalDate;

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

	}

	/** The whole of one concern, for its own page. */
	public record ConcernDetail(Long id, String eventSlug, String eventName, String sessionSlug, String sessionTitle,
			String key, String title, String categoryName, String raiserHandle, String raiserName, String body,
			boolean blocking, String blockingReason, ConcernStatus status, String statusNote, LocalDate revisitOn,
			Instant createdAt) {
	}

	public record ResponseView(String authorHandle, String authorName, String body, Instant createdAt) {
	}

	/** One step of a concern's status history. */
	public record StatusChangeView(ConcernStatus fromStatus, ConcernStatus toStatus, String note, LocalDate revisitOn,
			String changedByHandle, String changedByName, Instant changedAt) implements HistoryEntry {

		@Override
		public Instant getAt() {
			return this.changedAt;
		}

		@Override
		public String getBy() {
			return this.changedByName;
		}

	}

	/** A concern's key, for listings that cite concerns by key. */
	public record ConcernKey(Long ownerId, Long concernId, String key) {
	}

	/** Open concerns per session, for event listings. */
	public record OpenConcernCount(Long sessionId, long open, long openBlocking) {
	}

	/** A concern filed from one of its session's discussion notes. */
	public record FiledFromNote(Long noteId, String key, String title) {
	}

}
