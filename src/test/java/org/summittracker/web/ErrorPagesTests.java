package org.summittracker.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.summittracker.demo.DemoSummitLoader;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages come from the servlet container's error handling, so these requests go over
 * real HTTP.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	static final String SESSION = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development";

	@LocalServerPort
	int port;

	@Autowired
	DemoSummitLoader demo;

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@ValueSource(strings = { "/events/no-such-event", "/events/maintainers-summit-2021/sessions/no-such-session",
			"/events/no-such-event/sessions/using-rust-for-kernel-development", SESSION + "/concerns/no-such-concern",
			"/people/nobody", "/subsystems/no-such-subsystem", "/no/such/page" })
	void unknownAddressesGiveTheNotFoundPage(String path) throws Exception {
		this.demo.load();
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<h1>Not found</h1>", "Browse all events").doesNotContain("Exception");
	}

	@Test
	void malformedParametersGiveAFriendly400() throws Exception {
		HttpResponse<String> response = get("/events?page=abc");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request was not valid").doesNotContain("Exception", "at org.");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
