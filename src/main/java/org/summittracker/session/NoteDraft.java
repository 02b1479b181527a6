package org.summittracker.session;

/**
 * What a note-taker types: who spoke (a handle), what kind of contribution, and what was
 * said.
 */
public record NoteDraft(String speakerHandle, DiscussionNote.Kind kind, String body) {

}
