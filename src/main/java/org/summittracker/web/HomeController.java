package org.summittracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.event.EventRepository;

@Controller
class HomeController {

	private final EventRepository events;

	private final WaitingOnMe waitingOnMe;

	private final Clock clock;

	HomeController(EventRepository events, WaitingOnMe waitingOnMe, Clock clock) {
		this.events = events;
		this.waitingOnMe = waitingOnMe;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(@CurrentActor Actor actor, Model model) {
		// Upcoming events first, the soonest first; then the others, newest first.
		model.addAttribute("upcoming", this.events.findUpcoming(PageRequest.of(0, 5)));
		model.addAttribute("events", this.events.findPast(PageRequest.of(0, 5)));
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		if (actor != null && actor.personId() != null) {
			model.addAttribute("waiting", this.waitingOnMe.of(actor.personId(), today));
			model.addAttribute("me", actor);
		}
		if (actor != null && actor.isOrganizer()) {
			model.addAttribute("toTend", this.waitingOnMe.sessionsToTend(today, PageRequest.of(0, WaitingOnMe.LIMIT)));
		}
		return "home";
	}

}
