package org.summittracker.concern;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Page;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.concern.ConcernViews.SessionPageConcern;
import org.summittracker.shared.Pages;
import org.summittracker.shared.RoundTrip;

/**
 * {@link SessionPageConcerns} in SQL: in the caller's transaction, or in a read-only one
 * of its own (the resolution forms call it outside any).
 */
class SessionPageConcernsImpl implements SessionPageConcerns {

	private final EntityManager entityManager;

	private final TransactionTemplate readOnly;

	SessionPageConcernsImpl(EntityManager entityManager, PlatformTransactionManager transactions) {
		this.entityManager = entityManager;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public List<SessionPageConcern> findForSessionPage(Long sessionId) {
		return this.readOnly.execute(
				(status) -> RoundTrip.read(this.entityManager, SessionPageConcern.SESSIONS_ROWS, List.of(sessionId))
					.get(0)
					.stream()
					.map(SessionPageConcern::of)
					.toList());
	}

	@Override
	public Page<ConcernChoice> findChoicesOnSessionPage(Long sessionId) {
		return this.readOnly.execute((status) -> Pages.first(
				RoundTrip.read(this.entityManager, SessionPageConcern.CHOICE_ROWS, List.of(sessionId)).get(0),
				ConcernChoice.OFFERED, ConcernChoice::of));
	}

}
