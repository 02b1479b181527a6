/**
 * The pages that bring several features together, and only those: home (with "waiting on
 * me"), events, the session page (readiness, buy-in, concerns, resolutions, follow-ups)
 * with the buy-in forms that re-render it on error, and the person and subsystem pages. A
 * page that serves one feature lives in that feature's module: the concern pages in
 * {@code concern} (other modules add their sections to the concern page through
 * {@code ConcernPageSection}), follow-ups in {@code followup}, resolutions in
 * {@code resolution}, a session's history in {@code session}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages")
package org.summittracker.web;
