package org.summittracker.followup;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.summittracker.concern.ConcernPageSection;

import org.summittracker.shared.KeptByTables;

/**
 * The follow-ups addressing a concern, a section of the concern's page, in one query.
 */
@Component
@Order(2)
class ConcernFollowUps implements ConcernPageSection {

	private final FollowUpRepository followUps;

	ConcernFollowUps(FollowUpRepository followUps) {
		this.followUps = followUps;
	}

	@KeptByTables
	@Override
	public Section of(Long concernId) {
		return new Section("followups/concern-section", "addressing", this.followUps.findAddressing(concernId));
	}

}
