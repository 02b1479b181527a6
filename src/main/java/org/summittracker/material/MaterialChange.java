package org.summittracker.material;

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
 * One change of an item of material, with what it said after: items are edited and
 * withdrawn, never deleted, and every state is kept.
 */
@Entity
@Table(name = "session_material_change")
class MaterialChange extends RecordedChange {

	enum Change {

		ADDED, EDITED, WITHDRAWN

	}

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Material material;

	@Enumerated(EnumType.STRING)
	@Column(name = "change")
	private Change change;

	@Enumerated(EnumType.STRING)
	private MaterialKind kind;

	private String title;

	private String url;

	@ManyToOne(fetch = FetchType.LAZY)
	private Person by;

	private String reason;

	protected MaterialChange() {
	}

	MaterialChange(Material material, Change change, String summary, String changedBy, Instant changedAt) {
		super(summary, changedBy, changedAt);
		this.material = material;
		this.change = change;
		this.kind = material.getKind();
		this.title = material.getTitle();
		this.url = material.getUrl();
		this.by = material.getBy();
		this.reason = material.getWithdrawalReason();
	}

}
