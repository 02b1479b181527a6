package org.summittracker.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * The {@code import} command's work, done where the schema is made: migrates an empty
 * database up to the schema version the backup was made at, loads the backup, then
 * applies the migrations that came after it, so an old backup restores into a newer
 * Summit Tracker.
 */
@Component
@ConditionalOnProperty("summit.backup.import-from")
class BackupImport implements FlywayMigrationStrategy {

	private final Backup backup;

	private final Path file;

	private Backup.Summary summary;

	BackupImport(Backup backup, @Value("${summit.backup.import-from}") Path file) {
		this.backup = backup;
		this.file = file;
	}

	@Override
	public void migrate(Flyway flyway) {
		Backup.Header header;
		try (InputStream in = Files.newInputStream(this.file)) {
			header = this.backup.header(in);
		}
		catch (IOException ex) {
			throw new BackupRefusedException("Could not read " + this.file + ": " + ex.getMessage(), ex);
		}
		MigrationVersion target = MigrationVersion.fromVersion(header.schemaVersion());
		MigrationInfo[] known = flyway.info().all();
		boolean knowsTarget = Arrays.stream(known).anyMatch((migration) -> target.equals(migration.getVersion()));
		if (!knowsTarget) {
			throw new BackupRefusedException("The backup was made at schema version " + target
					+ ", which this Summit Tracker does not know: import it with the version that made it, or a newer "
					+ "one.");
		}
		MigrationInfo current = flyway.info().current();
		if (current != null && current.getVersion().isNewerThan(target)) {
			throw new BackupRefusedException("The database is already at schema version " + current.getVersion()
					+ ", newer than the backup's " + target + ": import into a new database.");
		}
		Flyway.configure().configuration(flyway.getConfiguration()).target(target).load().migrate();
		try (InputStream in = Files.newInputStream(this.file)) {
			this.summary = this.backup.importFrom(in);
		}
		catch (IOException ex) {
			throw new BackupRefusedException("Could not read " + this.file + ": " + ex.getMessage(), ex);
		}
		flyway.migrate();
	}

	Backup.Summary summary() {
		return this.summary;
	}

}
