package org.summittracker.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.OpenConcernCount;
import org.summittracker.event.EventRepository;
import org.summittracker.event.EventView;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.session.SessionAuthoring;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.TimetableSlot;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;

/**
 * The list of events (upcoming first) and an event's page: its timetable, day by day,
 * each session with its readiness. Here because it brings sessions, concerns and buy-in
 * together; creating and editing events is the {@code event} module's.
 */
@Controller
class EventController {

	static final int PAGE_SIZE = 20;

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

	private final EventRepository events;

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final BuyInQueries buyIn;

	private final MessageSource messages;

	EventController(EventRepository events, SessionRepository sessions, ConcernRepository concerns, BuyInQueries buyIn,
			MessageSource messages) {
		this.events = events;
		this.sessions = sessions;
		this.concerns = concerns;
		this.buyIn = buyIn;
		this.messages = messages;
	}

	@GetMapping("/events")
	String events(@CurrentActor Actor actor, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("events", this.events.findUpcomingFirst(Pages.request(page, PAGE_SIZE)));
		model.addAttribute("mayAuthor", SessionAuthoring.mayAuthor(actor));
		return "events/list";
	}

	@GetMapping("/events/{event}")
	String event(@CurrentActor Actor actor, @PathVariable("event") String slug,
			@RequestParam(defaultValue = "1") int page, Model model) {
		EventView event = this.events.findViewBySlug(slug).orElseThrow(() -> new NotFoundException("No event " + slug));
		Page<TimetableSlot> schedule = this.sessions.findTimetable(event.id(), Pages.request(page, TIMETABLE_PAGE));
		List<Long> ids = schedule.map(TimetableSlot::id).getContent();
		Map<Long, SessionBuyIn.Summary> buyIn = this.buyIn.summaries(ids, TIMETABLE_MISSING);
		Map<Long, OpenConcernCount> counts = ids.isEmpty() ? Map.of()
				: this.concerns.countOpen(ids)
					.stream()
					.collect(Collectors.toMap(OpenConcernCount::sessionId, (c) -> c));
		model.addAttribute("event", event);
		model.addAttribute("schedule", schedule);
		model.addAttribute("days", EventPageView.days(event.slug(), schedule.getContent(), buyIn, counts, this.messages,
				LocaleContextHolder.getLocale()));
		model.addAttribute("mayAuthor", SessionAuthoring.mayAuthor(actor));
		return "events/show";
	}

}
