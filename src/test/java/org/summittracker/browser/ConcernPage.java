package org.summittracker.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code .../concerns/{key}}: one concern, its responses, follow-ups and status history.
 */
public class ConcernPage extends Page {

	ConcernPage(Reader reader) {
		super(reader);
	}

	/** The status line under the heading: badges and who raised it when. */
	public String status() {
		return main().findElement(By.cssSelector("h1 + .meta")).getText();
	}

	/** The facts list (Category, Subsystems, ...) as label → value. */
	public Map<String, String> facts() {
		Map<String, String> facts = new LinkedHashMap<>();
		List<WebElement> terms = main().findElements(By.cssSelector("dl.facts dt"));
		List<WebElement> values = main().findElements(By.cssSelector("dl.facts dd"));
		for (int i = 0; i < terms.size(); i++) {
			facts.put(terms.get(i).getText(), values.get(i).getText());
		}
		return facts;
	}

	/** Follows the "Raised by" link. */
	public PersonPage opensRaiser() {
		return clicks(main().findElement(By.cssSelector("h1 + .meta a[href^='/people/']")), PersonPage::new);
	}

	/** Back to the session through the breadcrumbs. */
	public SessionPage opensSession() {
		return clicks(main().findElement(By.cssSelector(".breadcrumbs a[href*='/sessions/']")), SessionPage::new);
	}

}
