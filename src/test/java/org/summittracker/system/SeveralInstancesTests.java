package org.summittracker.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.summittracker.SummitTrackerApplication;
import org.summittracker.support.HttpBrowser;
import org.summittracker.support.HttpBrowser.Answer;
import org.summittracker.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database, as behind a load balancer: a person's
 * requests going to either.
 */
class SeveralInstancesTests {

	static final String SESSION = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	static final String CONCERN = SESSION + "/concerns/toolchain-stability";

	static String url;

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext other;

	static String a;

	static String b;

	@BeforeAll
	static void startTwoInstances() {
		// One after the other: Spring Boot's logging set-up is one per JVM, and two
		// starting at the same instant trip over it (separate processes would not).
		url = TestDatabase.createDatabase();
		one = start(url);
		other = start(url);
		a = base(one);
		b = base(other);
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { one, other }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void bothStartedOnOneDatabaseAndTheDemoIsThereOnce() throws SQLException {
		assertThat(count("select count(*) from event where slug = 'maintainers-summit-2021'")).isEqualTo(1);
		assertThat(count("select count(*) from account where username = 'viro'")).isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where action = 'ACCOUNT_CREATED' and summary like "
				+ "'Created account viro %'"))
			.isEqualTo(1);
	}

	@Test
	void aSignInOnOneInstanceIsValidOnTheOtherAndSoIsTheSignOut() {
		HttpBrowser browser = new HttpBrowser().signIn(a, "viro", "demo");
		assertThat(browser.open(b + "/").body()).contains("Signed in as <strong>viro</strong>");
		// The form token of a page served by one instance is good on the other.
		Answer signOut = browser.post(a + "/logout", Map.of());
		assertThat(signOut.status()).isEqualTo(302);
		assertThat(browser.get(b + "/").body()).doesNotContain("Signed in as").contains(">Sign in</a>");
	}

	@Test
	void theThrottleCountsFailuresOnBothInstances() {
		HttpBrowser browser = new HttpBrowser();
		for (int i = 0; i < 5; i++) {
			String instance = (i % 2 == 0) ? a : b;
			browser.open(instance + "/login");
			Answer failed = browser.post(instance + "/login", Map.of("username", "gregkh", "password", "wrong"));
			assertThat(failed.location()).endsWith("/login?error");
		}
		for (String instance : List.of(a, b)) {
			browser.open(instance + "/login");
			Answer refused = browser.post(instance + "/login", Map.of("username", "gregkh", "password", "demo"));
			assertThat(refused.location()).endsWith("/login?refused=account&minutes=5");
		}
	}

	@Test
	void aStaleEditOnOneInstanceConflictsWithASaveOnTheOtherAndTheAuditTrailHasEachChangeOnce() throws Exception {
		HttpBrowser organizer = new HttpBrowser().signIn(a, "organizer", "demo");
		Map<String, String> form = concernForm();
		long auditBefore = count("select count(*) from audit_entry where entity_type = 'Concern'");

		// Both opened the edit form at the same version; the save on B wins.
		organizer.open(b + CONCERN + "/edit");
		Map<String, String> saved = new LinkedHashMap<>(form);
		saved.put("title", "Toolchain stability (saved on B)");
		assertThat(organizer.post(b + CONCERN, saved).status()).isEqualTo(302);

		organizer.open(a + CONCERN + "/edit");
		Map<String, String> stale = new LinkedHashMap<>(form);
		stale.put("title", "Toolchain stability (stale, on A)");
		Answer conflict = organizer.post(a + CONCERN, stale);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.body()).contains("Toolchain stability (saved on B)");

		Answer responded = organizer.post(a + CONCERN + "/responses", Map.of("body", "Answered on A"));
		assertThat(responded.status()).isEqualTo(302);

		assertThat(count("select count(*) from concern where title = 'Toolchain stability (saved on B)'")).isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where entity_type = 'Concern'")).isEqualTo(auditBefore + 2);
		assertThat(count(
				"select count(*) from audit_entry where entity_type = 'Concern' and summary like " + "'%saved on B%'"))
			.isEqualTo(1);
	}

	@Test
	void aTaskOneInstanceRunsExclusivelyWaitsOnTheOtherInstance() throws Exception {
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch firstMayEnd = new CountDownLatch(1);
		CountDownLatch secondRunning = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture
			.runAsync(() -> one.getBean(ExclusiveTasks.class).run("test-task", () -> {
				firstRunning.countDown();
				await(firstMayEnd);
			}));
		assertThat(firstRunning.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> second = CompletableFuture
			.runAsync(() -> other.getBean(ExclusiveTasks.class).run("test-task", secondRunning::countDown));
		assertThat(secondRunning.await(1, TimeUnit.SECONDS)).as("the second ran while the first held the task")
			.isFalse();
		firstMayEnd.countDown();
		assertThat(secondRunning.await(30, TimeUnit.SECONDS)).isTrue();
		first.get(30, TimeUnit.SECONDS);
		second.get(30, TimeUnit.SECONDS);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The demo concern's edit form as it is now, version included. */
	private static Map<String, String> concernForm() throws SQLException {
		Map<String, String> form = new LinkedHashMap<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("""
						select c.key, c.title, k.slug, c.body, c.blocking, c.blocking_reason, c.version, p.handle
						from concern c join concern_category k on k.id = c.category_id
						join person p on p.id = c.raised_by_id where c.key = 'toolchain-stability'""")) {
			row.next();
			form.put("key", row.getString(1));
			form.put("title", row.getString(2));
			form.put("category", row.getString(3));
			form.put("body", row.getString(4));
			if (row.getBoolean(5)) {
				form.put("blocking", "true");
				form.put("blockingReason", row.getString(6));
			}
			form.put("version", Long.toString(row.getLong(7)));
			form.put("raiser", row.getString(8));
		}
		List<String> subsystems = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("""
						select s.slug from concern_subsystem cs join subsystem s on s.id = cs.subsystem_id
						join concern c on c.id = cs.concern_id where c.key = 'toolchain-stability'""")) {
			while (rows.next()) {
				subsystems.add(rows.getString(1));
			}
		}
		form.put("otherSubsystems", String.join(" ", subsystems));
		return form;
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	private static Connection connect() throws SQLException {
		TestDatabase.Server server = TestDatabase.server();
		return DriverManager.getConnection(url, server.username(), server.password());
	}

	private static ConfigurableApplicationContext start(String url) {
		TestDatabase.Server server = TestDatabase.server();
		// Command-line arguments, so that they win over application.properties.
		return new SpringApplicationBuilder(SummitTrackerApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + server.username(),
				"--spring.datasource.password=" + server.password(), "--summit.database.embedded.enabled=false",
				"--summit.demo-data.enabled=true", "--spring.datasource.hikari.maximum-pool-size=4",
				"--spring.main.register-shutdown-hook=false", "--logging.level.root=warn");
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
