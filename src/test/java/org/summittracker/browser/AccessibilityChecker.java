package org.summittracker.browser;

import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page the browser shows; answers its serious and critical violations,
 * one line each.
 */
final class AccessibilityChecker {

	private static final Set<String> SERIOUS = Set.of("serious", "critical");

	private AccessibilityChecker() {
	}

	static List<String> seriousViolationsOn(WebDriver driver) {
		List<Rule> violations = new AxeBuilder().analyze(driver).getViolations();
		return violations.stream()
			.filter((rule) -> SERIOUS.contains(rule.getImpact()))
			.flatMap((rule) -> rule.getNodes()
				.stream()
				.map((node) -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + node.getTarget()
						+ ": " + node.getFailureSummary().replace('\n', ' ')))
			.toList();
	}

}
