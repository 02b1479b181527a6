package org.summittracker.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.summittracker.system.DatabaseBootstrap.Embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zero set-up: with nothing answering at the default address, the application runs a real
 * PostgreSQL of its own whose data outlives it. The "default address" here is a free
 * port, since a real server may well answer at localhost:5432.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path home;

	@Test
	void startsItsOwnPostgresWhenNothingAnswersAtTheDefaultAddressAndKeepsItsData() throws Exception {
		String defaultUrl = "jdbc:postgresql://localhost:" + freePort() + "/summit";
		Path directory = this.home.resolve(".summit-tracker").resolve("postgres");
		DatabaseBootstrap first = new DatabaseBootstrap(true, new Embedded(true, defaultUrl, directory, 0));
		String url = first.prepare(defaultUrl, "postgres", "");
		try {
			assertThat(url).startsWith("jdbc:postgresql://localhost:").endsWith("/summit").isNotEqualTo(defaultUrl);
			execute(url, "create table kept (word text)", "insert into kept values ('survives')");

			// A second process (say, `export`) uses the server already running there.
			DatabaseBootstrap second = new DatabaseBootstrap(true, new Embedded(true, defaultUrl, directory, 0));
			assertThat(second.prepare(defaultUrl, "postgres", "")).isEqualTo(url);
			second.destroy();
			assertThat(word(url)).isEqualTo("survives");
		}
		finally {
			first.destroy();
		}
		assertThat(answers(url)).isFalse();
		assertThat(Files.readString(EmbeddedDatabase.logOf(directory))).contains("ready to accept connections");

		DatabaseBootstrap restarted = new DatabaseBootstrap(true, new Embedded(true, defaultUrl, directory, 0));
		try {
			assertThat(word(restarted.prepare(defaultUrl, "postgres", ""))).isEqualTo("survives");
		}
		finally {
			restarted.destroy();
		}
	}

	@Test
	void anAddressOtherThanTheDefaultNeverFallsBack() throws Exception {
		int port = freePort();
		DatabaseBootstrap bootstrap = new DatabaseBootstrap(true,
				new Embedded(true, "jdbc:postgresql://localhost:" + port + "/summit", this.home.resolve("unused"), 0));
		assertThatThrownBy(() -> bootstrap.prepare("jdbc:postgresql://localhost:" + port + "/other", "postgres", ""))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessageStartingWith("No PostgreSQL answered at localhost:" + port + " (database other)");
		assertThat(this.home.resolve("unused")).doesNotExist();
	}

	@Test
	void withTheFallbackOffAMissingServerStopsTheStartWithOneSentence() throws Exception {
		String defaultUrl = "jdbc:postgresql://localhost:" + freePort() + "/summit";
		DatabaseBootstrap bootstrap = new DatabaseBootstrap(true,
				new Embedded(false, defaultUrl, this.home.resolve("unused"), 0));
		assertThatThrownBy(() -> bootstrap.prepare(defaultUrl, "postgres", ""))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessageContaining("No PostgreSQL answered at localhost:")
			.hasMessageEndingWith("or set SPRING_DATASOURCE_URL to a server that answers.");
		assertThat(this.home.resolve("unused")).doesNotExist();
	}

	@Test
	void asRootWithoutUserNamespacesItSaysSoInsteadOfStarting() {
		assertThatThrownBy(() -> EmbeddedDatabase.requireRunnable(true, false))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessage("PostgreSQL will not run as root and this system does not let the embedded one run as an "
					+ "unprivileged user (unshare -U is not allowed): run Summit Tracker as an ordinary user, or set "
					+ "SPRING_DATASOURCE_URL to a PostgreSQL server.");
		assertThatNoException().isThrownBy(() -> EmbeddedDatabase.requireRunnable(true, true));
		assertThatNoException().isThrownBy(() -> EmbeddedDatabase.requireRunnable(false, false));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void execute(String url, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String word(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select word from kept")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static boolean answers(String url) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
