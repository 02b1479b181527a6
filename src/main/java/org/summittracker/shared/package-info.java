/**
 * What every module uses: the not-found answer, the page helpers (page numbers, dates,
 * Markdown), the one stale-version and the one rule-violation exception and how a form
 * submission maps them to the 409 and 422 pages, the input-hygiene rule every bound text
 * passes, and the binding of dates and enums. Declared open: every module may use any of
 * it, and it depends on no module.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package org.summittracker.shared;

import org.springframework.modulith.ApplicationModule;
