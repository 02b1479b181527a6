package org.summittracker.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per address within a sliding window. After
 * {@value #ACCOUNT_LIMIT} failures for one name (whether or not such an account exists)
 * that name is refused until the window has passed; one address is refused after
 * {@value #ADDRESS_LIMIT}, so that many people behind one proxy are not locked out
 * together by one of them. The failures are rows in {@code sign_in_failure}, so every
 * instance of the application counts the same ones.
 */
@Component
class LoginThrottle {

	static final int ACCOUNT_LIMIT = 5;

	static final int ADDRESS_LIMIT = 50;

	static final Duration WINDOW = Duration.ofMinutes(5);

	private static final int USERNAME_LENGTH = 254;

	private static final int ADDRESS_LENGTH = 64;

	enum Scope {

		ACCOUNT, ADDRESS

	}

	/** Why and for how long sign-in is refused. */
	record Refusal(Scope scope, Duration remaining) {

		long minutes() {
			return Math.max(1, (this.remaining.toSeconds() + 59) / 60);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Refusal> refusal(String username, String address) {
		Instant now = this.clock.instant();
		Optional<Duration> account = wait(
				"select failed_at from sign_in_failure where username = ? "
						+ "and counts_for_username and failed_at > ? order by failed_at desc limit ?",
				key(username), ACCOUNT_LIMIT, now);
		if (account.isPresent()) {
			return Optional.of(new Refusal(Scope.ACCOUNT, account.get()));
		}
		return wait("select failed_at from sign_in_failure where address = ? and failed_at > ? "
				+ "order by failed_at desc limit ?", address(address), ADDRESS_LIMIT, now)
			.map((wait) -> new Refusal(Scope.ADDRESS, wait));
	}

	void failed(String username, String address) {
		Instant now = this.clock.instant();
		this.jdbc.sql("insert into sign_in_failure (username, address, failed_at) values (?, ?, ?)")
			.params(key(username), address(address), at(now))
			.update();
		// Failures older than the window count for nothing any more.
		this.jdbc.sql("delete from sign_in_failure where failed_at <= ?").params(at(now.minus(WINDOW))).update();
	}

	void succeeded(String username) {
		this.jdbc
			.sql("update sign_in_failure set counts_for_username = false where username = ? and counts_for_username")
			.params(key(username))
			.update();
	}

	private Optional<Duration> wait(String sql, String key, int limit, Instant now) {
		List<Instant> times = this.jdbc.sql(sql)
			.params(key, at(now.minus(WINDOW)), limit)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
		if (times.size() < limit) {
			return Optional.empty();
		}
		// Refused until enough failures have left the window to bring the count below the
		// limit.
		return Optional.of(Duration.between(now, times.get(limit - 1).plus(WINDOW)));
	}

	private static String key(String username) {
		return truncate(username, USERNAME_LENGTH);
	}

	private static String address(String address) {
		return truncate((address != null) ? address : "unknown", ADDRESS_LENGTH);
	}

	private static String truncate(String value, int length) {
		return (value.length() > length) ? value.substring(0, length) : value;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
