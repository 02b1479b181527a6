package org.summittracker.concern;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Page;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.concern.ConcernViews.SessionPageConcern;
import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.Pages;
import org.summittracker.shared.RoundTrip;

/**
 * {@link SessionPageConcerns} in SQL: in the caller's transaction, or in a read-only one
 * of its own (the resolution forms call it outside any). Each query is sent after
 * {@link RoundTrip#sql}'s generic-plan setting: planned once per connection, where it was
 * planned at every request before (12 to 15 ms of a resolution form's request on the demo
 * data, its largest cost: docs/benchmark-rounds.md, twenty-fourth session).
 */
class SessionPageConcernsImpl implements SessionPageConcerns {

	private static final String SESSIONS = RoundTrip.sql(List.of(SessionPageConcern.SESSIONS_ROWS));

	private static final String CHOICES = RoundTrip.sql(List.of(SessionPageConcern.CHOICE_ROWS));

	private final EntityManager entityManager;

	private final TransactionTemplate readOnly;

	SessionPageConcernsImpl(EntityManager entityManager, PlatformTransactionManager transactions) {
		this.entityManager = entityManager;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public List<SessionPageConcern> findForSessionPage(Long sessionId) {
		return this.readOnly.execute((status) -> RoundTrip.read(this.entityManager, SESSIONS, List.of(sessionId))
			.get(0)
			.stream()
			.map(SessionPageConcern::of)
			.toList());
	}

	@Override
	@KeptByTables
	public Page<ConcernChoice> findChoicesOnSessionPage(Long sessionId) {
		return this.readOnly
			.execute((status) -> Pages.first(RoundTrip.read(this.entityManager, CHOICES, List.of(sessionId)).get(0),
					ConcernChoice.OFFERED, ConcernChoice::of));
	}

}
