/**
 * Sessions of an event: the proposal being decided, participants and their roles,
 * discussion notes in order, and the subsystems the proposal affects.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sessions")
package org.summittracker.session;
