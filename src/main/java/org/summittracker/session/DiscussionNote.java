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
import jakarta.persistence.Version;

import org.summittracker.people.Person;

/**
 * One contribution to a session's discussion, in the order it was made. Notes are edited,
 * moved and struck with a reason, never deleted; {@link DiscussionNotes} keeps every
 * wording as a {@link NoteRevision}.
 */
@Entity
public class DiscussionNote {

	/** At most this long. */
	public static final int BODY_MAX = 10_000;

	/** A reason for striking a note, at most this long. */
	public static final int REASON_MAX = 500;

	public enum Kind {

		REMARK, QUESTION, ANSWER, PROPOSAL, OBJECTION;

		private final String labelKey = "note.kind." + name();

		/** The message key of its label, computed once. */
		public String getLabelKey() {
			return this.labelKey;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	private int seq;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person speaker;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String body;

	private Instant struckAt;

	private String struckBy;

	private String strikeReason;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	// The database sets it on insert (V20's default), so the demo loader need not.
	@Column(insertable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected DiscussionNote() {
	}

	public DiscussionNote(Session session, int seq, Person speaker, Kind kind, String body) {
		this.session = session;
		this.seq = seq;
		this.speaker = speaker;
		this.kind = kind;
		this.body = body;
	}

	/** Replaces what the note says; the earlier wording stays in its revisions. */
	/**
	 * Whether {@link #reword} with these would change nothing: the same speaker, kind and
	 * words.
	 */
	boolean isAsReworded(Person speaker, Kind kind, String body) {
		return java.util.Objects.equals(this.speaker.getId(), speaker.getId()) && this.kind == kind
				&& this.body.equals(body);
	}

	void reword(Person speaker, Kind kind, String body, Instant at) {
		this.speaker = speaker;
		this.kind = kind;
		this.body = body;
		this.updatedAt = at;
	}

	void renumber(int seq, Instant at) {
		this.seq = seq;
		this.updatedAt = at;
	}

	void strike(String reason, String by, Instant at) {
		this.struckAt = at;
		this.struckBy = by;
		this.strikeReason = reason;
		this.updatedAt = at;
	}

	void restore(Instant at) {
		this.struckAt = null;
		this.struckBy = null;
		this.strikeReason = null;
		this.updatedAt = at;
	}

	public boolean isStruck() {
		return this.struckAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public Session getSession() {
		return this.session;
	}

	public int getSeq() {
		return this.seq;
	}

	public Person getSpeaker() {
		return this.speaker;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getBody() {
		return this.body;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getStrikeReason() {
		return this.strikeReason;
	}

	public long getVersion() {
		return this.version;
	}

}
