package org.summittracker.system;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
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

	/**
	 * The session's principal name (its PRINCIPAL_NAME column) is the plain attribute the
	 * sign-in sets, never read out of a stored security context: Spring Session's default
	 * deserializes {@code SPRING_SECURITY_CONTEXT} at every save, and sessions stored
	 * before the upgrade still hold one (which no longer deserializes).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> principalNameFromItsAttribute() {
		String name = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;
		IndexResolver<Session> resolver = (session) -> (session.getAttribute(name) instanceof String principal)
				? Map.of(name, principal) : Map.of();
		return (repository) -> repository.setIndexResolver(resolver);
	}

}
