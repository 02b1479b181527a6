package org.summittracker.freshness;

import java.time.Instant;

/**
 * Where the data stands: a number that every committed write moves on (kept by database
 * triggers, see V5__change_stamp.sql; the HTTP sessions and the sign-in throttle of V6
 * are no content and never move it) and when it last moved.
 */
record ChangeStamp(long value, Instant changedAt) {
}
