package org.summittracker.browser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import nu.validator.messages.GnuMessageEmitter;
import nu.validator.messages.MessageEmitterAdapter;
import nu.validator.servlet.imagereview.ImageCollector;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.xml.sax.InputSource;

/**
 * The Nu Html Checker (the W3C's validator), run in this JVM; answers its errors, one
 * line each. It checks each page as {@link EmbeddedValidator} does (the same schema,
 * checkers and GNU output), but reads and compiles the schema once: that took seconds a
 * page, most of what checking one cost.
 */
final class HtmlChecker {

	/** What {@code SimpleDocumentValidator.setUpMainSchema} sets up. */
	private static final String[] SCHEMA_FIELDS = { "mainSchema", "mainSchemaUrl", "hasHtml5Schema", "assertionSchema",
			"langdetectSchema" };

	private static SimpleDocumentValidator withSchema;

	private HtmlChecker() {
	}

	static synchronized List<String> errorsIn(byte[] html) {
		try {
			// EmbeddedValidator's own settings: log4j set up, no URLs logged, its
			// language detection, no external entities, streaming.
			if (withSchema == null) {
				withSchema = new SimpleDocumentValidator(true, false, true);
				withSchema.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, new SystemErrErrorHandler());
			}
			SimpleDocumentValidator validator = new SimpleDocumentValidator(false, false, true);
			for (String name : SCHEMA_FIELDS) {
				Field field = SimpleDocumentValidator.class.getDeclaredField(name);
				field.setAccessible(true);
				field.set(validator, field.get(withSchema));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MessageEmitterAdapter report = new MessageEmitterAdapter(null, validator.getSourceCode(), true,
					new ImageCollector(validator.getSourceCode()), 0, true, new GnuMessageEmitter(out, false));
			report.setErrorsOnly(false);
			report.setHtml(true);
			report.start(null);
			validator.setUpValidatorAndParsers(report, false, false);
			validator.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(html)));
			report.end("Document checking completed. No errors found.", "Document checking completed.", "");
			// GNU format: one message a line, "file":line.col-line.col: type: message;
			// info lines are not errors.
			return out.toString(StandardCharsets.UTF_8)
				.lines()
				.filter((line) -> line.matches(".*?: (error|fatal|non-document-error).*"))
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The Nu Html Checker could not run", ex);
		}
	}

}
