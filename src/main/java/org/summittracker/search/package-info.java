/**
 * Full-text search across every summit at {@code /search}: sessions, discussion notes,
 * concerns and their responses, resolutions, follow-ups, people and subsystems, through
 * the {@code tsvector} columns and GIN indexes PostgreSQL keeps current by itself.
 * Results are grouped by kind, ranked, with highlighted snippets and permalinks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.summittracker.search;
