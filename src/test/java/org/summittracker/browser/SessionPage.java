package org.summittracker.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /events/{event}/sessions/{session}}: the proposal, its readiness, and everything
 * said about it.
 */
public class SessionPage extends Page {

	SessionPage(Reader reader) {
		super(reader);
	}

	public String proposal() {
		return main().findElement(By.className("proposal-text")).getText();
	}

	/** The readiness box as it reads, verdict first. */
	public String readiness() {
		return main().findElement(By.className("readiness")).getText();
	}

	/** What the readiness box says is missing, one sentence per item. */
	public List<String> missing() {
		return main().findElements(By.cssSelector(".readiness .missing li")).stream().map(WebElement::getText).toList();
	}

	/** Follows the concern's permalink wherever the page first shows it. */
	public ConcernPage opensConcern(String key) {
		return clicks(main().findElement(By.cssSelector("a[href$='/concerns/" + key + "']")), ConcernPage::new);
	}

	public PersonPage opensPerson(String name) {
		return followsLink(name, PersonPage::new);
	}

	public SubsystemPage opensSubsystem(String name) {
		return followsLink(name, SubsystemPage::new);
	}

	/** The export links by format ("md", "pdf", ...) and where they lead. */
	public Map<String, String> exportLinks() {
		Map<String, String> links = new LinkedHashMap<>();
		for (WebElement link : main().findElements(By.cssSelector("nav.exports a"))) {
			links.put(link.getText(), link.getAttribute("href"));
		}
		return links;
	}

	/**
	 * Clicks the export link for {@code format} and answers the file the browser saved.
	 */
	public Download downloadsMinutes(String format) {
		WebElement link = main()
			.findElement(By.xpath(".//nav[contains(@class,'exports')]//a[normalize-space()='" + format + "']"));
		String href = link.getAttribute("href");
		link.click();
		String fileName = href.replaceFirst(".*/events/([^/]+)/sessions/([^/]+)/minutes\\.(\\w+)$", "$1--$2.$3");
		Path file = this.reader.downloaded(fileName);
		try {
			return new Download(fileName, Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file the browser saved: its name and its bytes. */
	public record Download(String fileName, byte[] bytes) {

		public String text() {
			return new String(this.bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
