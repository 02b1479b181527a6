package org.summittracker.notes;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The live view reads everything in a fixed number of statements, however many notes the
 * session holds: the same at ten times the notes, for readers and for the note-taker.
 */
@SummitIntegrationTest
class LiveNotesStatementsTests {

	static final int MAX_STATEMENTS = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	CacheManager caches;

	@Test
	void theSameStatementsAtTenTimesTheNotes() throws Exception {
		MockHttpSession organizer = this.fixture.signedIn(this.mvc, "organizer", Role.ORGANIZER);
		String small = this.fixture.session("live-tenfold-base", 20, 3, 5) + "/notes";
		String large = this.fixture.session("live-tenfold", 200, 30, 50) + "/notes";
		long smallCount = statementsFor(small, null);
		assertThat(statementsFor(large, null)).isEqualTo(smallCount).isLessThanOrEqualTo(MAX_STATEMENTS);
		long smallAsNoteTaker = statementsFor(small, organizer);
		assertThat(statementsFor(large, organizer)).isEqualTo(smallAsNoteTaker).isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	/**
	 * The statements of a request that finds nothing kept: the signed-in account, kept by
	 * its tables after the first request, would otherwise be read for the first count
	 * only.
	 */
	private long statementsFor(String url, MockHttpSession session) throws Exception {
		this.caches.getCache("reads").clear();
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		this.mvc.perform((session != null) ? get(url).session(session) : get(url)).andExpect(status().isOk());
		return statistics.getPrepareStatementCount();
	}

}
