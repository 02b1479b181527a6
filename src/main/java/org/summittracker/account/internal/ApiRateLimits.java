package org.summittracker.account.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

import org.summittracker.shared.ProblemWriter;
import org.summittracker.account.ApiToken;

/**
 * Rate limits for the API, per token and per address, in fixed windows of
 * {@value #WINDOW_SECONDS} seconds. The counters are rows in {@code api_rate_window} (one
 * upsert per key and request), so every instance counts the same requests. Answers carry
 * {@code RateLimit-Policy} and {@code RateLimit} (the IETF httpapi draft's structured
 * fields); a request over a limit gets 429 with {@code Retry-After}.
 */
final class ApiRateLimits {

	private static final String ADDRESS_LEFT = ApiRateLimits.class.getName() + ".addressLeft";

	static final int WINDOW_SECONDS = 60;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ProblemWriter problems;

	private final int perToken;

	private final int perAddress;

	ApiRateLimits(JdbcClient jdbc, Clock clock, ProblemWriter problems, int perToken, int perAddress) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.problems = problems;
		this.perToken = perToken;
		this.perAddress = perAddress;
	}

	/**
	 * The address is counted before the token is looked at (so guessing tokens is limited
	 * too), the token once it is known.
	 */
	Filter addressStage() {
		return new Stage(false);
	}

	Filter tokenStage() {
		return new Stage(true);
	}

	private final class Stage extends OncePerRequestFilter {

		private final boolean token;

		Stage(boolean token) {
			this.token = token;
		}

		@Override
		protected String getAlreadyFilteredAttributeName() {
			return super.getAlreadyFilteredAttributeName() + (this.token ? ".token" : ".address");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Instant now = ApiRateLimits.this.clock.instant();
			long start = now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), WINDOW_SECONDS);
			long reset = start + WINDOW_SECONDS - now.getEpochSecond();
			boolean over;
			if (!this.token) {
				int left = ApiRateLimits.this.perAddress - hit("address:" + address(request), start);
				request.setAttribute(ADDRESS_LEFT, left);
				response.setHeader("RateLimit-Policy",
						"\"address\";q=" + ApiRateLimits.this.perAddress + ";w=" + WINDOW_SECONDS);
				response.setHeader("RateLimit", "\"address\";r=" + Math.max(0, left) + ";t=" + reset);
				over = left < 0;
			}
			else if (request.getAttribute(ApiToken.ATTRIBUTE) instanceof ApiToken apiToken) {
				int left = ApiRateLimits.this.perToken - hit("token:" + apiToken.id(), start);
				response.setHeader("RateLimit-Policy", "\"token\";q=" + ApiRateLimits.this.perToken + ";w="
						+ WINDOW_SECONDS + ", " + response.getHeader("RateLimit-Policy"));
				if (request.getAttribute(ADDRESS_LEFT) instanceof Integer addressLeft && left < addressLeft) {
					response.setHeader("RateLimit", "\"token\";r=" + Math.max(0, left) + ";t=" + reset);
				}
				over = left < 0;
			}
			else {
				over = false;
			}
			if (over) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(reset));
				ApiRateLimits.this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
						"Too many requests; try again in " + reset + " seconds.");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Counts one request for the key in the window; answers the count so far. The count's
	 * commit does not wait for the disk ({@link AccessTokens#UNWAITED}): a crash may
	 * forget the last requests counted, which a rate limit can afford.
	 */
	private int hit(String bucket, long windowStart) {
		Timestamp start = Timestamp.from(Instant.ofEpochSecond(windowStart));
		int hits = this.jdbc.sql("""
				insert into api_rate_window (bucket, window_start, hits)
				select cast(? as varchar(80)), cast(? as timestamptz), 1 from %s
				on conflict (bucket, window_start) do update set hits = api_rate_window.hits + 1 returning hits
				""".formatted(AccessTokens.UNWAITED)).params(bucket, start).query(Integer.class).single();
		if (hits == 1) {
			// A new window: older ones, of every key, count for nothing any more.
			this.jdbc.sql("delete from api_rate_window where window_start < ?").param(start).update();
		}
		return hits;
	}

	private static String address(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		return (address == null) ? "unknown" : (address.length() > 64) ? address.substring(0, 64) : address;
	}

}
