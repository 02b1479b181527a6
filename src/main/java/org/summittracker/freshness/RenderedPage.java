package org.summittracker.freshness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * What an anonymous reader was sent for a page, feed or export: its type, its download
 * name if any, and its bytes, kept gzipped too once a reader accepts that.
 */
record RenderedPage(String contentType, String contentDisposition, byte[] body, byte[][] gzipped) {

	/** Below this, gzip saves less than it costs. */
	static final int GZIP_FROM = 1024;

	RenderedPage(String contentType, String contentDisposition, byte[] body) {
		this(contentType, contentDisposition, body, new byte[1][]);
	}

	boolean compressible() {
		String type = (this.contentType != null) ? this.contentType : "";
		return this.body.length >= GZIP_FROM && (type.startsWith("text/") || type.startsWith("application/json")
				|| type.startsWith("application/xml") || type.startsWith("application/atom+xml"));
	}

	/** Whether the other is the same answer: the same type, download name and bytes. */
	boolean sameAs(RenderedPage other) {
		return Objects.equals(this.contentType, other.contentType)
				&& Objects.equals(this.contentDisposition, other.contentDisposition)
				&& Arrays.equals(this.body, other.body);
	}

	/** The body gzipped, made on the first request that accepts it. */
	byte[] gzippedBody() {
		byte[] made = this.gzipped[0];
		if (made == null) {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(this.body.length / 3 + 64);
			try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
				gzip.write(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			made = buffer.toByteArray();
			this.gzipped[0] = made;
		}
		return made;
	}

	/** What it weighs in the cache, roughly in bytes. */
	int weight() {
		return 256 + this.body.length + ((this.gzipped[0] != null) ? this.gzipped[0].length : this.body.length / 3);
	}

}
