package org.summittracker.notes;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.summittracker.concern.ConcernPageSection;
import org.summittracker.concern.ConcernRepository;

import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.SectionPages;

/**
 * The discussion note a concern was filed from, a section of the concern's page, in one
 * query.
 */
@Component
@Order(0)
class ConcernNoteOrigin implements ConcernPageSection {

	private final ConcernRepository concerns;

	ConcernNoteOrigin(ConcernRepository concerns) {
		this.concerns = concerns;
	}

	@KeptByTables
	@Override
	public Section of(Long concernId, SectionPages pages) {
		return new Section("notes/origin", "concernOrigin", this.concerns.findNoteOrigin(concernId).orElse(null));
	}

}
