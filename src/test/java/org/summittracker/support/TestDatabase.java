package org.summittracker.support;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import org.summittracker.system.EmbeddedDatabase;

/**
 * A real PostgreSQL for tests: a Testcontainers container when a Docker engine answers,
 * otherwise the server at {@code TEST_DATABASE_URL} (or 127.0.0.1:5432 as postgres), and
 * when nothing answers there either (and {@code TEST_DATABASE_URL} is not set), an
 * embedded PostgreSQL of the test run's own, as the application itself falls back to one.
 * {@code TEST_DATABASE=embedded} asks for the embedded one whatever else answers. Every
 * test application context gets a database of its own, created for it and dropped when
 * the test JVM exits: a copy ({@code create database ... template}) of one database that
 * Flyway migrated from empty once per test JVM, so that each context does not apply every
 * migration again.
 */
public final class TestDatabase {

	private static Server server;

	private static String migrated;

	private TestDatabase() {
	}

	/** Where the tests' databases live, reached through one of its databases. */
	public record Server(String adminUrl, String username, String password) {

		public String urlOf(String database) {
			return this.adminUrl.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + database);
		}

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(this.adminUrl, this.username, this.password);
		}

	}

	public static synchronized Server server() {
		if (server == null) {
			server = choose();
		}
		return server;
	}

	private static Server choose() {
		if ("embedded".equals(System.getenv("TEST_DATABASE"))) {
			return embedded();
		}
		if (dockerAvailable()) {
			return container();
		}
		Server local = local();
		if (System.getenv("TEST_DATABASE_URL") != null || answers(local)) {
			return local;
		}
		return embedded();
	}

	/**
	 * Creates a fresh, empty database, dropped when the JVM exits; answers its JDBC URL.
	 */
	public static String createDatabase() {
		return create("");
	}

	/**
	 * Creates a fresh database with every migration applied, dropped when the JVM exits;
	 * answers its JDBC URL. The first call migrates an empty database with Flyway (as the
	 * application does at start), every call copies that one.
	 */
	public static synchronized String createMigratedDatabase() {
		if (migrated == null) {
			Server server = server();
			String url = createDatabase();
			Flyway.configure()
				.dataSource(url, server.username(), server.password())
				.locations("classpath:db/migration")
				.load()
				.migrate();
			migrated = url.replaceFirst("^jdbc:postgresql://[^/]*/([^?]*).*$", "$1");
		}
		return create(" template " + migrated);
	}

	private static String create(String from) {
		Server server = server();
		String name = "summit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(server, "create database " + name + from);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				execute(server, "drop database if exists " + name + " with (force)");
			}
			catch (IllegalStateException ex) {
				// An embedded server may have stopped first, taking every database with
				// it.
			}
		}));
		return server.urlOf(name);
	}

	private static void execute(Server server, String sql) {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on the test PostgreSQL at " + server.adminUrl()
					+ ": start PostgreSQL there or set TEST_DATABASE_URL", ex);
		}
	}

	private static boolean dockerAvailable() {
		// Asking Testcontainers takes seconds and logs errors when there is plainly no
		// engine; look first.
		if (System.getenv("DOCKER_HOST") == null && !new File("/var/run/docker.sock").exists()) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper
									// removes it
	private static Server container() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
		container.start();
		return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static boolean answers(Server server) {
		Properties properties = new Properties();
		properties.setProperty("user", server.username());
		properties.setProperty("password", server.password());
		properties.setProperty("connectTimeout", "3");
		try (Connection connection = DriverManager.getConnection(server.adminUrl(), properties)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static Server embedded() {
		// Stopped (and its data removed) when the test JVM exits.
		EmbeddedDatabase postgres = EmbeddedDatabase.throwaway();
		return new Server(postgres.url("postgres"), "postgres", "");
	}

	private static Server local() {
		String url = System.getenv().getOrDefault("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
		String username = System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres");
		String password = System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", "");
		return new Server(url, username, password);
	}

	/** Points a test application context at a database of its own. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Server server = server();
			TestPropertyValues
				.of("spring.datasource.url=" + createMigratedDatabase(),
						"spring.datasource.username=" + server.username(),
						"spring.datasource.password=" + server.password())
				.applyTo(context);
		}

	}

}
