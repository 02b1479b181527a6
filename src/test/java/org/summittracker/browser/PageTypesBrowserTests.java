package org.summittracker.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page type in {@link PageTypes}: valid HTML by the Nu Html Checker, no serious or
 * critical axe-core violation, one h1, headings that skip no level, no unresolved message
 * key, nothing wider than a phone at 390 pixels, and screenshots at desktop and phone
 * widths and as printed.
 */
@BrowserTest
class PageTypesBrowserTests {

	static final List<PageType> PAGE_TYPES = PageTypes.ALL;

	private static final Steps STEPS = new Steps(PageTypesBrowserTests.class);

	@ParameterizedTest(name = "{0}")
	@FieldSource("PAGE_TYPES")
	void pageIsValidAccessibleAndFitsAPhone(PageType type, Reader reader) throws IOException {
		if (type.signedInAs() != null) {
			STEPS.time("sign in", () -> reader.signsInAs(type.signedInAs()));
		}
		Reader.Served served = STEPS.time("open", () -> opens(type, reader));
		ChromeDriver driver = reader.driver();

		SoftAssertions page = new SoftAssertions();
		page.assertThat(served.status()).as("%s answers", type).isEqualTo(type.status());
		page.assertThat(STEPS.time("Nu Html Checker", () -> HtmlChecker.errorsIn(served.body())))
			.as("Nu Html Checker errors on %s", type)
			.isEmpty();
		page.assertThat(STEPS.time("axe-core", () -> AccessibilityChecker.seriousViolationsOn(driver)))
			.as("serious or critical axe-core violations on %s", type)
			.isEmpty();
		long started = System.nanoTime();
		page.assertThat(driver.findElements(By.tagName("h1"))).as("h1 headings on %s", type).hasSize(1);
		page.assertThat(skippedHeadingLevels(driver)).as("headings that skip a level on %s", type).isEmpty();
		page.assertThat(driver.findElement(By.tagName("body")).getText())
			.as("unresolved message keys on %s", type)
			.doesNotContain("??");
		page.assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
			.as("language of %s", type)
			.isEqualTo("en");
		page.assertThat(Screenshots.showAt(driver, Screenshots.PHONE))
			.as("width %s lays out in on a %d pixel phone", type, Screenshots.PHONE)
			.isLessThanOrEqualTo(Screenshots.PHONE);
		STEPS.add("headings, text, width", System.nanoTime() - started);
		STEPS.time("screenshot 1280", () -> Screenshots.take(driver, type.name(), Screenshots.DESKTOP));
		STEPS.time("screenshot 390", () -> Screenshots.take(driver, type.name(), Screenshots.PHONE));
		STEPS.time("screenshot printed", () -> Screenshots.takePrinted(driver, type.name()));
		page.assertAll();
	}

	/** Where the class's time went, in the log. */
	@AfterAll
	static void tellTheCost() {
		STEPS.log();
	}

	/**
	 * Headings read in order, as a screen reader lists them: each at most one level below
	 * the one before.
	 */
	private static List<String> skippedHeadingLevels(ChromeDriver driver) {
		List<String> skipped = new ArrayList<>();
		int previous = 0;
		for (org.openqa.selenium.WebElement heading : driver.findElements(By.cssSelector("h1, h2, h3, h4, h5, h6"))) {
			int level = heading.getTagName().charAt(1) - '0';
			if (level > previous + 1) {
				skipped.add("h" + level + " \"" + heading.getText() + "\" after h" + previous);
			}
			previous = level;
		}
		return skipped;
	}

	/**
	 * Shows the page in the browser as a person reaches it; answers what the server sent
	 * for it.
	 */
	private static Reader.Served opens(PageType type, Reader reader) throws IOException {
		if (type.download()) {
			// The browser saves an attachment rather than showing it: open the saved
			// copy, as one does to print it.
			Reader.Served served = reader.fetches(reader.baseUrl() + type.path());
			Path copy = Screenshots.FOLDER.resolveSibling("pages").resolve(type.name() + ".html").toAbsolutePath();
			Files.createDirectories(copy.getParent());
			Files.write(copy, served.body());
			reader.driver().get(copy.toUri().toString());
			return served;
		}
		Page page = reader.visits(type.path());
		if (type.thenFollows() != null) {
			page.followsLink(type.thenFollows());
		}
		return reader.fetches(reader.driver().getCurrentUrl());
	}

}
