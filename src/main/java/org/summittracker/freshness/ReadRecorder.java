package org.summittracker.freshness;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Notes the SQL a read kept by {@link ReadsByTables#read} sends, on whatever way it goes
 * to the database (Hibernate, JdbcTemplate, a connection of its own): every connection of
 * the application's data source tells it what it prepares. Rows a read takes from what is
 * kept instead count with the tables they were read from. A statement whose SQL cannot be
 * known (a plain {@code Statement}) makes the read one that is not kept.
 */
@Component
class ReadRecorder implements BeanPostProcessor {

	private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall");

	private final ThreadLocal<Recording> current = new ThreadLocal<>();

	/** Starts noting what this thread reads, within what it notes already. */
	Recording start() {
		Recording recording = new Recording(this.current.get());
		this.current.set(recording);
		return recording;
	}

	/** Stops noting for this recording; the one it was started within goes on. */
	void stop(Recording recording) {
		this.current.set(recording.outer);
	}

	/**
	 * What {@code read} answers, its statements not noted (the stamps, read before the
	 * data they stand for).
	 */
	<T> T unnoted(java.util.function.Supplier<T> read) {
		Recording recording = this.current.get();
		if (recording == null) {
			return read.get();
		}
		this.current.remove();
		try {
			return read.get();
		}
		finally {
			this.current.set(recording);
		}
	}

	/** Rows taken from what is kept, read from these tables. */
	void tables(String[] tables) {
		for (Recording r = this.current.get(); r != null; r = r.outer) {
			r.tables.addAll(List.of(tables));
		}
	}

	/** A statement whose SQL cannot be known: no read it is sent within can be kept. */
	private void unknown() {
		for (Recording r = this.current.get(); r != null; r = r.outer) {
			r.unknown = true;
		}
	}

	private void sql(String sql) {
		for (Recording r = this.current.get(); r != null; r = r.outer) {
			r.sql.add(sql);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof DataSource dataSource && !(bean instanceof Recorded)) ? new Recorded(dataSource) : bean;
	}

	private Connection recording(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (this.current.get() != null) {
						if (PREPARING.contains(method.getName()) && args != null && args[0] instanceof String sql) {
							sql(sql);
						}
						else if ("createStatement".equals(method.getName())) {
							unknown();
						}
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

	/** What one read sent, and the tables of the rows it took from what is kept. */
	static final class Recording {

		private final Recording outer;

		final List<String> sql = new ArrayList<>();

		final Set<String> tables = new LinkedHashSet<>();

		boolean unknown;

		private Recording(Recording outer) {
			this.outer = outer;
		}

	}

	/** The application's data source, its connections noting what they prepare. */
	private final class Recorded extends DelegatingDataSource {

		Recorded(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return recording(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return recording(super.getConnection(username, password));
		}

	}

}
