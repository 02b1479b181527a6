package org.summittracker.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.summittracker.people.Person;
import org.summittracker.people.Subsystem;
import org.summittracker.proposal.Proposal;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.Session;
import org.summittracker.shared.RuleViolation;

/**
 * A worry about a proposal, raised in a session. Never deleted; every status change is
 * kept.
 */
@Entity
public class Concern {

	/** At most this long, like the column. */
	public static final int KEY_MAX = 80;

	/** Lower-case words and digits joined by '-', as the schema's check says. */
	public static final String KEY_FORMAT = "^[a-z0-9][a-z0-9-]*$";

	public static final Pattern KEY = Pattern.compile(KEY_FORMAT);

	public static final int TITLE_MAX = 200;

	/** The description, a response. */
	public static final int BODY_MAX = 20_000;

	/** Why it blocks, a status note. */
	public static final int NOTE_MAX = 2_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Proposal proposal;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	private String key;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private ConcernCategory category;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person raisedBy;

	@ManyToOne(fetch = FetchType.LAZY)
	private Person enteredBy;

	private String body;

	private boolean blocking;

	private String blockingReason;

	@Enumerated(EnumType.STRING)
	private ConcernStatus status;

	private String statusNote;

	private LocalDate revisitOn;

	private Instant createdAt;

	private Instant updatedAt;

	@ManyToMany
	@JoinTable(name = "concern_subsystem", joinColumns = @JoinColumn(name = "concern_id"),
			inverseJoinColumns = @JoinColumn(name = "subsystem_id"))
	private Set<Subsystem> subsystems = new LinkedHashSet<>();

	/** The discussion note it was filed from, if any. */
	@ManyToOne(fetch = FetchType.LAZY)
	private DiscussionNote fromNote;

	@Version
	private long version;

	protected Concern() {
	}

	void filedFrom(DiscussionNote note) {
		this.fromNote = note;
	}

	public Concern(Proposal proposal, Session session, String key, String title, ConcernCategory category,
			Person raisedBy, Person enteredBy, String body, Instant raisedAt) {
		this.proposal = proposal;
		this.session = session;
		this.key = key;
		this.title = title;
		this.category = category;
		this.raisedBy = raisedBy;
		this.enteredBy = enteredBy;
		this.body = (body != null) ? body : "";
		this.status = ConcernStatus.OPEN;
		this.createdAt = raisedAt;
		this.updatedAt = this.createdAt;
	}

	public void block(String reason) {
		this.blocking = true;
		this.blockingReason = reason;
	}

	public void concerns(Subsystem subsystem) {
		this.subsystems.add(subsystem);
	}

	/** Replaces what the raiser wrote; the key and the status are changed elsewhere. */
	void revise(String title, ConcernCategory category, String body, Set<Subsystem> subsystems, boolean blocking,
			String blockingReason, Instant at) {
		this.title = title;
		this.category = category;
		this.body = (body != null) ? body : "";
		this.subsystems.clear();
		this.subsystems.addAll(subsystems);
		this.blocking = blocking;
		this.blockingReason = blocking ? blockingReason : null;
		this.updatedAt = at;
	}

	/**
	 * Whether {@link #revise} with these would change nothing (the same title, category,
	 * body, subsystems, blocking and reason): sending a concern back unchanged is no
	 * edit.
	 */
	boolean isAsRevised(String title, ConcernCategory category, String body, Set<Subsystem> subsystems,
			boolean blocking, String blockingReason) {
		return Objects.equals(this.title, title) && Objects.equals(this.category.getId(), category.getId())
				&& Objects.equals(Objects.requireNonNullElse(this.body, ""), Objects.requireNonNullElse(body, ""))
				&& ids(this.subsystems).equals(ids(subsystems)) && this.blocking == blocking
				&& Objects.equals(this.blockingReason, blocking ? blockingReason : null);
	}

	private static Set<Long> ids(Set<Subsystem> subsystems) {
		return subsystems.stream().map(Subsystem::getId).collect(Collectors.toSet());
	}

	void rekey(String key, Instant at) {
		this.key = key;
		this.updatedAt = at;
	}

	/**
	 * Refuses a move its current status does not allow (a {@link RuleViolation} on the
	 * status field): to the same status, or from a closed status to anything but open.
	 */
	void requireMayMoveTo(ConcernStatus to) {
		if (this.status == to) {
			throw new RuleViolation("status", "concern.status.same", to.words());
		}
		if (!this.status.mayMoveTo(to)) {
			throw new RuleViolation("status", "concern.status.reopen-first", this.status.words(), to.words());
		}
	}

	void moveTo(ConcernStatus status, String note, LocalDate revisitOn, Instant at) {
		requireMayMoveTo(status);
		this.status = status;
		this.statusNote = note;
		this.revisitOn = (status == ConcernStatus.DEFERRED) ? revisitOn : null;
		this.updatedAt = at;
	}

	public Person getEnteredBy() {
		return this.enteredBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** The proposal it is about. */
	public Proposal getProposal() {
		return this.proposal;
	}

	public Long getId() {
		return this.id;
	}

	public Session getSession() {
		return this.session;
	}

	public String getKey() {
		return this.key;
	}

	public String getTitle() {
		return this.title;
	}

	public ConcernCategory getCategory() {
		return this.category;
	}

	public Person getRaisedBy() {
		return this.raisedBy;
	}

	public String getBody() {
		return this.body;
	}

	public boolean isBlocking() {
		return this.blocking;
	}

	public String getBlockingReason() {
		return this.blockingReason;
	}

	public ConcernStatus getStatus() {
		return this.status;
	}

	public String getStatusNote() {
		return this.statusNote;
	}

	public LocalDate getRevisitOn() {
		return this.revisitOn;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Set<Subsystem> getSubsystems() {
		return this.subsystems;
	}

}
