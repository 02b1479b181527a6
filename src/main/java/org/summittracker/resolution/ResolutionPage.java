package org.summittracker.resolution;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.HistoryEntry;
import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.NotFoundException;

/**
 * What a resolution's page shows to every reader, read in one read-only transaction as
 * values, so that it is kept by the tables it was read from.
 */
@Component
class ResolutionPage {

	/** The page's content: its session, the resolution and its history, newest first. */
	record Shown(SessionHeader header, String base, ResolutionPageView resolution, List<HistoryEntry.Shown> history) {

	}

	private final SessionRepository sessions;

	private final ResolutionRepository resolutions;

	private final ResolutionChangeRepository changes;

	ResolutionPage(SessionRepository sessions, ResolutionRepository resolutions, ResolutionChangeRepository changes) {
		this.sessions = sessions;
		this.resolutions = resolutions;
		this.changes = changes;
	}

	@KeptByTables
	@Transactional(readOnly = true)
	public Shown of(String event, String slug, int seq) {
		Session session = this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
		Resolution resolution = this.resolutions.findBySeq(session.getId(), seq)
			.orElseThrow(() -> new NotFoundException("No resolution " + seq + " in this session"));
		return new Shown(SessionHeader.of(session), ResolutionController.base(session),
				ResolutionPageView.of(resolution), this.changes.findHistory(resolution.getId()));
	}

}
