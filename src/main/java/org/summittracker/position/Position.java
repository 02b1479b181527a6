package org.summittracker.position;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

import org.summittracker.concern.Concern;
import org.summittracker.people.Person;
import org.summittracker.people.Subsystem;
import org.summittracker.proposal.Proposal;
import org.summittracker.session.Session;

/**
 * A person's current position on a proposal: at most one per person and proposal, stated
 * in a session (the session it was last stated in; each change in its history keeps its
 * own).
 */
@Entity
public class Position {

	/** The conditions of a conditional ack, the rationale: at most this long. */
	public static final int TEXT_MAX = 2_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Proposal proposal;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person person;

	@Enumerated(EnumType.STRING)
	private Stance stance;

	private String conditions;

	private String rationale;

	@ManyToOne(fetch = FetchType.LAZY)
	private Subsystem speaksFor;

	@Enumerated(EnumType.STRING)
	private EntryMethod entryMethod;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Person enteredBy;

	private Instant confirmedAt;

	private Instant withdrawnAt;

	private Instant updatedAt;

	@ManyToMany
	@JoinTable(name = "position_concern", joinColumns = @JoinColumn(name = "position_id"),
			inverseJoinColumns = @JoinColumn(name = "concern_id"))
	private Set<Concern> citedConcerns = new LinkedHashSet<>();

	@Embedded
	private MailEvidence mail;

	@Column(name = "mail_posted_since")
	private Integer mailPostedSince;

	@Version
	private long version;

	protected Position() {
	}

	public Position(Proposal proposal, Session session, Person person, Stance stance, String conditions,
			String rationale, EntryMethod entryMethod, Person enteredBy, Instant at) {
		this.proposal = proposal;
		this.session = session;
		this.person = person;
		this.stance = stance;
		this.conditions = conditions;
		this.rationale = rationale;
		this.entryMethod = entryMethod;
		this.enteredBy = enteredBy;
		this.updatedAt = at;
		if (entryMethod == EntryMethod.BY_MAINTAINER) {
			this.confirmedAt = this.updatedAt;
		}
	}

	/**
	 * Replaces the stance and everything that qualifies it; a withdrawn position is taken
	 * again.
	 */
	void restate(Session statedIn, Stance stance, String conditions, String rationale, Subsystem speaksFor,
			Set<Concern> cited, EntryMethod entryMethod, Person enteredBy, Instant at) {
		this.session = statedIn;
		this.stance = stance;
		this.conditions = conditions;
		this.rationale = rationale;
		this.speaksFor = speaksFor;
		this.citedConcerns.clear();
		this.citedConcerns.addAll(cited);
		this.entryMethod = entryMethod;
		this.enteredBy = enteredBy;
		this.updatedAt = at;
		this.withdrawnAt = null;
		this.confirmedAt = (entryMethod == EntryMethod.BY_MAINTAINER) ? at : null;
		this.mail = null;
		this.mailPostedSince = null;
	}

	/**
	 * Whether {@link #restate} with these would change nothing: taken (not withdrawn), in
	 * that session, with the same stance, conditions, rationale, subsystem spoken for and
	 * cited concerns, entered the same way by the same person. Sending a position back
	 * unchanged is no change (confirming it is its own action).
	 */
	boolean isAsRestated(Session statedIn, Stance stance, String conditions, String rationale, Subsystem speaksFor,
			Set<Concern> cited, EntryMethod entryMethod, Person enteredBy) {
		return this.withdrawnAt == null && this.stance == stance && this.entryMethod == entryMethod
				&& (entryMethod != EntryMethod.BY_MAINTAINER || this.confirmedAt != null)
				&& Objects.equals(this.session.getId(), statedIn.getId())
				&& Objects.equals(text(this.conditions), text(conditions))
				&& Objects.equals(text(this.rationale), text(rationale))
				&& Objects.equals(id(this.speaksFor), id(speaksFor))
				&& Objects.equals(id(this.enteredBy), id(enteredBy))
				&& this.citedConcerns.stream()
					.map(Concern::getId)
					.collect(Collectors.toSet())
					.equals(cited.stream().map(Concern::getId).collect(Collectors.toSet()));
	}

	private static String text(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static Long id(Subsystem subsystem) {
		return (subsystem != null) ? subsystem.getId() : null;
	}

	private static Long id(Person person) {
		return (person != null) ? person.getId() : null;
	}

	/**
	 * What the position rests on when it was read from a mail: set after restating it.
	 */
	void givenByMail(MailEvidence evidence) {
		this.mail = evidence;
		this.mailPostedSince = null;
	}

	/**
	 * A newer version of the series was posted than the one the mail-given position rests
	 * on; {@code false} when nothing changes (not given by mail, given on another series,
	 * on that version or a later one, or already marked).
	 */
	boolean newerVersionPosted(String series, int latest) {
		if (this.mail == null || this.mail.version() == null || !this.mail.sameSeries(series)
				|| this.mail.version() >= latest || (this.mailPostedSince != null && this.mailPostedSince >= latest)) {
			return false;
		}
		this.mailPostedSince = latest;
		return true;
	}

	/**
	 * Whether the position was given by mail on a newer version of the same series than
	 * the mail given (an older thread imported after a newer one).
	 */
	boolean restsOnNewerVersion(MailEvidence given) {
		return this.mail != null && this.mail.version() != null && given.version() != null && this.mail.series() != null
				&& this.mail.series().equalsIgnoreCase(given.series()) && this.mail.version() > given.version();
	}

	/**
	 * The newest version of its series posted since the one the mail-given position was
	 * given on, or {@code null}.
	 */
	public Integer getMailPostedSince() {
		return this.mailPostedSince;
	}

	/**
	 * The mail the position was read from, or {@code null} when it was not given by mail.
	 */
	public MailEvidence getMail() {
		return this.mail;
	}

	/**
	 * The person confirms what someone else entered for them; the stance stays as it is.
	 */
	void confirm(Session in, Instant at) {
		this.session = in;
		this.confirmedAt = at;
		this.updatedAt = at;
	}

	/**
	 * Withdrawn positions stay in the database (and in the history), they just no longer
	 * count.
	 */
	void withdraw(Session in, Instant at) {
		this.session = in;
		this.withdrawnAt = at;
		this.updatedAt = at;
	}

	public boolean isWithdrawn() {
		return this.withdrawnAt != null;
	}

	public boolean isConfirmed() {
		return this.confirmedAt != null;
	}

	public Proposal getProposal() {
		return this.proposal;
	}

	/** The session the position was last stated in. */
	public Session getSession() {
		return this.session;
	}

	public Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	public Instant getWithdrawnAt() {
		return this.withdrawnAt;
	}

	public long getVersion() {
		return this.version;
	}

	public void cite(Concern concern) {
		this.citedConcerns.add(concern);
	}

	public Long getId() {
		return this.id;
	}

	public Person getPerson() {
		return this.person;
	}

	public Stance getStance() {
		return this.stance;
	}

	public String getConditions() {
		return this.conditions;
	}

	public String getRationale() {
		return this.rationale;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Subsystem getSpeaksFor() {
		return this.speaksFor;
	}

	public EntryMethod getEntryMethod() {
		return this.entryMethod;
	}

	public Person getEnteredBy() {
		return this.enteredBy;
	}

	public Set<Concern> getCitedConcerns() {
		return this.citedConcerns;
	}

	/**
	 * The keys of the concerns cited, in order: the join table has none, so the set is
	 * loaded in whatever order the database returns its rows.
	 */
	public List<String> getCitedConcernKeys() {
		return this.citedConcerns.stream().map(Concern::getKey).sorted().toList();
	}

}
