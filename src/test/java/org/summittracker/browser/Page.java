package org.summittracker.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Any page of the application, read the way a person reads it: its heading, its sections,
 * its links.
 */
public class Page {

	/**
	 * How often a wait looks again: a page is usually there within a few tens of
	 * milliseconds, and Selenium's default (500 ms) would be spent on every click.
	 */
	static final Duration POLL = Duration.ofMillis(50);

	protected final Reader reader;

	Page(Reader reader) {
		this.reader = reader;
	}

	/** The page's one h1, as shown. */
	public String heading() {
		return this.reader.find(By.tagName("h1")).getText();
	}

	/** The browser tab's title. */
	public String title() {
		return this.reader.driver().getTitle();
	}

	/** The path (and query) in the address bar: the permalink of what is shown. */
	public String path() {
		URI uri = URI.create(this.reader.driver().getCurrentUrl());
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	/** Everything the main part of the page shows, as text. */
	public String text() {
		return main().getText();
	}

	/**
	 * The text of the section under the h2 reading {@code heading} (the heading
	 * included).
	 */
	public String section(String heading) {
		return sectionElement(heading).getText();
	}

	/** The items of a list or the rows of a table in that section, one string each. */
	public List<String> itemsOf(String heading) {
		return sectionElement(heading).findElements(By.cssSelector("li, tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** The words on every badge in the main part of the page. */
	public List<String> badges() {
		return main().findElements(By.className("badge")).stream().map(WebElement::getText).toList();
	}

	/**
	 * The message a page shows after a change ("Saved." and the like), or an empty
	 * string.
	 */
	public String flash() {
		return this.reader.driver()
			.findElements(By.cssSelector(".flash, .notice, .problem, .form-error"))
			.stream()
			.map(WebElement::getText)
			.findFirst()
			.orElse("");
	}

	/** Follows the first link in the main part of the page that shows {@code text}. */
	public <P extends Page> P followsLink(String text, Function<Reader, P> page) {
		return clicks(main().findElement(By.partialLinkText(text)), page);
	}

	public Page followsLink(String text) {
		return followsLink(text, Page::new);
	}

	/** Follows the link of the site's header that shows {@code text}. */
	public <P extends Page> P followsHeaderLink(String text, Function<Reader, P> page) {
		return clicks(this.reader.find(By.cssSelector("header.site-header")).findElement(By.linkText(text)), page);
	}

	/** Where the footer's link that shows {@code text} leads. */
	public String footerLink(String text) {
		return this.reader.find(By.cssSelector("footer.site-footer"))
			.findElement(By.linkText(text))
			.getAttribute("href");
	}

	/** Presses the button labelled {@code label} anywhere on the page. */
	public <P extends Page> P pressesButton(String label, Function<Reader, P> page) {
		return clicks(this.reader.find(By.xpath("//button[normalize-space()='" + label + "']")), page);
	}

	/** Types into the field whose label reads {@code label}, replacing what was there. */
	public Page fillsIn(String label, String value) {
		WebElement field = field(label);
		field.clear();
		field.sendKeys(value);
		return this;
	}

	/**
	 * Chooses the option shown as {@code option} in the select labelled {@code label}.
	 */
	public Page chooses(String label, String option) {
		new org.openqa.selenium.support.ui.Select(field(label)).selectByVisibleText(option);
		return this;
	}

	/** Ticks the checkbox or radio button labelled {@code label}. */
	public Page ticks(String label) {
		WebElement box = field(label);
		if (!box.isSelected()) {
			box.click();
		}
		return this;
	}

	/**
	 * The form control a label names: by its for attribute, or the control inside the
	 * label.
	 */
	protected WebElement field(String label) {
		WebElement element = this.reader
			.find(By.xpath("//label[normalize-space()='" + label + "' or normalize-space(text())='" + label + "']"));
		String id = element.getAttribute("for");
		return (id != null && !id.isEmpty()) ? this.reader.find(By.id(id))
				: element.findElement(By.cssSelector("input, select, textarea"));
	}

	protected WebElement main() {
		return this.reader.find(By.tagName("main"));
	}

	protected WebElement sectionElement(String heading) {
		return main().findElement(By.xpath(".//section[h2[normalize-space()='" + heading
				+ "' or starts-with(normalize-space(), '" + heading + "')]]"));
	}

	/** Clicks and waits until the next page has replaced this one. */
	protected <P extends Page> P clicks(WebElement element, Function<Reader, P> page) {
		WebElement html = this.reader.find(By.tagName("html"));
		element.click();
		// Chromium may answer "node does not belong to the document" while the old page
		// goes: keep waiting.
		new WebDriverWait(this.reader.driver(), Duration.ofSeconds(15), POLL)
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(ExpectedConditions.stalenessOf(html));
		return page.apply(this.reader);
	}

}
