package org.summittracker.concern;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * What kind of worry a concern is: toolchain stability, memory model, bisection, ...
 */
@Entity
public class ConcernCategory {

	/** At most this long, like the column. */
	public static final int NAME_MAX = 120;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	protected ConcernCategory() {
	}

	public ConcernCategory(String slug, String name) {
		this.slug = slug;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

}
