package org.summittracker.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

	@Autowired
	MockMvc mvc;

	@Test
	void theBusiestPagesAndTheMinutesBindIdsAsOneArray() throws Exception {
		List<String> lists = new ArrayList<>();
		List<String> arrays = new ArrayList<>();
		for (String url : List.of("/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development",
				"/events/maintainers-summit-2021", "/subsystems/bluetooth", "/concerns",
				"/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development/minutes.md",
				"/events/maintainers-summit-2021/minutes.json")) {
			CapturedSql.clear();
			assertThat(this.mvc.perform(get(url)).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
			assertThat(CapturedSql.statements()).as(url).isNotEmpty();
			CapturedSql.statements()
				.stream()
				.filter((sql) -> ID_LIST.matcher(sql).find())
				.forEach((sql) -> lists.add(url + ": " + sql));
			CapturedSql.statements().stream().filter((sql) -> ARRAY.matcher(sql).find()).forEach(arrays::add);
		}
		assertThat(lists).isEmpty();
		assertThat(arrays).as("statements binding ids as one array").hasSizeGreaterThanOrEqualTo(4);
	}

}
