package org.summittracker.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import org.hibernate.query.Query;
import org.hibernate.query.QueryParameter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The busiest pages and the minutes exports pass lists of ids as one array parameter
 * ({@code = any(?)}), not as {@code in (?, ?, ...)}: a list of another length is another
 * SQL text, which Hibernate translates again and PostgreSQL plans again, on every page
 * that shows a different number of sessions, subsystems or concerns.
 */
@SummitIntegrationTest(properties = { "summit.demo-data.enabled=true",
		"spring.jpa.properties.hibernate.session_factory.statement_inspector="
				+ "org.summittracker.benchmark.CapturedSql" })
class IdListParametersTests {

	static final Pattern ID_LIST = Pattern.compile("\\bin\\s*\\(\\s*\\?", Pattern.CASE_INSENSITIVE);

	static final Pattern ARRAY = Pattern.compile("=\\s*any\\s*\\(\\s*\\?", Pattern.CASE_INSENSITIVE);

	static final Pattern NAMED = Pattern.compile("\\?\\s+is\\s+not\\s+null", Pattern.CASE_INSENSITIVE);

	static final List<String> URLS = List.of(
			"/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development",
			"/events/maintainers-summit-2021", "/subsystems/bluetooth", "/concerns",
			"/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development/minutes.md",
			"/events/maintainers-summit-2021/minutes.json");

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityManager entityManager;

	@Test
	void theBusiestPagesAndTheMinutesBindIdsAsOneArray() throws Exception {
		List<String> lists = new ArrayList<>();
		List<String> arrays = new ArrayList<>();
		for (String url : URLS) {
			CapturedSql.clear();
			assertThat(this.mvc.perform(get(url)).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
			// The minutes and the session page read everything, their lookups included,
			// in SQL of their own on the connection (MinutesQueries, RoundTrip), which
			// Hibernate's inspector does not see: what Hibernate sends for them, if
			// anything, is checked all the same.
			if (!url.contains("/minutes.") && !url.equals(URLS.get(0))) {
				assertThat(CapturedSql.statements()).as(url).isNotEmpty();
			}
			CapturedSql.statements()
				.stream()
				.filter((sql) -> ID_LIST.matcher(sql).find())
				.forEach((sql) -> lists.add(url + ": " + sql));
			CapturedSql.statements().stream().filter((sql) -> ARRAY.matcher(sql).find()).forEach(arrays::add);
		}
		assertThat(lists).isEmpty();
		// Each array also named outside in_ids (see the test below), so its query plan is
		// kept.
		assertThat(arrays).as("arrays not named outside in_ids")
			.allMatch((sql) -> ARRAY.matcher(sql).results().count() <= NAMED.matcher(sql).results().count());
		// The session counts of concerns, the sessions scheduled and the concerns'
		// subsystems (a subsystem's page reads its maintainers by its one id).
		assertThat(arrays).as("statements binding ids as one array").hasSizeGreaterThanOrEqualTo(3);
	}

	/**
	 * A parameter inside a function's arguments may take a list
	 * ({@code in_ids(s.id, :ids)} alone), and Hibernate keeps no query plan for a query
	 * with such a parameter: it translated every such query again on every execution (a
	 * tenth of the session page's time). Naming the parameter once more outside the
	 * function ({@code and :ids is not
	 * null}) makes it a single value, and the plan is kept.
	 */
	@Test
	void anIdArrayNamedOutsideTheFunctionKeepsTheQueryPlan() {
		assertThat(parameter("select s.id from Session s where in_ids(s.id, :ids)").allowsMultiValuedBinding())
			.isTrue();
		assertThat(parameter("select s.id from Session s where in_ids(s.id, :ids) and :ids is not null")
			.allowsMultiValuedBinding()).isFalse();
		assertThat(this.entityManager
			.createQuery("select s.id from Session s where in_ids(s.id, :ids) and :ids is not null", Long.class)
			.setParameter("ids", new Long[] { -1L })
			.getResultList()).isEmpty();
	}

	private QueryParameter<?> parameter(String hql) {
		return this.entityManager.createQuery(hql).unwrap(Query.class).getParameterMetadata().getQueryParameter("ids");
	}

}
