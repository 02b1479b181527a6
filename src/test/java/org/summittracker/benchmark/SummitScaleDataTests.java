package org.summittracker.benchmark;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The smoke test of the benchmark's data generator, at a hundredth of summit scale: it
 * runs, makes what it promises in proportion, its data satisfies every constraint, and
 * every page type and export reads it, each in as many statements for a session of the
 * first event as for one of the last.
 */
// As BigListPlansTests, so the two share one application context and one data set (this
// class only reads it).
@SummitIntegrationTest(properties = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
		+ "org.summittracker.benchmark.CapturedSql")
@Import(SummitScaleData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummitScaleDataTests {

	@Autowired
	SummitScaleData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@BeforeAll
	void generate() {
		this.data.generateOnce(0.01);
	}

	@Test
	void makesEverythingInProportion() {
		Map<String, Object> counts = this.jdbc.queryForMap(
				"""
						select (select count(*) from event where slug like 'summit-%') as events,
							(select count(*) from summit_session s join event e on e.id = s.event_id where e.slug like 'summit-%')
								as sessions,
							(select count(*) from person where handle like 'dev-%') as people,
							(select count(*) from concern) as concerns, (select count(*) from concern_response) as responses,
							(select count(*) from position) as positions, (select count(*) from follow_up) as follow_ups
						""");
		assertThat(counts).containsEntry("events", 1L)
			.containsEntry("sessions", 100L)
			.containsEntry("people", 50L)
			.containsEntry("concerns", 1000L)
			.containsEntry("responses", 3000L)
			.containsEntry("positions", 3000L)
			.containsEntry("follow_ups", 500L);
	}

	@Test
	void everyPageReadsItInTheSameNumberOfStatementsForAnySession() throws Exception {
		for (String page : List.of("", "/history", "/positions", "/concerns/concern-0", "/resolutions/1", "/minutes.md",
				"/minutes.json")) {
			long first = statementsFor("/events/summit-1/sessions/session-2" + page);
			long last = statementsFor("/events/summit-1/sessions/session-99" + page);
			assertThat(last).as(page).isEqualTo(first);
		}
		for (String page : List.of("/", "/events", "/events/summit-1", "/people/dev-7", "/subsystems/area-3",
				"/concerns", "/concerns?status=open&sort=title", "/follow-ups", "/follow-ups?status=open",
				"/follow-ups/1", "/concerns/categories", "/people/dev-7/follow-ups.ics", "/events/summit-1/minutes.md",
				"/events/summit-1/timetable.ics", "/events/summit-1/minutes.json", "/benchmark/reference")) {
			assertThat(this.mvc.perform(get(page)).andReturn().getResponse().getStatus()).as(page).isEqualTo(200);
		}
	}

	private long statementsFor(String url) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		assertThat(this.mvc.perform(get(url)).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
		return statistics.getPrepareStatementCount();
	}

}
