package org.summittracker.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the benchmark's data generator (scripts/summit-scale.sql, the file
 * scripts/benchmark users run) on the test database at a small scale.
 */
@TestComponent
public class SummitScaleData {

	private final JdbcTemplate jdbc;

	private Double generated;

	SummitScaleData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Generates the data set at {@code scale} the first time it is asked for in this
	 * application context (test classes sharing the context share it), and only then.
	 */
	public synchronized void generateOnce(double scale) {
		if (this.generated == null) {
			generate(scale);
			this.generated = scale;
		}
		else if (this.generated != scale) {
			throw new IllegalStateException(
					"This context's database has the data set at scale " + this.generated + ", not " + scale);
		}
	}

	/** Adds a summit-scale data set multiplied by {@code scale} (1 is the full size). */
	public void generate(double scale) {
		String script;
		try {
			script = Files.readString(Path.of("scripts/summit-scale.sql"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// One connection for the setting, the temporary tables and the script.
		this.jdbc.execute((java.sql.Connection connection) -> {
			try (java.sql.Statement statement = connection.createStatement()) {
				statement.execute("set summit.scale = '" + scale + "'");
				statement.execute(script);
				statement.execute("reset summit.scale");
			}
			return null;
		});
	}

}
