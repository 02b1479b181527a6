package org.summittracker.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import org.summittracker.SummitTrackerApplication;
import org.summittracker.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the application lets the requests in flight finish and takes no new ones. A
 * page that answers only when the test lets it stands for a slow request.
 */
class GracefulShutdownTests {

	final CountDownLatch entered = new CountDownLatch(1);

	final CountDownLatch release = new CountDownLatch(1);

	@Test
	void aRequestInFlightFinishesWhileTheApplicationStopsAndNewOnesAreTurnedAway() throws Exception {
		TestDatabase.Server server = TestDatabase.server();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SummitTrackerApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("slowPage", slowPage()))
			.run("--server.port=0", "--spring.datasource.url=" + TestDatabase.createDatabase(),
					"--spring.datasource.username=" + server.username(),
					"--spring.datasource.password=" + server.password(), "--summit.database.embedded.enabled=false",
					"--summit.demo-data.enabled=false", "--spring.main.register-shutdown-hook=false",
					"--logging.level.root=warn");
		String slow = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/test/slow";
		CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create(slow)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(this.entered.await(30, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
		await().atMost(Duration.ofSeconds(30)).until(() -> turnedAway(slow));
		assertThat(inFlight).isNotDone();
		assertThat(stopping).isNotDone();

		this.release.countDown();
		HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("finished");
		stopping.get(60, TimeUnit.SECONDS);
		assertThat(app.isActive()).isFalse();
	}

	private RouterFunction<ServerResponse> slowPage() {
		return RouterFunctions.route().GET("/test/slow", (request) -> {
			this.entered.countDown();
			this.release.await(30, TimeUnit.SECONDS);
			return ServerResponse.ok().body("finished");
		}).build();
	}

	private static boolean turnedAway(String url) {
		HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		try {
			fresh.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding());
			return false;
		}
		catch (IOException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
