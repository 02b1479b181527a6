package org.summittracker.concern;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A key a concern had before an organizer changed it; its old permalink redirects to the
 * new one.
 */
@Entity
class ConcernFormerKey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Concern concern;

	private Long sessionId;

	private String key;

	private Instant renamedAt;

	protected ConcernFormerKey() {
	}

	ConcernFormerKey(Concern concern, String key, Instant at) {
		this.concern = concern;
		this.sessionId = concern.getSession().getId();
		this.key = key;
		this.renamedAt = at;
	}

}
