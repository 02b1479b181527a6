package org.summittracker.session;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.audit.AuditTrail;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;

/**
 * A session's history: its entries of the audit trail, newest first, readable by everyone
 * who may read the session.
 */
@Controller
class HistoryController {

	private static final int PAGE_SIZE = 50;

	private final SessionRepository sessions;

	private final AuditTrail trail;

	HistoryController(SessionRepository sessions, AuditTrail trail) {
		this.sessions = sessions;
		this.trail = trail;
	}

	@GetMapping("/events/{event}/sessions/{session}/history")
	String history(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Session session = this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
		// "session" would shadow Thymeleaf's own session variable.
		SessionHeader header = SessionHeader.of(session);
		model.addAttribute("summitSession", header);
		model.addAttribute("event", header.event());
		model.addAttribute("entries", this.trail.ofSession(session.getId(), Pages.request(page, PAGE_SIZE)));
		return "sessions/history";
	}

}
