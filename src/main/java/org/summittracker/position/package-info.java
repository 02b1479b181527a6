/**
 * Buy-in: each person's position on a session's proposal, its history, and the readiness
 * derived from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Buy-in and readiness")
package org.summittracker.position;
