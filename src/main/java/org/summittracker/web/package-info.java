/**
 * The pages that bring the features together: home, events, the session page, people and
 * subsystems, the shared layout and the error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages")
package org.summittracker.web;
