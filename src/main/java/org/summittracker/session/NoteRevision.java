package org.summittracker.session;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.summittracker.people.Person;
import org.summittracker.shared.RecordedChange;

/**
 * A note as it stood after one change: who spoke, what kind, what was said, where, and
 * who changed it when. Every wording a note has had is one of these.
 */
@Entity
@Table(name = "discussion_note_revision")
public class NoteRevision extends RecordedChange {

	/** What happened to the note. */
	public enum Change {

		TAKEN, EDITED, MOVED, STRUCK, RESTORED

	}

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private DiscussionNote note;

	@Enumerated(EnumType.STRING)
	private Change change;

	private int seq;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person speaker;

	@Enumerated(EnumType.STRING)
	@Column(name = "kind")
	private DiscussionNote.Kind noteKind;

	private String body;

	private String reason;

	protected NoteRevision() {
	}

	NoteRevision(DiscussionNote note, Change change, String reason, String summary, String changedBy,
			Instant changedAt) {
		super(summary, changedBy, changedAt);
		this.note = note;
		this.change = change;
		this.seq = note.getSeq();
		this.speaker = note.getSpeaker();
		this.noteKind = note.getKind();
		this.body = note.getBody();
		this.reason = reason;
	}

}
