package org.summittracker.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.summittracker.SummitTrackerApplication;
import org.summittracker.support.HttpBrowser;
import org.summittracker.support.HttpBrowser.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops and comes back while people read and write: pages answer 503 with the
 * outage page (never the 500 page), {@code /actuator/health} says DOWN, the application
 * recovers by itself, and every write that was answered with success is in the database.
 * The PostgreSQL here is an embedded one of the test's own, so stopping it disturbs no
 * one.
 */
class DatabaseOutageTests {

	static final String CONCERN = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development"
			+ "/concerns/toolchain-stability";

	static final int REQUESTS_PER_CLIENT = 3000;

	@TempDir
	Path work;

	@Test
	void whileTheDatabaseIsDownPagesSayItWith503AndAfterwardsNoAcknowledgedWriteIsMissing() throws Exception {
		Path data = this.work.resolve("postgres");
		EmbeddedDatabase postgres = EmbeddedDatabase.keptIn(data, 0);
		int port = postgres.port();
		ConfigurableApplicationContext app = null;
		List<Load> loads = new ArrayList<>();
		try {
			// Command-line arguments, so that they win over application.properties.
			app = new SpringApplicationBuilder(SummitTrackerApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + postgres.url("summit"), "--spring.datasource.username=postgres",
					"--summit.database.embedded.enabled=false", "--summit.demo-data.enabled=true",
					"--spring.datasource.hikari.connection-timeout=1000",
					"--spring.datasource.hikari.maximum-pool-size=6", "--spring.main.register-shutdown-hook=false",
					"--logging.level.root=warn", "--logging.level.org.summittracker.system=error");
			String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			// Busy is not gone: with every connection in use, pages time out with 503,
			// and
			// answer again as soon as one is free.
			DataSource pool = app.getBean(DataSource.class);
			List<Connection> held = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				held.add(pool.getConnection());
			}
			for (int i = 0; i < 3; i++) {
				assertThat(new HttpBrowser().get(base + "/events").status()).isEqualTo(503);
			}
			for (Connection connection : held) {
				connection.close();
			}
			assertThat(new HttpBrowser().get(base + "/events").status()).isEqualTo(200);

			HttpBrowser viro = new HttpBrowser().signIn(base, "viro", "demo");
			viro.open(base + CONCERN);
			Load load = new Load(base, viro);
			loads.add(load);
			load.start();

			await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 10 || load.wentWrong());
			postgres.close();
			long stoppedAt = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> (load.readsRefused.get() >= 2 && load.writesRefused.get() >= 2) || load.wentWrong());
			assertThat(load.unexpected).as("answers other than success or the 503 page").isEmpty();
			// Known gone, the database is not asked again by every request: they answer
			// at
			// once, not after the pool's connection timeout (1 s here); one in a while
			// tries it again.
			HttpBrowser late = new HttpBrowser();
			List<Long> millis = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				long asked = System.nanoTime();
				assertThat(late.get(base + "/events").status()).isEqualTo(503);
				millis.add((System.nanoTime() - asked) / 1_000_000);
			}
			assertThat(millis.stream().filter((ms) -> ms < 400).count()).as("503s answered at once: " + millis)
				.isGreaterThanOrEqualTo(4);
			// The API says it as a problem detail.
			Answer api = late.get(base + "/api/v1/events");
			assertThat(api.status()).isEqualTo(503);
			assertThat(api.body()).contains("\"type\":\"/api-reference#problem-database-unavailable\"",
					"\"status\":503");
			Answer health = new HttpBrowser().get(base + "/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"");

			postgres = EmbeddedDatabase.keptIn(data, port);
			long restartedAt = System.nanoTime();
			load.restartedAt.set(restartedAt);
			int beforeRestart = load.acknowledged.size();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> load.acknowledged.size() >= beforeRestart + 10 || load.wentWrong());
			load.stop();

			assertThat(load.unexpected).as("answers other than success or the 503 page; " + load.summary()).isEmpty();
			assertThat(new HttpBrowser().get(base + "/actuator/health").status()).isEqualTo(200);
			// The sign-in outlived the outage: its session is in the database.
			assertThat(viro.get(base + "/").body()).contains("Signed in as <strong>viro</strong>");
			Set<String> stored = responses(postgres.url("summit"));
			assertThat(stored).containsAll(load.acknowledged);
			System.out.printf(
					"Outage: %d writes acknowledged, %d refused with 503; %d reads served, %d refused with 503; "
							+ "down for %d ms; first write acknowledged %d ms after PostgreSQL was back%n",
					load.acknowledged.size(), load.writesRefused.get(), load.readsServed.get(), load.readsRefused.get(),
					(restartedAt - stoppedAt) / 1_000_000,
					(load.firstAcknowledgedAfterRestart.get() - restartedAt) / 1_000_000);
		}
		finally {
			for (Load load : loads) {
				load.stop();
			}
			if (app != null) {
				app.close();
			}
			postgres.close();
		}
	}

	private static Set<String> responses(String url) throws Exception {
		Set<String> bodies = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select body from concern_response")) {
			while (rows.next()) {
				bodies.add(rows.getString(1));
			}
		}
		return bodies;
	}

	/**
	 * Two writers adding responses to a concern and two readers (one signed in, one not)
	 * opening the session page, each as fast as answers come, at most
	 * {@value #REQUESTS_PER_CLIENT} requests each.
	 */
	static final class Load {

		final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

		final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

		final AtomicInteger writesRefused = new AtomicInteger();

		final AtomicInteger readsServed = new AtomicInteger();

		final AtomicInteger readsRefused = new AtomicInteger();

		final AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);

		final AtomicLong firstAcknowledgedAfterRestart = new AtomicLong(Long.MAX_VALUE);

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<Thread> clients = new ArrayList<>();

		Load(String base, HttpBrowser signedIn) {
			for (int w = 0; w < 2; w++) {
				String writer = "w" + w;
				this.clients.add(client(() -> write(base, signedIn, writer), "writer-" + w));
			}
			HttpBrowser anonymous = new HttpBrowser();
			this.clients.add(client(() -> read(base, signedIn), "reader-signed-in"));
			this.clients.add(client(() -> read(base, anonymous), "reader-anonymous"));
		}

		private Thread client(Runnable requests, String name) {
			return new Thread(() -> {
				try {
					requests.run();
				}
				catch (RuntimeException ex) {
					this.unexpected.add(name + " failed: " + ex);
				}
			}, name);
		}

		String summary() {
			return "acked=" + this.acknowledged.size() + " writesRefused=" + this.writesRefused + " readsServed="
					+ this.readsServed + " readsRefused=" + this.readsRefused + " unexpected=" + this.unexpected.size();
		}

		boolean wentWrong() {
			return !this.unexpected.isEmpty();
		}

		void start() {
			this.clients.forEach(Thread::start);
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			for (Thread client : this.clients) {
				client.join(Duration.ofSeconds(30).toMillis());
			}
		}

		private void write(String base, HttpBrowser browser, String writer) {
			for (int i = 0; i < REQUESTS_PER_CLIENT && this.running.get(); i++) {
				String body = "outage " + writer + " " + i;
				Answer answer = browser.post(base + CONCERN + "/responses", Map.of("body", body));
				if (answer.status() == 302 && answer.location().endsWith(CONCERN + "#responses")) {
					this.acknowledged.add(body);
					long now = System.nanoTime();
					if (now > this.restartedAt.get()) {
						this.firstAcknowledgedAfterRestart.accumulateAndGet(now, Math::min);
					}
				}
				else if (isOutagePage(answer) && answer.body().contains("may not have been saved")) {
					this.writesRefused.incrementAndGet();
				}
				else {
					this.unexpected.add("POST " + answer.status() + ": " + snippet(answer.body()));
				}
			}
		}

		private void read(String base, HttpBrowser browser) {
			for (int i = 0; i < REQUESTS_PER_CLIENT && this.running.get(); i++) {
				Answer answer = browser.get(base + "/events/maintainers-summit-2021");
				if (answer.status() == 200 && answer.body().contains("Using Rust for kernel development")) {
					this.readsServed.incrementAndGet();
				}
				else if (isOutagePage(answer) && answer.body().contains("Reload this page in a moment")) {
					this.readsRefused.incrementAndGet();
				}
				else {
					this.unexpected.add("GET " + answer.status() + ": " + snippet(answer.body()));
				}
			}
		}

		private static boolean isOutagePage(Answer answer) {
			return answer.status() == 503 && answer.body().contains("<h1>The database is unavailable</h1>")
					&& !answer.body().contains("Something went wrong");
		}

		private static String snippet(String body) {
			return body.substring(0, Math.min(300, body.length()));
		}

	}

}
