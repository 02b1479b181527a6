package org.summittracker.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.summittracker.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseBootstrapTests {

	private final TestDatabase.Server server = TestDatabase.server();

	@Test
	void createsTheDatabaseWhenItIsMissing() throws Exception {
		String name = "summit_bootstrap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String url = this.server.urlOf(name);
		try {
			new DatabaseBootstrap(true, DatabaseBootstrap.Embedded.off()).prepare(url, this.server.username(),
					this.server.password());
			try (Connection connection = DriverManager.getConnection(url, this.server.username(),
					this.server.password())) {
				assertThat(connection.isValid(2)).isTrue();
			}
			// A second start finds it there and leaves it alone.
			new DatabaseBootstrap(true, DatabaseBootstrap.Embedded.off()).prepare(url, this.server.username(),
					this.server.password());
		}
		finally {
			try (Connection admin = this.server.connect()) {
				admin.createStatement().execute("drop database if exists " + name + " with (force)");
			}
		}
	}

	@Test
	void saysSoWhenTheDatabaseIsMissingAndMayNotBeCreated() {
		String url = this.server.urlOf("summit_never_created");
		assertThatThrownBy(() -> new DatabaseBootstrap(false, DatabaseBootstrap.Embedded.off()).prepare(url,
				this.server.username(), this.server.password()))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessageContaining("does not exist")
			.hasMessageContaining("summit_never_created");
	}

	@Test
	void anUnreachableServerGivesOneClearSentence() {
		assertThatThrownBy(() -> new DatabaseBootstrap(true, DatabaseBootstrap.Embedded.off())
			.prepare("jdbc:postgresql://127.0.0.1:1/summit", "postgres", ""))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessage("No PostgreSQL answered at 127.0.0.1:1 (database summit): start PostgreSQL there, run "
					+ "`docker compose up -d db`, or set SPRING_DATASOURCE_URL to a server that answers.");
	}

}
