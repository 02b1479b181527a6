/**
 * Resolutions: the decisions a session reached, their outcomes and the concerns they
 * address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resolutions")
package org.summittracker.resolution;
