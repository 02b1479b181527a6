/**
 * The pages that bring several features together, and only those: home (with “waiting on
 * me”), events, the session page (readiness, buy-in, concerns, resolutions, follow-ups)
 * the person and subsystem pages, and a session's affected subsystems (they show
 * readiness, from {@code position}). A page that serves one feature lives in that
 * feature's module: the concern pages in {@code concern} (other modules add their
 * sections to the concern page through {@code ConcernPageSection}), follow-ups in
 * {@code followup}, resolutions in {@code resolution}, buy-in in {@code position} (its
 * forms re-render the session page drawn here through {@code BuyInSessionPage}), a
 * session's history, agenda and participants in {@code session}, live notes in
 * {@code notes}, creating and editing events in {@code event}, people and subsystems in
 * {@code directory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages")
package org.summittracker.web;
