package org.summittracker.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per address within a sliding window. After
 * {@value #ACCOUNT_LIMIT} failures for one name (whether or not such an account exists)
 * that name is refused until the window has passed; one address is refused after
 * {@value #ADDRESS_LIMIT}, so that many people behind one proxy are not locked out
 * together by one of them. Kept in memory: a restart forgets, which is acceptable for a
 * throttle.
 */
@Component
class LoginThrottle {

	static final int ACCOUNT_LIMIT = 5;

	static final int ADDRESS_LIMIT = 50;

	static final Duration WINDOW = Duration.ofMinutes(5);

	private static final int PRUNE_ABOVE = 10_000;

	enum Scope {

		ACCOUNT, ADDRESS

	}

	/** Why and for how long sign-in is refused. */
	record Refusal(Scope scope, Duration remaining) {

		long minutes() {
			return Math.max(1, (this.remaining.toSeconds() + 59) / 60);
		}

	}

	private final Clock clock;

	private final Map<String, Deque<Instant>> byAccount = new HashMap<>();

	private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	synchronized Optional<Refusal> refusal(String username, String address) {
		Instant now = this.clock.instant();
		Optional<Duration> account = wait(this.byAccount, username, ACCOUNT_LIMIT, now);
		if (account.isPresent()) {
			return Optional.of(new Refusal(Scope.ACCOUNT, account.get()));
		}
		return wait(this.byAddress, address, ADDRESS_LIMIT, now).map((wait) -> new Refusal(Scope.ADDRESS, wait));
	}

	synchronized void failed(String username, String address) {
		Instant now = this.clock.instant();
		record(this.byAccount, username, now);
		record(this.byAddress, address, now);
	}

	synchronized void succeeded(String username) {
		this.byAccount.remove(username);
	}

	private Optional<Duration> wait(Map<String, Deque<Instant>> failures, String key, int limit, Instant now) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return Optional.empty();
		}
		forgetBefore(times, now.minus(WINDOW));
		if (times.size() < limit) {
			return Optional.empty();
		}
		// Refused until enough failures have left the window to bring the count below the
		// limit.
		Instant deciding = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
		return Optional.of(Duration.between(now, deciding.plus(WINDOW)));
	}

	private void record(Map<String, Deque<Instant>> failures, String key, Instant now) {
		if (failures.size() > PRUNE_ABOVE) {
			Instant horizon = now.minus(WINDOW);
			failures.values().forEach((times) -> forgetBefore(times, horizon));
			failures.values().removeIf(Deque::isEmpty);
		}
		Deque<Instant> times = failures.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		times.addLast(now);
		while (times.size() > ADDRESS_LIMIT) {
			times.removeFirst();
		}
	}

	private static void forgetBefore(Deque<Instant> times, Instant horizon) {
		while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
			times.removeFirst();
		}
	}

}
