/**
 * A session's material: its slides, recordings, reports, mailing-list threads and patch
 * series, linked from the session page and its minutes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Material")
package org.summittracker.material;
