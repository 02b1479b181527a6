package org.summittracker.freshness;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
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
 * page cache.
 */
class ValidatedResponse extends HttpServletResponseWrapper {

	private final Map<String, Object> validators = new LinkedHashMap<>();

	private final int limit;

	/** Whether the body is still being copied: a copy is kept up to the limit. */
	private boolean copying;

	/** Made on the first byte written: a 304 or a page sent from the cache needs none. */
	private ByteArrayOutputStream copy;

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

	/** Keeps no copy of the body: it is one already kept (a page sent from the cache). */
	void copyNothing() {
		stopCopying();
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
					target.write(b);
					keep(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					target.write(bytes, offset, length);
					keep(bytes, offset, length);
				}

				@Override
				public void flush() throws IOException {
					target.flush();
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
		super.flushBuffer();
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
			stopCopying();
		}
	}

	private void stopCopying() {
		this.copying = false;
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
		if (!this.copying) {
			return;
		}
		if (this.copy == null) {
			this.copy = new ByteArrayOutputStream(Math.min(this.limit, 16 * 1024));
		}
		if (this.copy.size() + length > this.limit) {
			stopCopying();
		}
		else {
			this.copy.write(bytes, offset, length);
		}
	}

	private static boolean isValidator(String name) {
		return HttpHeaders.ETAG.equalsIgnoreCase(name) || HttpHeaders.LAST_MODIFIED.equalsIgnoreCase(name);
	}

}
