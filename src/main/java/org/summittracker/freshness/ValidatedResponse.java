package org.summittracker.freshness;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;

/**
 * A response whose validators (ETag, Last-Modified) are sent only with a 304 or a 200: an
 * error page or a redirect never carries them. It streams its body unchanged (large
 * exports stay in bounded memory) and, when asked, keeps a copy up to a limit for the
 * page cache; a body to be kept may be held back from the client until it is known
 * whether the page kept is sent in its place ({@link #holdBody()}).
 */
class ValidatedResponse extends HttpServletResponseWrapper {

	private final Map<String, Object> validators = new LinkedHashMap<>();

	private final int limit;

	/** Whether the body is still being copied: a copy is kept up to the limit. */
	private boolean copying;

	/** Made on the first byte written: a 304 or a page sent from the cache needs none. */
	private ByteArrayOutputStream copy;

	/**
	 * Whether the body copied is held back from the client: sent when it is released, or
	 * dropped for the page kept.
	 */
	private boolean holding;

	private ServletOutputStream stream;

	private PrintWriter writer;

	/**
	 * @param limit the largest body to keep a copy of; 0 keeps none
	 */
	ValidatedResponse(HttpServletResponse response, int limit) {
		super(response);
		this.limit = limit;
		this.copying = limit > 0;
	}

	/** The body as sent, or null when none was kept or it was larger than the limit. */
	byte[] body() throws IOException {
		finish();
		if (!this.copying || getStatus() != SC_OK) {
			return null;
		}
		return (this.copy != null) ? this.copy.toByteArray() : new byte[0];
	}

	/** Whether a copy of the whole body so far was kept. */
	boolean copied() {
		return this.copying && this.copy != null;
	}

	/**
	 * Keeps no copy of the body: it is one already kept (a page sent from the cache). A
	 * body held back is dropped: the page kept is sent in its place.
	 */
	void copyNothing() {
		stopCopying();
	}

	/**
	 * Holds the body back while it is copied, so that it is compressed once, as kept,
	 * rather than once as it streams and again for the readers after (and not at all when
	 * it is the page kept before, rendered again the same). Released at once, and
	 * streamed on, as soon as it is larger than the limit or is not a 200's.
	 */
	void holdBody() {
		this.holding = this.copying;
	}

	/** Whether the body is held back still: nothing of it has been sent. */
	boolean holds() {
		return this.holding;
	}

	/** Sends what was held back; whatever is written after streams as usual. */
	void release() throws IOException {
		if (this.holding) {
			this.holding = false;
			if (this.copy != null && this.copy.size() > 0) {
				this.copy.writeTo(super.getOutputStream());
			}
		}
	}

	void finish() throws IOException {
		if (this.writer != null) {
			this.writer.flush();
		}
	}

	@Override
	public void setHeader(String name, String value) {
		if (isValidator(name) && getStatus() != SC_NOT_MODIFIED) {
			this.validators.put(name, value);
		}
		else {
			super.setHeader(name, value);
		}
	}

	@Override
	public void setDateHeader(String name, long date) {
		if (isValidator(name) && getStatus() != SC_NOT_MODIFIED) {
			this.validators.put(name, date);
		}
		else {
			super.setDateHeader(name, date);
		}
	}

	@Override
	public String getHeader(String name) {
		if (isValidator(name) && this.validators.containsKey(name)) {
			Object value = this.validators.get(name);
			return (value instanceof Long date) ? null : (String) value;
		}
		return super.getHeader(name);
	}

	@Override
	public boolean containsHeader(String name) {
		return (isValidator(name) && this.validators.containsKey(name)) || super.containsHeader(name);
	}

	@Override
	public void setStatus(int status) {
		super.setStatus(status);
		if (status == SC_NOT_MODIFIED) {
			sendValidators();
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.stream == null) {
			committing();
			ServletOutputStream target = super.getOutputStream();
			this.stream = new ServletOutputStream() {

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (ValidatedResponse.this.holding && !addToCopy(bytes, offset, length)) {
						release();
						stopCopying();
					}
					if (!ValidatedResponse.this.holding) {
						target.write(bytes, offset, length);
						keep(bytes, offset, length);
					}
				}

				@Override
				public void flush() throws IOException {
					if (!ValidatedResponse.this.holding) {
						target.flush();
					}
				}

				@Override
				public boolean isReady() {
					return target.isReady();
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					target.setWriteListener(listener);
				}

			};
		}
		return this.stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			// Buffered as characters: templates write many short strings, and each write
			// straight to the encoder is a locked call and a buffer wrapped of its own.
			this.writer = new PrintWriter(new BufferedWriter(
					new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())), 8192));
		}
		return this.writer;
	}

	@Override
	public void setContentLength(int length) {
		committing();
		super.setContentLength(length);
	}

	@Override
	public void setContentLengthLong(long length) {
		committing();
		super.setContentLengthLong(length);
	}

	@Override
	public void flushBuffer() throws IOException {
		committing();
		finish();
		if (!this.holding) {
			super.flushBuffer();
		}
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		if (this.copy != null) {
			this.copy.reset();
		}
	}

	@Override
	public void reset() {
		super.reset();
		stopCopying();
	}

	/** The body starts: a 200 gets its validators, anything else goes without. */
	private void committing() {
		if (getStatus() == SC_OK) {
			sendValidators();
		}
		else {
			try {
				release();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			stopCopying();
		}
	}

	/** Keeps no more copy, and drops what was held back (release it first to send it). */
	private void stopCopying() {
		this.copying = false;
		this.holding = false;
		this.copy = null;
	}

	private void sendValidators() {
		this.validators.forEach((name, value) -> {
			if (value instanceof Long date) {
				super.setDateHeader(name, date);
			}
			else if (value != null) {
				super.setHeader(name, (String) value);
			}
		});
		this.validators.clear();
	}

	private void keep(byte[] bytes, int offset, int length) {
		if (this.copying && !addToCopy(bytes, offset, length)) {
			stopCopying();
		}
	}

	/**
	 * Adds the bytes to the copy; false when they would make it larger than the limit.
	 */
	private boolean addToCopy(byte[] bytes, int offset, int length) {
		if (this.copy == null) {
			this.copy = new ByteArrayOutputStream(Math.min(this.limit, 16 * 1024));
		}
		if (this.copy.size() + length > this.limit) {
			return false;
		}
		this.copy.write(bytes, offset, length);
		return true;
	}

	private static boolean isValidator(String name) {
		return HttpHeaders.ETAG.equalsIgnoreCase(name) || HttpHeaders.LAST_MODIFIED.equalsIgnoreCase(name);
	}

}
