package org.summittracker.material;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.summittracker.people.Person;
import org.summittracker.session.Session;

/**
 * One item of a session's material: its kind, a title, the address it is at and, when
 * known, who it is by. Never deleted: withdrawn with a reason, and kept.
 */
@Entity
@Table(name = "session_material")
public class Material {

	/** A title is at most this long. */
	public static final int TITLE_MAX = 200;

	/** A reason for withdrawing is at most this long. */
	public static final int REASON_MAX = 500;

	/** A session holds at most this many items (withdrawn ones included). */
	public static final int PER_SESSION_MAX = 100;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	@Enumerated(EnumType.STRING)
	private MaterialKind kind;

	private String title;

	private String url;

	@ManyToOne(fetch = FetchType.LAZY)
	private Person by;

	private Instant withdrawnAt;

	private String withdrawalReason;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Material() {
	}

	Material(Session session, MaterialKind kind, String title, String url, Person by, Instant at) {
		this.session = session;
		this.kind = kind;
		this.title = title;
		this.url = url;
		this.by = by;
		this.createdAt = at;
		this.updatedAt = at;
	}

	void edit(MaterialKind kind, String title, String url, Person by, Instant at) {
		this.kind = kind;
		this.title = title;
		this.url = url;
		this.by = by;
		this.updatedAt = at;
	}

	void withdraw(String reason, Instant at) {
		this.withdrawnAt = at;
		this.withdrawalReason = reason;
		this.updatedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public Session getSession() {
		return this.session;
	}

	public MaterialKind getKind() {
		return this.kind;
	}

	public String getTitle() {
		return this.title;
	}

	public String getUrl() {
		return this.url;
	}

	public Person getBy() {
		return this.by;
	}

	public Instant getWithdrawnAt() {
		return this.withdrawnAt;
	}

	public String getWithdrawalReason() {
		return this.withdrawalReason;
	}

	public boolean isWithdrawn() {
		return this.withdrawnAt != null;
	}

	public long getVersion() {
		return this.version;
	}

}
