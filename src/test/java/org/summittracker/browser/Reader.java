package org.summittracker.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone using Summit Tracker in a browser. Journeys start here:
 * {@code reader.opensHome()}, {@code reader.signsInAs("viro")},
 * {@code reader.visits("/people/viro", PersonPage::new)}.
 */
public final class Reader {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ChromeDriver driver;

	private final Path downloads;

	private String baseUrl;

	Reader(ChromeDriver driver, Path downloads) {
		this.driver = driver;
		this.downloads = downloads;
	}

	/** Signed out, nothing downloaded, a desktop-sized window: each test starts here. */
	void startsAfresh(String baseUrl) {
		this.baseUrl = baseUrl;
		// Cookies belong to the host, whatever the port: the browser may come from a test
		// class whose application listens on another.
		if (this.driver.getCurrentUrl() != null && this.driver.getCurrentUrl().startsWith("http://localhost:")) {
			this.driver.manage().deleteAllCookies();
		}
		this.driver.manage().window().setSize(new Dimension(1280, 900));
		try (Stream<Path> files = Files.list(this.downloads)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public HomePage opensHome() {
		return visits("/", HomePage::new);
	}

	/**
	 * Types an address into the browser, as someone following a permalink from a mail
	 * would.
	 */
	public <P extends Page> P visits(String path, Function<Reader, P> page) {
		this.driver.get(this.baseUrl + path);
		return page.apply(this);
	}

	public Page visits(String path) {
		return visits(path, Page::new);
	}

	/** Signs in through the form with the demo password and lands on the home page. */
	public HomePage signsInAs(String username) {
		return signsInAs(username, "demo");
	}

	/** Signs in through the form and lands on the home page. */
	public HomePage signsInAs(String username, String password) {
		return visits("/login", SignInPage::new).signsIn(username, password, HomePage::new);
	}

	/** Presses "Sign out" in the header. */
	public SignInPage signsOut() {
		return new Page(this).pressesButton("Sign out", SignInPage::new);
	}

	String baseUrl() {
		return this.baseUrl;
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Waits for a file the browser is saving to arrive complete in the downloads folder.
	 */
	Path downloaded(String fileName) {
		Path file = this.downloads.resolve(fileName);
		new WebDriverWait(this.driver, Duration.ofSeconds(20), Page.POLL).until((d) -> Files.isRegularFile(file)
				&& !Files.exists(this.downloads.resolve(fileName + ".crdownload")) && file.toFile().length() > 0);
		return file;
	}

	/**
	 * Fetches {@code url} outside the browser but with its cookies (signed in as it is):
	 * the bytes as served.
	 */
	Served fetches(String url) {
		String cookies = this.driver.manage()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies);
		}
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Served(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What the server answered: status, media type and body. */
	record Served(int status, String contentType, byte[] body) {
	}

	/** The element the browser is showing for {@code by}, for page objects. */
	WebElement find(By by) {
		return this.driver.findElement(by);
	}

}
