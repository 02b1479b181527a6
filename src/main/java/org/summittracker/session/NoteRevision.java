package org.summittracker.session;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.summittracker.people.Person;
import org.summittracker.shared.HistoryEntry;

/**
 * A note as it stood after one change: who spoke, what kind, what was said, where, and
 * who changed it when. Every wording a note has had is one of these.
 */
@Entity
@Table(name = "discussion_note_revision")
public class NoteRevision implements HistoryEntry {

	/** What happened to the note. */
	public enum Change {

		TAKEN, EDITED, MOVED, STRUCK, RESTORED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

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

	private String summary;

	private String changedBy;

	private Instant changedAt;

	protected NoteRevision() {
	}

	NoteRevision(DiscussionNote note, Change change, String reason, String summary, String changedBy,
			Instant changedAt) {
		this.note = note;
		this.change = change;
		this.seq = note.getSeq();
		this.speaker = note.getSpeaker();
		this.noteKind = note.getKind();
		this.body = note.getBody();
		this.reason = reason;
		this.summary = summary;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	@Override
	public Instant getAt() {
		return this.changedAt;
	}

	@Override
	public String getBy() {
		return this.changedBy;
	}

	@Override
	public String getSummary() {
		return this.summary;
	}

}
