/**
 * Concerns raised in a session: categories, the thread of responses, and every status
 * change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Concerns")
package org.summittracker.concern;
