/**
 * Live notes: the note-taker's view of a session while it is held, one note at a time,
 * and each note's page (its wordings, edit, strike, restore). The notes themselves and
 * their rules live in the session module; this module brings in what was filed from them
 * (concerns, follow-ups).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live notes")
package org.summittracker.notes;
