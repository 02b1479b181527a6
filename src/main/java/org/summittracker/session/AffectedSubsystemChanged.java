package org.summittracker.session;

/**
 * A session's affected-subsystems page added or removed a subsystem: its main proposal's
 * set follows, so that the session page, the proposal page and the minutes read the same
 * readiness.
 *
 * @param sessionId the session
 * @param subsystemId the subsystem added or removed
 * @param added whether it was added (else removed)
 * @param username who changed it
 */
public record AffectedSubsystemChanged(Long sessionId, Long subsystemId, boolean added, String username) {
}
