package org.summittracker.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.event.EventRepository;
import org.summittracker.session.SessionAuthoring;
import org.summittracker.shared.CalendarFeeds;
import org.summittracker.shared.Pages;

/**
 * The list of events (upcoming first) and an event's page: its timetable, day by day,
 * each session with its readiness. Here because it brings sessions, concerns and buy-in
 * together; creating and editing events is the {@code event} module's.
 */
@Controller
class EventController {

	static final int PAGE_SIZE = 20;

	private final EventRepository events;

	private final EventPage page;

	private final TimetableCalendar calendar;

	EventController(EventRepository events, EventPage page, TimetableCalendar calendar) {
		this.events = events;
		this.page = page;
		this.calendar = calendar;
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
		EventPage.Shown shown = this.page.of(slug, page, LocaleContextHolder.getLocale());
		model.addAttribute("event", shown.event());
		model.addAttribute("schedule", shown.schedule());
		model.addAttribute("days", shown.days());
		model.addAttribute("mayAuthor", SessionAuthoring.mayAuthor(actor));
		return "events/show";
	}

	/**
	 * The event's timetable for calendar applications: shown in the browser
	 * ({@code inline}) or subscribed to.
	 */
	@GetMapping("/events/{event}/timetable.ics")
	ResponseEntity<String> timetable(@PathVariable("event") String slug) {
		TimetableCalendar.Read read = this.calendar.of(slug);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(CalendarFeeds.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(read.event().slug() + ".ics").build().toString())
			.body(this.calendar.render(read, LocaleContextHolder.getLocale()));
	}

}
