package org.summittracker.system;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests so malformed that Tomcat answers them itself, or the firewall in front of the
 * application refuses them, sent over a bare socket as an attacker would: each gets a 4xx
 * with the application's security headers and without a stack trace or the server's name
 * and version.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContainerErrorPagesTests {

	@LocalServerPort
	int port;

	static Stream<String> malformedRequests() {
		return Stream.of("GET /%zz HTTP/1.1", "GET /events/%2e%2e/admin/accounts HTTP/1.1", "GET /events%00 HTTP/1.1",
				"GET /events;jsessionid=x/..;/admin HTTP/1.1", "GET /events HTTP/1.1\r\nX-Big: " + "x".repeat(20_000),
				"GET /\u00ff\u0001 HTTP/1.1", "FOO / HTTP/1.1");
	}

	@ParameterizedTest
	@MethodSource("malformedRequests")
	void malformedRequestsGetA4xxWithTheSecurityHeadersAndNoDetails(String requestLine) throws Exception {
		String answer = send(requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
		String head = answer.substring(0, Math.max(answer.indexOf("\r\n\r\n"), 0)).toLowerCase(Locale.ROOT);
		int status = Integer.parseInt(answer.substring(9, 12));
		assertThat(status).as(answer).isBetween(400, 499);
		assertThat(head).as(answer)
			.contains("content-security-policy: default-src 'self'", "x-content-type-options: nosniff",
					"x-frame-options: deny");
		assertThat(answer).doesNotContain("Exception", "at org.", "Apache Tomcat");
	}

	private String send(String request) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
