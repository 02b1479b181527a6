package org.summittracker.session;

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
 * One contribution to a session's discussion, in the order it was made.
 */
@Entity
public class DiscussionNote {

	public enum Kind {

		REMARK, QUESTION, ANSWER, PROPOSAL, OBJECTION

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

	public Long getId() {
		return this.id;
	}

	public int getSeq() {
		return this.seq;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getBody() {
		return this.body;
	}

}
