/**
 * People and the subsystems they maintain: persons, subsystems, maintainerships.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People and subsystems")
package org.summittracker.people;
