/**
 * Minutes: a session or a whole event written out as Markdown, mail-ready plain text,
 * printable HTML, PDF and JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Minutes")
package org.summittracker.minutes;
