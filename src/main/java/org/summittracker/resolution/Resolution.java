package org.summittracker.resolution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
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
import org.summittracker.proposal.Proposal;
import org.summittracker.session.Session;

/**
 * A decision a session reached.
 */
@Entity
public class Resolution {

	/** At most this long. */
	public static final int STATEMENT_MAX = 2_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	private int seq;

	private String statement;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private LocalDate decidedOn;

	private LocalDate revisitOn;

	/**
	 * The proposal it decides, one the session discusses; {@code null}: the session's
	 * proposals as a whole.
	 */
	@ManyToOne(fetch = FetchType.LAZY)
	private Proposal proposal;

	@ManyToMany
	@JoinTable(name = "resolution_concern", joinColumns = @JoinColumn(name = "resolution_id"),
			inverseJoinColumns = @JoinColumn(name = "concern_id"))
	private Set<Concern> addressedConcerns = new LinkedHashSet<>();

	// The database sets it on insert (V4's default), so existing callers of the
	// constructor need not.
	@Column(insertable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Resolution() {
	}

	public Resolution(Session session, int seq, String statement, Outcome outcome, LocalDate decidedOn,
			LocalDate revisitOn) {
		this.session = session;
		this.seq = seq;
		this.statement = statement;
		this.outcome = outcome;
		this.decidedOn = decidedOn;
		this.revisitOn = revisitOn;
	}

	/** Says which of the session's proposals it decides ({@code null}: all of them). */
	void about(Proposal proposal) {
		this.proposal = proposal;
	}

	public Proposal getProposal() {
		return this.proposal;
	}

	public void addresses(Concern concern) {
		this.addressedConcerns.add(concern);
	}

	/**
	 * Replaces what the resolution says; the previous wording stays in its
	 * {@link ResolutionChange}s.
	 */
	void revise(String statement, Outcome outcome, LocalDate decidedOn, LocalDate revisitOn,
			Collection<Concern> addressed, Instant at) {
		this.statement = statement;
		this.outcome = outcome;
		this.decidedOn = decidedOn;
		this.revisitOn = revisitOn;
		this.addressedConcerns.clear();
		this.addressedConcerns.addAll(addressed);
		this.updatedAt = at;
	}

	void touch(Instant at) {
		this.updatedAt = at;
	}

	public Session getSession() {
		return this.session;
	}

	public LocalDate getDecidedOn() {
		return this.decidedOn;
	}

	public LocalDate getRevisitOn() {
		return this.revisitOn;
	}

	public Set<Concern> getAddressedConcerns() {
		return this.addressedConcerns;
	}

	public long getVersion() {
		return this.version;
	}

	public Long getId() {
		return this.id;
	}

	public int getSeq() {
		return this.seq;
	}

	public String getStatement() {
		return this.statement;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

}
