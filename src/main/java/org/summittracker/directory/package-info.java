/**
 * The directory: organizers create and edit people and subsystems (with their maintainers
 * and reviewers), administrators merge two records of one person and import the kernel's
 * MAINTAINERS file. Apart from {@code people} because the rules need the signed-in
 * {@code account}, which itself depends on {@code people}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.summittracker.directory;
