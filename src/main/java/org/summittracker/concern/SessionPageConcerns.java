package org.summittracker.concern;

import java.util.List;

import org.springframework.data.domain.Page;

import org.summittracker.concern.ConcernViews.ConcernChoice;
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

	/**
	 * In one query, what a resolution form offers to choose among the concerns of
	 * {@link #findForSessionPage}: the first {@link ConcernChoice#OFFERED}, the open ones
	 * first, then in the order the page lists them; with the number of all.
	 */
	Page<ConcernChoice> findChoicesOnSessionPage(Long sessionId);

}
