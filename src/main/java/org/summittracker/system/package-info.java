/**
 * What the application stands on: reaching (and creating) its database, and saying
 * clearly when it cannot.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.summittracker.system;
