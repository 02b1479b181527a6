package org.summittracker.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.summittracker.event.EventRepository;

@Controller
class HomeController {

	private final EventRepository events;

	HomeController(EventRepository events) {
		this.events = events;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("events", this.events.findNewestFirst(PageRequest.of(0, 5)));
		return "home";
	}

}
