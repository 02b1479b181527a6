package org.summittracker.proposal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

import org.summittracker.people.Subsystem;

/**
 * What is being decided: a permanent key (such as {@code rust-for-linux}), a title and a
 * statement, a status, the subsystems it affects, and optionally the proposal it is a
 * part of (a sub-proposal has its own buy-in) or the one that superseded it. Never
 * deleted.
 */
@Entity
public class Proposal {

	/** At most this long, like the column. */
	public static final int KEY_MAX = 80;

	/** Lower-case words and digits joined by '-', as the schema's check says. */
	public static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

	public static final int TITLE_MAX = 200;

	public static final int STATEMENT_MAX = 5_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String key;

	private String title;

	private String statement;

	@Enumerated(EnumType.STRING)
	private ProposalStatus status;

	@ManyToOne(fetch = FetchType.LAZY)
	private Proposal parent;

	@ManyToOne(fetch = FetchType.LAZY)
	private Proposal supersededBy;

	@ManyToMany
	@JoinTable(name = "proposal_subsystem", joinColumns = @JoinColumn(name = "proposal_id"),
			inverseJoinColumns = @JoinColumn(name = "subsystem_id"))
	private Set<Subsystem> subsystems = new LinkedHashSet<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Proposal() {
	}

	public Proposal(String key, String title, String statement, Instant at) {
		this.key = key;
		this.title = title;
		this.statement = (statement != null) ? statement : "";
		this.status = ProposalStatus.OPEN;
		this.createdAt = at;
		this.updatedAt = at;
	}

	/**
	 * A key made of the words of a title or slug: “Rust for Linux” → “rust-for-linux”.
	 */
	public static String derivedKey(String words) {
		String key = Normalizer.normalize((words != null) ? words : "", Normalizer.Form.NFKD)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (key.length() > 60) {
			key = key.substring(0, 60).replaceAll("-+$", "");
		}
		return key.isEmpty() ? "proposal" : key;
	}

	public void affects(Subsystem subsystem) {
		this.subsystems.add(subsystem);
	}

	/** Makes this a part of {@code parent}, with its own buy-in. */
	public void partOf(Proposal parent) {
		this.parent = parent;
	}

	void revise(String title, String statement, ProposalStatus status, Instant at) {
		this.title = title;
		this.statement = (statement != null) ? statement : "";
		this.status = status;
		if (status != ProposalStatus.SUPERSEDED) {
			this.supersededBy = null;
		}
		this.updatedAt = at;
	}

	void touch(Instant at) {
		this.updatedAt = at;
	}

	void affectsOnly(java.util.Collection<Subsystem> subsystems) {
		this.subsystems.clear();
		this.subsystems.addAll(subsystems);
	}

	void supersede(Proposal by, Instant at) {
		this.status = ProposalStatus.SUPERSEDED;
		this.supersededBy = by;
		this.updatedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
	}

	public String getTitle() {
		return this.title;
	}

	public String getStatement() {
		return this.statement;
	}

	public ProposalStatus getStatus() {
		return this.status;
	}

	public Proposal getParent() {
		return this.parent;
	}

	public Proposal getSupersededBy() {
		return this.supersededBy;
	}

	public Set<Subsystem> getSubsystems() {
		return this.subsystems;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

}
