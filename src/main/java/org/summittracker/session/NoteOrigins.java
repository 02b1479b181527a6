package org.summittracker.session;

import org.springframework.stereotype.Component;

import org.summittracker.session.SessionViews.NoteOrigin;
import org.summittracker.shared.NotFoundException;

/**
 * The discussion note a concern or follow-up is filed from ("file as concern", "add
 * follow-up"), for the forms they prefill.
 */
@Component
public class NoteOrigins {

	private final DiscussionNoteRepository notes;

	NoteOrigins(DiscussionNoteRepository notes) {
		this.notes = notes;
	}

	/** Note {@code noteId} of the session, or a 404. */
	public NoteOrigin in(Long sessionId, Long noteId) {
		return this.notes.findOrigin(noteId)
			.filter((note) -> note.sessionId().equals(sessionId))
			.orElseThrow(() -> new NotFoundException("No note " + noteId + " in this session"));
	}

	/**
	 * A title from what a note says: its first line, whitespace folded, cut at a word to
	 * at most {@code max} characters.
	 */
	public static String title(String body, int max) {
		String line = body.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ");
		if (line.length() <= max) {
			return line;
		}
		String cut = line.substring(0, max - 1);
		int space = cut.lastIndexOf(' ');
		return ((space > max / 2) ? cut.substring(0, space) : cut) + "…";
	}

}
