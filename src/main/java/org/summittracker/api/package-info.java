/**
 * The JSON API under {@code /api/v1}: read everything, and make the changes maintainers
 * and organizers make most (concerns, positions, follow-ups, discussion notes, a
 * session's material) through the same services, rules and permissions as the pages.
 * Personal access tokens, the API's filter chain and its rate limits are the account
 * module's; this module holds the endpoints, their problem details, {@code If-Match} and
 * {@code Idempotency-Key}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "JSON API")
package org.summittracker.api;
