package org.summittracker.web;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class SessionController {

	private final SessionPage page;

	SessionController(SessionPage page) {
		this.page = page;
	}

	@GetMapping("/events/{event}/sessions/{session}")
	@Transactional(readOnly = true)
	String session(@PathVariable String event, @PathVariable("session") String slug, Model model) {
		return this.page.render(event, slug, model);
	}

}
