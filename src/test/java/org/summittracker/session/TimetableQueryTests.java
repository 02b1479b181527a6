package org.summittracker.session;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule's query reads a session's main proposal once: its key and its statement
 * from one join, not the same subquery written twice.
 */
class TimetableQueryTests {

	@Test
	void theScheduleReadsTheMainProposalsKeyAndStatementFromOneJoin() throws Exception {
		String query = SessionRepository.class.getMethod("findTimetableWithTotal", Long.class, Pageable.class)
			.getAnnotation(Query.class)
			.value();
		assertThat(query.split("SessionProposal msp", -1)).as("reads of the main proposal").hasSize(2);
		assertThat(query).contains("mp.key").contains("mp.statement");
	}

}
