package org.summittracker.browser;

import java.util.List;
import java.util.Set;

import com.deque.html.axecore.args.AxeRunOptions;
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

	/**
	 * Every rule runs, as before; what is cut is work on what is not read. By default
	 * axe-core runs in partial mode (each frame apart, results gathered in the test JVM)
	 * where it computes a unique CSS selector for every node of every result, passes and
	 * inapplicable rules included, and sends them all back: 1.5 s a page. Run whole in
	 * the page ("legacy" mode: no page has a frame, and cross-origin frames are what it
	 * gives up), and with the violations alone processed ({@code resultTypes}: the other
	 * groups keep one node each), it is a fraction of that (docs/benchmark-rounds.md,
	 * ci18l).
	 */
	static List<String> seriousViolationsOn(WebDriver driver) {
		AxeRunOptions options = new AxeRunOptions();
		options.setResultTypes(List.of("violations"));
		List<Rule> violations = new AxeBuilder().setLegacyMode(true)
			.withOptions(options)
			.analyze(driver)
			.getViolations();
		return violations.stream()
			.filter((rule) -> SERIOUS.contains(rule.getImpact()))
			.flatMap((rule) -> rule.getNodes()
				.stream()
				.map((node) -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + node.getTarget()
						+ ": " + node.getFailureSummary().replace('\n', ' ')))
			.toList();
	}

}
