package org.summittracker.shared;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL a round trip sends: each named parameter ({@code ?name}) made a plain one, the
 * names in their order (null: the array of ids), the rest of the text unchanged.
 */
class RoundTripTests {

	@Test
	void namedParametersBecomePlainOnesAndTheirNamesAreListedInOrder() {
		String sql = "select a from t where id = any(?) and r = ?reader;\nselect ?page, 'x?' || ?;";

		RoundTrip.Parameters parsed = RoundTrip.parse(sql);

		assertThat(parsed.jdbcSql()).isEqualTo("select a from t where id = any(?) and r = ?;\nselect ?, 'x?' || ?;");
		assertThat(parsed.names()).isEqualTo(Arrays.asList(null, "reader", "page", null, null));
	}

	@Test
	void textWithoutParametersIsUnchanged() {
		assertThat(RoundTrip.parse("select 1").jdbcSql()).isEqualTo("select 1");
		assertThat(RoundTrip.parse("select 1").names()).isEmpty();
		assertThat(RoundTrip.parse("?").jdbcSql()).isEqualTo("?");
		assertThat(RoundTrip.parse("?").names()).isEqualTo(Arrays.asList((String) null));
	}

	@Test
	void aStatementIsParsedOnceAndKept() {
		String sql = RoundTrip.sql(List.of("select ?reader", "select 2 where 1 = any(?)"));

		RoundTrip.Parameters first = RoundTrip.parsed(sql);

		assertThat(RoundTrip.parsed(new String(sql))).isSameAs(first);
		assertThat(first.names()).isEqualTo(Arrays.asList("reader", null));
		assertThat(first.jdbcSql()).endsWith("select ?;\nselect 2 where 1 = any(?)");
	}

}
