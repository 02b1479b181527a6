package org.summittracker.event;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A slug an event had before an organizer changed it; its old addresses answer 301 to the
 * new ones.
 */
@Entity
class EventFormerSlug {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Event event;

	private String slug;

	private Instant renamedAt;

	protected EventFormerSlug() {
	}

	EventFormerSlug(Event event, String slug, Instant at) {
		this.event = event;
		this.slug = slug;
		this.renamedAt = at;
	}

}
