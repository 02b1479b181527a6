/**
 * Events: the summits and conferences at which sessions are held.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events")
package org.summittracker.event;
