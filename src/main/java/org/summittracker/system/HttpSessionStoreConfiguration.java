package org.summittracker.system;

import java.util.EnumSet;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * HTTP sessions live in PostgreSQL (Spring Session JDBC), so every instance knows every
 * sign-in.
 */
@Configuration(proxyBeanMethods = false)
class HttpSessionStoreConfiguration {

	/**
	 * Spring Session's update of a session's row, written only when more than its last
	 * access time changed, or that time moved by
	 * {@link SessionStore#LAST_ACCESS_WRITTEN_AFTER} or more (the rule SessionStore
	 * applies before sending it).
	 */
	static final String UPDATE_SESSION_QUERY = """
			UPDATE %TABLE_NAME% S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
			    MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
			    PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT),
			              CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36))))
			    AS V (SESSION_ID, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME, PRIMARY_ID)
			WHERE S.PRIMARY_ID = V.PRIMARY_ID
			  AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
			       OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
			       OR V.LAST_ACCESS_TIME >= S.LAST_ACCESS_TIME + """ + SessionStore.LAST_ACCESS_WRITTEN_AFTER.toMillis()
			+ ")";

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

	/**
	 * Every request of a signed-in person moves their session's last access time, and
	 * Spring Session wrote it each time: an update and a commit waiting for the disk per
	 * page read (a signed-in bare page ran at a third to a sixth of an anonymous one).
	 * The row is now written when something else of it changed (its id, its principal,
	 * its timeout) or its last access is a minute old or more
	 * ({@link #UPDATE_SESSION_QUERY}), so a session idle for its 30 minutes ends within a
	 * minute of that; its attributes are written as before, whenever they change. A
	 * request that changed nothing but the last access sends no update at all
	 * ({@link SessionStore}).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOnceAMinute() {
		return (repository) -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
	}

	/**
	 * What Spring Session's filter stores sessions through: its JDBC store, sending only
	 * the statements a request needs ({@link SessionStore}).
	 */
	@Bean
	static BeanPostProcessor sessionStore() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository jdbc) ? new SessionStore(jdbc) : bean;
			}

		};
	}

	/**
	 * Around Spring Session's filter: the session a request saved is forgotten when the
	 * request ends, so no later request on the thread is answered with it.
	 */
	@Bean
	FilterRegistrationBean<Filter> sessionStoreForgetting() {
		Filter forgetting = (request, response, chain) -> {
			try {
				chain.doFilter(request, response);
			}
			finally {
				SessionStore.forget();
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(forgetting);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		return registration;
	}

}
