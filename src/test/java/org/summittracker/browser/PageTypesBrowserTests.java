package org.summittracker.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page type in {@link PageTypes}: valid HTML by the Nu Html Checker, no serious or
 * critical axe-core violation, one h1, headings that skip no level, no unresolved message
 * key, nothing wider than a phone at 390 pixels, and screenshots at desktop and phone
 * widths and as printed. Each person signs in through the form once; their later page
 * types reuse that session's cookies, and every page is checked to be seen signed in as
 * that person (or signed out, when no one is named).
 */
@BrowserTest
class PageTypesBrowserTests {

	static final List<PageType> PAGE_TYPES = PageTypes.ALL;

	private static final Steps STEPS = new Steps(PageTypesBrowserTests.class);

	/**
	 * The cookies of each person's session, by application address and username: signing
	 * in through the form cost about a second for each of some 40 page types.
	 */
	private static final Map<String, Set<Cookie>> SESSIONS = new ConcurrentHashMap<>();

	@ParameterizedTest(name = "{0}")
	@FieldSource("PAGE_TYPES")
	void pageIsValidAccessibleAndFitsAPhone(PageType type, Reader reader) throws IOException {
		if (type.signedInAs() != null) {
			STEPS.time("sign in", () -> signsIn(reader, type.signedInAs()));
		}
		Reader.Served served = STEPS.time("open", () -> opens(type, reader));
		ChromeDriver driver = reader.driver();

		SoftAssertions page = new SoftAssertions();
		if (!type.download()) {
			page.assertThat(signedInAs(driver)).as("who %s is seen by", type).isEqualTo(type.signedInAs());
			page.assertThat(signedInAs(served.body())).as("who %s is served to", type).isEqualTo(type.signedInAs());
		}
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
	 * Signs in as {@code username}: through the form the first time, afterwards by giving
	 * the browser that session's cookies again (each test starts signed out).
	 */
	private static Void signsIn(Reader reader, String username) {
		String key = reader.baseUrl() + " " + username;
		Set<Cookie> cookies = SESSIONS.get(key);
		if (cookies == null) {
			reader.signsInAs(username);
			SESSIONS.put(key, reader.driver().manage().getCookies());
			return null;
		}
		ChromeDriver driver = reader.driver();
		if (!driver.getCurrentUrl().startsWith(reader.baseUrl())) {
			// Cookies are given to the page's host: a saved page may be open.
			driver.get(reader.baseUrl() + "/css/summit.css");
		}
		cookies.forEach(driver.manage()::addCookie);
		return null;
	}

	/**
	 * The username the page's header shows as signed in (by its sign-out form), or null
	 * when it offers to sign in.
	 */
	private static String signedInAs(ChromeDriver driver) {
		List<WebElement> signOut = driver.findElements(By.cssSelector("form[action$='/logout'] strong"));
		return signOut.isEmpty() ? null : signOut.get(0).getText();
	}

	/** The same, in the page as served. */
	private static String signedInAs(byte[] body) {
		Element signOut = Jsoup.parse(new String(body, StandardCharsets.UTF_8))
			.selectFirst("form[action$=/logout] strong");
		return (signOut != null) ? signOut.text() : null;
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
