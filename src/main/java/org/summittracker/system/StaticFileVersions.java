package org.summittracker.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The version of a stylesheet or script the pages link to: the start of a digest of its
 * content. Linked as {@code /css/summit.css?v=<version>}, it is cached by browsers for a
 * year (application.properties) and still replaced at once when a release changes it,
 * because the new pages link to a new address. Templates ask for it as
 * {@code @staticFiles.version('/css/summit.css')}.
 */
@Component("staticFiles")
public class StaticFileVersions {

	private final Map<String, String> versions = new ConcurrentHashMap<>();

	public String version(String path) {
		return this.versions.computeIfAbsent(path, StaticFileVersions::digest);
	}

	private static String digest(String path) {
		try (InputStream in = new ClassPathResource("static" + path).getInputStream()) {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No static file " + path, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
