package org.summittracker.web;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

	/**
	 * The whole buy-in table of a proposal the session discusses (its main one unless
	 * named), a page at a time: the session page shows its first rows.
	 */
	@GetMapping("/events/{event}/sessions/{session}/buy-in")
	@Transactional(readOnly = true)
	String buyIn(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(required = false) String proposal, @RequestParam(defaultValue = "1") int page, Model model) {
		return this.page.renderBuyIn(event, slug, proposal, page, model);
	}

}
