/**
 * Backup and restore: every table of the application's data written to one documented,
 * versioned JSON file ({@code docs/backup-format.md}) and loaded back into an empty
 * database, through JDBC, so the file does not depend on the entity classes. A command of
 * the application ({@code export}, {@code import}) and an administrator's page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup and restore")
package org.summittracker.backup;
