package org.summittracker.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one Chromium for the whole test run (the first test class that asks for it
 * starts it, the end of the run quits it), signs it out and empties its downloads before
 * each test, and hands tests a {@link Reader} pointed at the application's random port.
 */
class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(Browser.class, (key) -> Browser.start(), Browser.class);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reader(context).startsAfresh(baseUrl(context));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Reader.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return reader(context);
	}

	private static Reader reader(ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).get(Browser.class, Browser.class).reader();
	}

	private static String baseUrl(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		return "http://localhost:" + port;
	}

	/** The run's one Chromium, quit when the root context's store is closed. */
	private record Browser(Reader reader) implements AutoCloseable {

		static Browser start() {
			try {
				Path downloads = Files.createTempDirectory("summit-downloads");
				return new Browser(new Reader(Chromium.start(downloads), downloads));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			this.reader.driver().quit();
		}

	}

}
