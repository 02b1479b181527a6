package org.summittracker.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.summittracker.account.ApiToken;
import org.summittracker.shared.ProblemWriter;

/**
 * {@code Idempotency-Key} on the API's POSTs (the IETF httpapi draft): the first answer
 * to a token's key is kept in {@code api_idempotency} for a day, and a retry with the
 * same key and the same request gets that answer again (with {@code Idempotency-Replayed:
 * true}) instead of making the change twice. The same key with another request is refused
 * with 422, and while the first is still being answered with 409. A 5xx answer is not
 * kept, so a retry tries again. Shared by every instance through the database.
 */
class Idempotency extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final Duration KEPT = Duration.ofDays(1);

	private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,128}$");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ProblemWriter problems;

	Idempotency(JdbcClient jdbc, Clock clock, ProblemWriter problems) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.problems = problems;
	}

	private record Kept(String requestHash, int status, String location, String contentType, String body) {

	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !(request.getAttribute(ApiToken.ATTRIBUTE) instanceof ApiToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (!KEY.matcher(key).matches()) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-parameter",
					"An Idempotency-Key is 1 to 128 visible ASCII characters, such as a UUID.");
			return;
		}
		long token = ((ApiToken) request.getAttribute(ApiToken.ATTRIBUTE)).id();
		byte[] body = request.getInputStream().readAllBytes();
		String hash = hash(request, body);
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from api_idempotency where created_at < ?")
			.param(Timestamp.from(now.minus(KEPT)))
			.update();
		int claimed = this.jdbc.sql("""
				insert into api_idempotency (token_id, idem_key, request_hash, status, body, created_at)
				values (?, ?, ?, 0, '', ?) on conflict do nothing
				""").params(token, key, hash, Timestamp.from(now)).update();
		if (claimed == 0) {
			answerAgain(request, response, token, key, hash);
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new Replayed(request, body), answer);
			if (answer.getStatus() < 500) {
				this.jdbc.sql("""
						update api_idempotency set status = ?, location = ?, content_type = ?, body = ?
						where token_id = ? and idem_key = ?
						""")
					.params(answer.getStatus(), answer.getHeader(HttpHeaders.LOCATION), answer.getContentType(),
							new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8), token, key)
					.update();
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.jdbc.sql("delete from api_idempotency where token_id = ? and idem_key = ?")
					.params(token, key)
					.update();
			}
			answer.copyBodyToResponse();
		}
	}

	private void answerAgain(HttpServletRequest request, HttpServletResponse response, long token, String key,
			String hash) throws IOException {
		Optional<Kept> kept = this.jdbc
			.sql("select request_hash, status, location, content_type, body from api_idempotency"
					+ " where token_id = ? and idem_key = ?")
			.params(token, key)
			.query((rs, row) -> new Kept(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
		if (kept.isEmpty() || kept.get().status() == 0) {
			this.problems.write(request, response, HttpStatus.CONFLICT, "idempotency-key-in-use",
					"A request with this Idempotency-Key is still being answered; retry in a moment.");
			return;
		}
		if (!kept.get().requestHash().equals(hash)) {
			this.problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"This Idempotency-Key was used for another request; use a new key for a new request.");
			return;
		}
		response.setStatus(kept.get().status());
		response.setHeader("Idempotency-Replayed", "true");
		if (kept.get().location() != null) {
			response.setHeader(HttpHeaders.LOCATION, kept.get().location());
		}
		if (kept.get().contentType() != null) {
			response.setContentType(kept.get().contentType());
		}
		byte[] bytes = kept.get().body().getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(
					(request.getRequestURI() + "?" + request.getQueryString() + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The request with the body that was read to hash it, to read again. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
