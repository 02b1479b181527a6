package org.summittracker.benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts every statement the application prepares on a database connection, whoever sends
 * it (Hibernate, JdbcTemplate, Flyway), and answers the running total at
 * {@code /benchmark/statements}: scripts/benchmark reads it before and after a run of
 * requests to report statements per request. Only with
 * {@code summit.benchmark.enabled=true}; otherwise nothing is wrapped.
 */
@Component
@ConditionalOnBooleanProperty("summit.benchmark.enabled")
class StatementCount implements BeanPostProcessor {

	private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

	private final LongAdder statements = new LongAdder();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof DataSource dataSource) ? counting(dataSource) : bean;
	}

	private DataSource counting(DataSource dataSource) {
		return new DelegatingDataSource(dataSource) {
			@Override
			public Connection getConnection() throws SQLException {
				return counting(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return counting(super.getConnection(username, password));
			}
		};
	}

	private Connection counting(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (PREPARING.contains(method.getName())) {
						this.statements.increment();
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

	@RestController
	@ConditionalOnBooleanProperty("summit.benchmark.enabled")
	static class StatementCountController {

		private final StatementCount count;

		StatementCountController(StatementCount count) {
			this.count = count;
		}

		@GetMapping(path = "/benchmark/statements", produces = MediaType.TEXT_PLAIN_VALUE)
		String statements() {
			return Long.toString(this.count.statements.sum());
		}

	}

}
