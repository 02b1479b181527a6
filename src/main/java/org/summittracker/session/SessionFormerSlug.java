package org.summittracker.session;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A slug a session had before an organizer changed it; its old addresses answer 301 to
 * the new ones.
 */
@Entity
class SessionFormerSlug {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Session session;

	private Long eventId;

	private String slug;

	private Instant renamedAt;

	protected SessionFormerSlug() {
	}

	SessionFormerSlug(Session session, String slug, Instant at) {
		this.session = session;
		this.eventId = session.getEvent().getId();
		this.slug = slug;
		this.renamedAt = at;
	}

}
