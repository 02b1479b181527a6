package org.summittracker.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions live in PostgreSQL (Spring Session JDBC), so every instance knows every
 * sign-in.
 */
@Configuration(proxyBeanMethods = false)
class HttpSessionStoreConfiguration {

	// Two requests of one session at once (two tabs, a double submit) may both add the
	// same attribute, such as a flash message: PostgreSQL's upsert lets both succeed.
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessionUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
