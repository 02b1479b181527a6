package org.summittracker.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /events/{event}}: the event's sessions in schedule order, each with its
 * readiness.
 */
public class EventPage extends Page {

	EventPage(Reader reader) {
		super(reader);
	}

	/** Each session as its card reads: title, proposal, readiness and what is missing. */
	public List<String> sessions() {
		return main().findElements(org.openqa.selenium.By.cssSelector(".sessions > li"))
			.stream()
			.map(org.openqa.selenium.WebElement::getText)
			.toList();
	}

	public SessionPage opensSession(String title) {
		return followsLink(title, SessionPage::new);
	}

	/**
	 * Follows "Add to calendar": what the server answers at the link's address (outside
	 * the browser, which only saves the file), then the file the browser saves.
	 */
	public CalendarFile addsToCalendar() {
		WebElement link = main().findElement(By.linkText("Add to calendar"));
		String href = link.getAttribute("href");
		Reader.Served served = this.reader.fetches(href);
		link.click();
		String fileName = href.replaceFirst(".*/events/([^/]+)/timetable\\.ics$", "$1.ics");
		try {
			return new CalendarFile(served.status(), served.contentType(),
					Files.readString(this.reader.downloaded(fileName), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The event's calendar: as served (status and media type) and as saved. */
	public record CalendarFile(int status, String contentType, String text) {

	}

}
