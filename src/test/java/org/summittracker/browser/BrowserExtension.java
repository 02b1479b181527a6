package org.summittracker.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one Chromium per test class, signs it out before each test, and hands tests a
 * {@link Reader} pointed at the application's random port.
 */
class BrowserExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Path downloads = Files.createTempDirectory("summit-downloads");
		context.getStore(NAMESPACE).put(Reader.class, new Reader(Chromium.start(downloads), downloads));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Reader reader = context.getStore(NAMESPACE).remove(Reader.class, Reader.class);
		if (reader != null) {
			reader.driver().quit();
		}
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
		return context.getStore(NAMESPACE).get(Reader.class, Reader.class);
	}

	private static String baseUrl(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		return "http://localhost:" + port;
	}

}
