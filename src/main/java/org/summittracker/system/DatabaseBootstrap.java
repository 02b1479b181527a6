package org.summittracker.system;

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

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Before anything uses the database, checks that PostgreSQL answers and creates the
 * application's database when it is missing (unless
 * {@code summit.database.create-if-missing=false}).
 */
class DatabaseBootstrap implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBootstrap.class);

	private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:postgresql://([^/?]*)/([^/?]+)(\\?.*)?$");

	private static final String INVALID_CATALOG_NAME = "3D000";

	private final boolean createIfMissing;

	DatabaseBootstrap(boolean createIfMissing) {
		this.createIfMissing = createIfMissing;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			HikariDataSource hikari = hikari(dataSource);
			if (hikari != null) {
				prepare(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
			}
		}
		return bean;
	}

	/** The pool itself, also when another post-processor has wrapped it already. */
	private static HikariDataSource hikari(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	void prepare(String url, String username, String password) {
		Matcher matcher = (url != null) ? POSTGRES_URL.matcher(url) : null;
		if (matcher == null || !matcher.matches()) {
			return;
		}
		String address = matcher.group(1).isEmpty() ? "localhost:5432" : matcher.group(1);
		String database = matcher.group(2);
		try (Connection connection = connect(url, username, password)) {
			return;
		}
		catch (SQLException ex) {
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
