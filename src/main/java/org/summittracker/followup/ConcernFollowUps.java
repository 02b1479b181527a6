package org.summittracker.followup;

import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import org.summittracker.concern.ConcernPageSection;

import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.Pages;
import org.summittracker.shared.SectionPages;

/**
 * The follow-ups addressing a concern, a section of the concern's page, a page at a time,
 * in one query.
 */
@Component
@Order(2)
class ConcernFollowUps implements ConcernPageSection {

	/** Follow-ups on one page of the section. */
	static final int PAGE = 50;

	/** The query parameter of the concern's page that pages this section. */
	static final String PARAM = "addressing";

	private final FollowUpRepository followUps;

	ConcernFollowUps(FollowUpRepository followUps) {
		this.followUps = followUps;
	}

	@KeptByTables
	@Override
	public Section of(Long concernId, SectionPages pages) {
		Page<FollowUpView> addressing = this.followUps.findAddressing(concernId,
				Pages.request(pages.page(PARAM), PAGE));
		return new Section("followups/concern-section", "addressing", addressing,
				pages.pager(addressing, PARAM, "follow-ups"));
	}

}
