package org.summittracker.concern;

import java.util.List;

import org.summittracker.concern.ConcernViews.SessionPageConcern;

/**
 * The concerns a session page shows, as part of {@link ConcernRepository}.
 */
public interface SessionPageConcerns {

	/**
	 * In one query, for the session page and the forms that offer its concerns: the
	 * concerns raised in the session, and those carried into it (raised in sessions held
	 * before it about the proposals it discusses, still open or deferred, or raised
	 * again, answered or moved in it); in the order they were raised
	 * ({@link SessionPageConcern#SESSIONS_ROWS}).
	 */
	List<SessionPageConcern> findForSessionPage(Long sessionId);

}
