/**
 * Pages as fresh as the last write, and cheap while nothing changes: the change stamp the
 * database keeps, conditional GET (ETag, Last-Modified, 304 without rendering) for every
 * page, feed and export, and a cache of what anonymous readers are sent, keyed by that
 * stamp. Built as one servlet filter, so no controller knows about it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Freshness")
package org.summittracker.freshness;
