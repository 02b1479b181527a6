package org.summittracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser, over real HTTP, for tests that run the application on a port (or
 * several instances of it): keeps its cookies whichever instance set them, as a browser
 * behind one load balancer would, and sends forms with the page's CSRF token. Does not
 * follow redirects, so a test sees them. Safe to use from several threads.
 */
public final class HttpBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, String> cookies = new ConcurrentHashMap<>();

	private volatile String csrf;

	/** One answer: its status, body and where it redirects to (or {@code null}). */
	public record Answer(int status, String body, String location) {

	}

	public Answer get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/**
	 * Posts the form with the CSRF token of the last page that carried one (see
	 * {@link #open}).
	 */
	public Answer post(String url, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			form.putIfAbsent("_csrf", this.csrf);
		}
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Opens a page and keeps the CSRF token its forms carry. */
	public Answer open(String url) {
		Answer answer = get(url);
		Matcher token = CSRF.matcher(answer.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return answer;
	}

	/** Signs in on the instance at {@code base}; fails unless it worked. */
	public HttpBrowser signIn(String base, String username, String password) {
		open(base + "/login");
		Answer answer = post(base + "/login", Map.of("username", username, "password", password));
		if (answer.status() != 302 || !base.concat("/").equals(absolute(base, answer.location()))) {
			throw new IllegalStateException(
					"Sign-in as " + username + " failed: " + answer.status() + " to " + answer.location());
		}
		// The token changes with the sign-in.
		open(base + "/");
		return this;
	}

	public String cookie(String name) {
		return this.cookies.get(name);
	}

	private Answer send(HttpRequest.Builder request) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").timeout(Duration.ofSeconds(30));
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers().allValues("Set-Cookie").forEach(this::keep);
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void keep(String setCookie) {
		String[] parts = setCookie.split(";");
		String[] pair = parts[0].split("=", 2);
		boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
		if (expired || pair.length < 2 || pair[1].isEmpty()) {
			this.cookies.remove(pair[0].strip());
		}
		else {
			this.cookies.put(pair[0].strip(), pair[1].strip());
		}
	}

	private static String absolute(String base, String location) {
		return (location != null && location.startsWith("/")) ? base + location : location;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
