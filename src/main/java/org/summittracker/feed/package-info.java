/**
 * Atom 1.0 feeds of what changed, built from the audit trail: the whole site, one event,
 * one session, one person (what they did and what concerns them) and one subsystem, each
 * entry in words with a permalink; written with ROME. Conditional GET (ETag,
 * Last-Modified, 304) comes from the freshness module like for every page; who may read a
 * feed is who may read the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feeds")
package org.summittracker.feed;
