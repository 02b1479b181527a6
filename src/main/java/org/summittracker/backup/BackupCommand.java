package org.summittracker.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's backup commands, given instead of starting the web application:
 *
 * <pre>
 * java -jar summit-tracker.jar export --to FILE [--with-password-hashes]
 * java -jar summit-tracker.jar import --from FILE
 * </pre>
 *
 * Both reach the database as the application does (the same settings, the embedded
 * PostgreSQL included); other {@code --name=value} arguments are settings.
 */
public final class BackupCommand {

	private final PrintStream out;

	private final PrintStream err;

	public BackupCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("export") || args[0].equals("import"));
	}

	/** Runs the command; answers the process's exit status. */
	public int run(Class<?> application, String[] args) {
		String command = args[0];
		Path file = null;
		boolean passwordHashes = false;
		List<String> settings = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if ((arg.equals("--to") && command.equals("export"))
					|| (arg.equals("--from") && command.equals("import"))) {
				if (i + 1 == args.length) {
					return usage(arg + " needs a file name.");
				}
				file = Path.of(args[++i]);
			}
			else if (arg.startsWith("--to=") || arg.startsWith("--from=")) {
				file = Path.of(arg.substring(arg.indexOf('=') + 1));
			}
			else if (arg.equals("--with-password-hashes") && command.equals("export")) {
				passwordHashes = true;
			}
			else if (arg.startsWith("--") && arg.contains("=")) {
				settings.add(arg);
			}
			else {
				return usage("Unknown argument " + arg + ".");
			}
		}
		if (file == null) {
			return usage("Say which file: " + (command.equals("export") ? "--to FILE" : "--from FILE") + ".");
		}
		if (command.equals("import") && !Files.isReadable(file)) {
			return usage("There is no readable file " + file + ".");
		}
		// Command-line settings, so that they win over application.properties.
		settings.add("--spring.main.banner-mode=off");
		settings.add("--summit.demo-data.enabled=false");
		if (command.equals("import")) {
			settings.add("--summit.backup.import-from=" + file.toAbsolutePath());
		}
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.run(settings.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			// Spring Boot has said why (see the failure analyzers).
			return 1;
		}
		try (context) {
			Backup.Summary summary = command.equals("export")
					? export(context.getBean(Backup.class), file, passwordHashes)
					: context.getBean(BackupImport.class).summary();
			this.out.println(describe(command, file, summary));
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			this.err.println("The " + command + " failed: " + ex.getMessage());
			return 1;
		}
	}

	private static Backup.Summary export(Backup backup, Path file, boolean passwordHashes) throws IOException {
		Path absolute = file.toAbsolutePath();
		Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
		try {
			Backup.Summary summary;
			try (OutputStream out = Files.newOutputStream(partial)) {
				summary = backup.export(out, passwordHashes);
			}
			// A failed export leaves no half-written file under the name asked for.
			Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return summary;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	static String describe(String command, Path file, Backup.Summary summary) {
		String what = summary.tables() + " tables, " + summary.rows() + " rows, schema version "
				+ summary.schemaVersion() + ", " + (summary.passwordHashes() ? "with" : "without") + " password hashes";
		if (command.equals("export")) {
			return "Exported " + what + " to " + file + ".";
		}
		String line = "Imported " + what + " from " + file + ".";
		if (summary.adminPassword() != null) {
			line += " The accounts have no passwords: administrators sign in with the password "
					+ summary.adminPassword() + " and set everyone's on /admin/accounts.";
		}
		return line;
	}

	private int usage(String problem) {
		this.err.println(problem + " Usage: export --to FILE [--with-password-hashes] | import --from FILE");
		return 2;
	}

}
