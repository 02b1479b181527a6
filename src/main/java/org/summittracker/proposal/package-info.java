/**
 * Proposals: what is being decided, under a permanent key, discussed at one or more
 * sessions of any events; sub-proposals and proposals superseded by others. Positions
 * (buy-in) and concerns are about a proposal; this module knows nothing of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Proposals")
package org.summittracker.proposal;
