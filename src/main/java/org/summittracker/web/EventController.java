package org.summittracker.web;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.OpenConcernCount;
import org.summittracker.event.Event;
import org.summittracker.event.EventRepository;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.ScheduledSession;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;

@Controller
class EventController {

	static final int PAGE_SIZE = 20;

	private final EventRepository events;

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final BuyInQueries buyIn;

	EventController(EventRepository events, SessionRepository sessions, ConcernRepository concerns,
			BuyInQueries buyIn) {
		this.events = events;
		this.sessions = sessions;
		this.concerns = concerns;
		this.buyIn = buyIn;
	}

	@GetMapping("/events")
	String events(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("events", this.events.findNewestFirst(Pages.request(page, PAGE_SIZE)));
		return "events/list";
	}

	@GetMapping("/events/{event}")
	String event(@PathVariable("event") String slug, @RequestParam(defaultValue = "1") int page, Model model) {
		Event event = this.events.findBySlug(slug).orElseThrow(() -> new NotFoundException("No event " + slug));
		Page<ScheduledSession> schedule = this.sessions.findSchedule(event.getId(), Pages.request(page, 50));
		List<Long> ids = schedule.map(ScheduledSession::id).getContent();
		Map<Long, SessionBuyIn> buyIn = this.buyIn.forSessions(ids);
		Map<Long, OpenConcernCount> counts = ids.isEmpty() ? Map.of()
				: this.concerns.countOpen(ids)
					.stream()
					.collect(java.util.stream.Collectors.toMap(OpenConcernCount::sessionId, (c) -> c));
		model.addAttribute("event", event);
		model.addAttribute("schedule", schedule);
		model.addAttribute("buyIn", buyIn);
		model.addAttribute("openConcerns", counts);
		return "events/show";
	}

}
