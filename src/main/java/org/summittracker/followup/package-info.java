/**
 * Follow-ups: the action items a session leaves, with owners, due dates and every change
 * of status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-ups")
package org.summittracker.followup;
