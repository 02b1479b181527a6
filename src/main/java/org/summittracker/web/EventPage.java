package org.summittracker.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.OpenConcernCount;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.event.EventView;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.TimetableSlot;
import org.summittracker.shared.KeptByTables;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;

/**
 * What an event's page shows: the event and a page of its timetable, day by day, each
 * session as its card with its readiness. Read in one read-only transaction as values and
 * kept by the tables it was read from, so a request that renders it again (at another
 * address, after a write elsewhere) neither reads nor works out forty cards again.
 */
@Component
class EventPage {

	/**
	 * Sessions on one page of a timetable: a summit has 20 to 40, so it fits on one page;
	 * an event of a hundred took 105 ms to render, a millisecond a session.
	 */
	static final int TIMETABLE_PAGE = 40;

	/**
	 * Sentences of what is missing shown for each session of a timetable; the rest are
	 * counted and are on the session's page (a summit-scale session has nine).
	 */
	static final int TIMETABLE_MISSING = 5;

	/** The page's content. */
	record Shown(EventView event, Page<TimetableSlot> schedule, List<EventPageView.Day> days) {

	}

	private final EventRepository events;

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final BuyInQueries buyIn;

	private final MessageSource messages;

	EventPage(EventRepository events, SessionRepository sessions, ConcernRepository concerns, BuyInQueries buyIn,
			MessageSource messages) {
		this.events = events;
		this.sessions = sessions;
		this.concerns = concerns;
		this.buyIn = buyIn;
		this.messages = messages;
	}

	@KeptByTables
	@Transactional(readOnly = true)
	public Shown of(String slug, int page, Locale locale) {
		EventView event = this.events.findViewBySlug(slug).orElseThrow(() -> new NotFoundException("No event " + slug));
		Page<TimetableSlot> schedule = this.sessions.findTimetable(event.id(), Pages.request(page, TIMETABLE_PAGE));
		List<Long> ids = schedule.map(TimetableSlot::id).getContent();
		Map<Long, SessionBuyIn.Summary> buyIn = this.buyIn.summaries(ids, TIMETABLE_MISSING);
		Map<Long, OpenConcernCount> counts = ids.isEmpty() ? Map.of()
				: this.concerns.countOpen(ids)
					.stream()
					.collect(Collectors.toMap(OpenConcernCount::sessionId, (c) -> c));
		return new Shown(event, schedule, EventPageView.days(event.slug(), event.status() != Event.Status.UPCOMING,
				schedule.getContent(), buyIn, counts, this.messages, locale));
	}

}
