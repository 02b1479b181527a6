package org.summittracker.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The threads assembled in {@code src/test/resources/mail}. */
final class MailFixtures {

	private MailFixtures() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = MailFixtures.class.getResourceAsStream("/mail/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
