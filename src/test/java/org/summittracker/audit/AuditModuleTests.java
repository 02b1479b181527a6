package org.summittracker.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import org.summittracker.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail on its own (with the system module for its clock and database): every
 * change another module publishes is appended in the publisher's transaction, and gone
 * with it when that transaction rolls back.
 */
@ApplicationModuleTest(extraIncludes = "system")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class AuditModuleTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aPublishedChangeIsAppendedToTheTrail() {
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new AuditableChange("viro", "CONCERN_FILED", "Concern", 41L, null, "Filed bisection")));
		assertThat(this.trail.ofEntity("Concern", 41L, Pageable.ofSize(10)).getContent()).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.getBy()).isEqualTo("viro");
				assertThat(entry.getSummary()).isEqualTo("Filed bisection");
				assertThat(entry.action()).isEqualTo("CONCERN_FILED");
			});
	}

	@Test
	void aChangeWhoseTransactionRollsBackLeavesNoEntry() {
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new AuditableChange("viro", "CONCERN_FILED", "Concern", 42L, null, "Filed"));
			throw new IllegalStateException("The change itself failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.trail.ofEntity("Concern", 42L, Pageable.ofSize(10))).isEmpty();
	}

}
