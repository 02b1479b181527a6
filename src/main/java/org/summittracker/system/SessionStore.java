package org.summittracker.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's store (JDBC), sending only the statements a request needs. Spring
 * Session sends three per signed-in request, each in a transaction of its own: it reads
 * the session, writes it back (its last access time moves at every request), then reads
 * it again to learn whether the id the browser sent is still valid (spring-session#1731).
 * Here:
 * <ul>
 * <li>a session is written when something of it changed (an attribute, its id, its
 * timeout), when it is new, or when its stored last access is a minute old or more, so
 * that an idle session still ends within a minute of its timeout;</li>
 * <li>the read right after a save, of the session just saved, answers that session.</li>
 * </ul>
 * What was saved is remembered for the request that saved it alone: the filter that wraps
 * Spring Session's ({@link HttpSessionStoreConfiguration}) forgets it when the request
 * ends.
 */
final class SessionStore implements FindByIndexNameSessionRepository<SessionStore.StoredSession> {

	/** How old a stored last access time may get before a request writes it again. */
	static final Duration LAST_ACCESS_WRITTEN_AFTER = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<Session> store;

	/**
	 * The session this thread's request saved last (session ids are unique everywhere).
	 */
	private static final ThreadLocal<StoredSession> JUST_SAVED = new ThreadLocal<>();

	/** Over Spring Session's store, whose own type of session stays its own. */
	@SuppressWarnings("unchecked")
	SessionStore(FindByIndexNameSessionRepository<? extends Session> store) {
		this.store = (FindByIndexNameSessionRepository<Session>) store;
	}

	@Override
	public StoredSession createSession() {
		return new StoredSession(this.store.createSession(), null);
	}

	@Override
	public void save(StoredSession session) {
		if (session.needsWriting()) {
			this.store.save(session.stored);
			session.written();
		}
		JUST_SAVED.set(session);
	}

	@Override
	public StoredSession findById(String id) {
		StoredSession saved = JUST_SAVED.get();
		JUST_SAVED.remove();
		if (saved != null && saved.getId().equals(id)) {
			return saved;
		}
		Session found = this.store.findById(id);
		return (found != null) ? new StoredSession(found, found.getLastAccessedTime()) : null;
	}

	@Override
	public void deleteById(String id) {
		forget();
		this.store.deleteById(id);
	}

	@Override
	public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, StoredSession> found = new LinkedHashMap<>();
		this.store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new StoredSession(session, session.getLastAccessedTime())));
		return found;
	}

	/** Forgets the session this thread saved: its request ended. */
	static void forget() {
		JUST_SAVED.remove();
	}

	/**
	 * A session as stored, knowing whether this request changed more than its last
	 * access.
	 */
	static final class StoredSession implements Session {

		private final Session stored;

		/** The last access time as stored, or null for a session never stored. */
		private Instant storedLastAccess;

		private boolean changed;

		StoredSession(Session stored, Instant storedLastAccess) {
			this.stored = stored;
			this.storedLastAccess = storedLastAccess;
		}

		boolean needsWriting() {
			return this.storedLastAccess == null || this.changed || !this.stored.getLastAccessedTime()
				.isBefore(this.storedLastAccess.plus(LAST_ACCESS_WRITTEN_AFTER));
		}

		void written() {
			this.storedLastAccess = this.stored.getLastAccessedTime();
			this.changed = false;
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.stored.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
