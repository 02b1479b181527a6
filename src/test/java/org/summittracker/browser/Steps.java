package org.summittracker.browser;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time a test class spends in each of its steps, summed over its tests, for the log:
 * where a browser test's seconds go.
 */
final class Steps {

	private final Logger logger;

	private final Map<String, Long> nanos = new ConcurrentHashMap<>();

	Steps(Class<?> test) {
		this.logger = LoggerFactory.getLogger(test);
	}

	<T> T time(String step, Step<T> work) throws IOException {
		long started = System.nanoTime();
		try {
			return work.run();
		}
		finally {
			add(step, System.nanoTime() - started);
		}
	}

	void add(String step, long elapsed) {
		this.nanos.merge(step, elapsed, Long::sum);
	}

	void log() {
		this.logger.info("Time by step (s): {}",
				this.nanos.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(b, a)))
					.map((e) -> e.getKey() + " " + String.format("%.1f", e.getValue() / 1e9))
					.collect(Collectors.joining(", ")));
	}

	@FunctionalInterface
	interface Step<T> {

		T run() throws IOException;

	}

}
