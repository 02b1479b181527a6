package org.summittracker.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Before anything uses the database, checks that PostgreSQL answers and creates the
 * application's database when it is missing (unless
 * {@code summit.database.create-if-missing=false}). When nothing answers at the default
 * address, starts an {@link EmbeddedDatabase} instead (unless
 * {@code summit.database.embedded.enabled=false}) and stops it with the application.
 */
class DatabaseBootstrap implements BeanPostProcessor, DisposableBean {

	/** The address the application is configured with out of the box. */
	static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/summit";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBootstrap.class);

	private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:postgresql://([^/?]*)/([^/?]+)(\\?.*)?$");

	private static final String INVALID_CATALOG_NAME = "3D000";

	/** Where and whether to run the embedded PostgreSQL. */
	record Embedded(boolean enabled, String defaultUrl, Path directory, int port) {

		static Embedded off() {
			return new Embedded(false, DEFAULT_URL, null, 0);
		}

	}

	private final boolean createIfMissing;

	private final Embedded embedded;

	private EmbeddedDatabase started;

	DatabaseBootstrap(boolean createIfMissing, Embedded embedded) {
		this.createIfMissing = createIfMissing;
		this.embedded = embedded;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			HikariDataSource hikari = hikari(dataSource);
			if (hikari != null) {
				String url = prepare(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
				if (!url.equals(hikari.getJdbcUrl())) {
					hikari.setJdbcUrl(url);
					hikari.setUsername(EmbeddedDatabase.SUPERUSER);
					hikari.setPassword("");
				}
			}
		}
		return bean;
	}

	/** The pool itself, also when another post-processor has wrapped it already. */
	static HikariDataSource hikari(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/**
	 * Makes sure the database at {@code url} can be used; answers the URL to use: the
	 * same, or the embedded server's.
	 */
	String prepare(String url, String username, String password) {
		Matcher matcher = (url != null) ? POSTGRES_URL.matcher(url) : null;
		if (matcher == null || !matcher.matches()) {
			return url;
		}
		String address = matcher.group(1).isEmpty() ? "localhost:5432" : matcher.group(1);
		String database = matcher.group(2);
		try (Connection connection = connect(url, username, password)) {
			return url;
		}
		catch (SQLException ex) {
			if (noAnswer(ex) && this.embedded.enabled() && url.equals(this.embedded.defaultUrl())) {
				return startEmbedded(address, database);
			}
			if (!INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
				throw DatabaseUnavailableException.from(address, database, username, ex);
			}
			if (!this.createIfMissing) {
				throw new DatabaseUnavailableException("The database " + database + " does not exist on PostgreSQL at "
						+ address + ": create it, or remove summit.database.create-if-missing=false so the "
						+ "application creates it.", ex);
			}
		}
		String maintenanceUrl = "jdbc:postgresql://" + matcher.group(1) + "/postgres"
				+ ((matcher.group(3) != null) ? matcher.group(3) : "");
		try (Connection connection = connect(maintenanceUrl, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
			logger.info("Created the database {} on PostgreSQL at {}", database, address);
		}
		catch (SQLException ex) {
			throw DatabaseUnavailableException.from(address, database, username, ex);
		}
		return url;
	}

	private String startEmbedded(String address, String database) {
		EmbeddedDatabase server = EmbeddedDatabase.keptIn(this.embedded.directory(), this.embedded.port());
		if (server.startedHere()) {
			this.started = server;
		}
		logger.info(
				"No PostgreSQL answered at {}, so Summit Tracker {} embedded PostgreSQL on port {} with its data in "
						+ "{} (kept across restarts); to use a server instead set SPRING_DATASOURCE_URL, and "
						+ "SUMMIT_DATABASE_EMBEDDED_ENABLED=false where a missing server must stop the start.",
				address, server.startedHere() ? "started its own" : "uses the already running", server.port(),
				server.directory());
		return prepare(server.url(database), EmbeddedDatabase.SUPERUSER, "");
	}

	@Override
	public void destroy() {
		if (this.started != null) {
			this.started.close();
			this.started = null;
		}
	}

	private static boolean noAnswer(SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		return state.startsWith("08") || state.isEmpty();
	}

	private static Connection connect(String url, String username, String password) throws SQLException {
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(url, properties);
	}

}
