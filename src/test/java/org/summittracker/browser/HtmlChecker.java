package org.summittracker.browser;

import java.io.ByteArrayInputStream;
import java.util.List;

import nu.validator.client.EmbeddedValidator;

/**
 * The Nu Html Checker (the W3C's validator), run in this JVM; answers its errors, one
 * line each.
 */
final class HtmlChecker {

	private HtmlChecker() {
	}

	static List<String> errorsIn(byte[] html) {
		EmbeddedValidator validator = new EmbeddedValidator();
		validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
		validator.setLoadEntities(false);
		try {
			String report = validator.validate(new ByteArrayInputStream(html));
			// GNU format: one message a line, "file":line.col-line.col: type: message;
			// info lines are not errors.
			return report.lines().filter((line) -> line.matches(".*?: (error|fatal|non-document-error).*")).toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The Nu Html Checker could not run", ex);
		}
	}

}
