package org.summittracker.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.summittracker.SummitTrackerApplication;
import org.summittracker.system.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at work while the database goes away and comes back, in a real browser: the
 * page that says so (a page type of its own, checked as {@link PageTypesBrowserTests}
 * checks the others, which it cannot reach without an outage), a change sent during the
 * outage said not to be saved, and the same change going through once the database is
 * back. The application runs on an embedded PostgreSQL of the test's own.
 */
class DatabaseOutageBrowserTests {

	static final String CONCERN = "/events/maintainers-summit-2021/sessions/using-rust-for-kernel-development"
			+ "/concerns/toolchain-stability";

	@TempDir
	Path work;

	@Test
	void thePersonIsToldTheDatabaseIsUnavailableAndCarriesOnWhenItIsBack() throws Exception {
		Path data = this.work.resolve("postgres");
		EmbeddedDatabase postgres = EmbeddedDatabase.keptIn(data, 0);
		int port = postgres.port();
		ChromeDriver driver = null;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SummitTrackerApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + postgres.url("summit"),
				"--spring.datasource.username=postgres", "--summit.database.embedded.enabled=false",
				"--summit.demo-data.enabled=true", "--spring.datasource.hikari.connection-timeout=1000",
				"--spring.main.register-shutdown-hook=false", "--logging.level.root=warn",
				"--logging.level.org.summittracker.system=error")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			driver = Chromium.start(this.work.resolve("downloads"));
			// Chromium may answer "node does not belong to the document" while the old
			// page
			// is replaced by the next one (as Page's waits say): asked again, it answers.
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Page.POLL);
			wait.ignoring(WebDriverException.class);
			driver.get(base + "/login");
			driver.findElement(By.id("username")).sendKeys("viro");
			driver.findElement(By.id("password")).sendKeys("demo");
			driver.findElement(By.xpath("//button[text()='Sign in']")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("header"), "Signed in as"));
			driver.get(base + CONCERN);
			driver.findElement(By.id("response-body")).sendKeys("Sent while the database was away");

			postgres.close();
			driver.findElement(By.xpath("//button[text()='Respond']")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "The database is unavailable"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("may not have been saved");

			driver.get(base + "/events");
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "The database is unavailable"));
			HttpResponse<byte[]> served = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/events")).header("Accept", "text/html").build(),
						HttpResponse.BodyHandlers.ofByteArray());
			SoftAssertions page = new SoftAssertions();
			page.assertThat(served.statusCode()).isEqualTo(503);
			page.assertThat(served.headers().firstValue("Retry-After")).hasValue("5");
			page.assertThat(HtmlChecker.errorsIn(served.body())).as("Nu Html Checker errors").isEmpty();
			page.assertThat(AccessibilityChecker.seriousViolationsOn(driver)).as("axe-core violations").isEmpty();
			page.assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
			// The stylesheet needs no database: the page looks like every other.
			page.assertThat(driver.findElement(By.cssSelector(".skip-link")).getLocation().getX())
				.as("the skip link is moved out of sight by the stylesheet")
				.isNegative();
			page.assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("??");
			page.assertThat(Screenshots.showAt(driver, Screenshots.PHONE)).isLessThanOrEqualTo(Screenshots.PHONE);
			Screenshots.take(driver, "database-unavailable", Screenshots.DESKTOP);
			Screenshots.take(driver, "database-unavailable", Screenshots.PHONE);
			page.assertAll();

			postgres = EmbeddedDatabase.keptIn(data, port);
			// As a person would: reload until the application has reconnected.
			ChromeDriver browser = driver;
			new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofSeconds(1)).until((d) -> {
				browser.get(base + CONCERN);
				return browser.findElement(By.tagName("h1")).getText().contains("Requires the newest Rust compiler");
			});
			assertThat(driver.findElement(By.tagName("body")).getText())
				.doesNotContain("Sent while the database was away");
			driver.findElement(By.id("response-body")).sendKeys("Sent again once it was back");
			driver.findElement(By.xpath("//button[text()='Respond']")).click();
			wait.until(
					ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Your response was added."));
			assertThat(driver.findElement(By.id("responses")).findElement(By.xpath("..")).getText())
				.contains("Sent again once it was back");
		}
		finally {
			if (driver != null) {
				driver.quit();
			}
			postgres.close();
		}
	}

}
