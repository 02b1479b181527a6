package org.summittracker.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.followup.FollowUpRepository;
import org.summittracker.position.BuyInQueries;
import org.summittracker.resolution.ResolutionRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;

@Controller
class SessionController {

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final BuyInQueries buyIn;

	private final ResolutionRepository resolutions;

	private final FollowUpRepository followUps;

	SessionController(SessionRepository sessions, ConcernRepository concerns, BuyInQueries buyIn,
			ResolutionRepository resolutions, FollowUpRepository followUps) {
		this.sessions = sessions;
		this.concerns = concerns;
		this.buyIn = buyIn;
		this.resolutions = resolutions;
		this.followUps = followUps;
	}

	@GetMapping("/events/{event}/sessions/{session}")
	@Transactional(readOnly = true)
	String session(@PathVariable String event, @PathVariable("session") String slug, Model model) {
		Session session = this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
		List<ConcernSummary> sessionConcerns = this.concerns.findSummaries(session.getId());
		// "session" would shadow Thymeleaf's own session variable.
		model.addAttribute("summitSession", session);
		model.addAttribute("event", session.getEvent());
		model.addAttribute("participants", this.sessions.findParticipants(session.getId()));
		model.addAttribute("notes", this.sessions.findNotes(session.getId()));
		model.addAttribute("concerns", sessionConcerns);
		model.addAttribute("blockingConcerns",
				sessionConcerns.stream().filter(ConcernSummary::isOpenAndBlocking).toList());
		model.addAttribute("buyIn", this.buyIn.forSession(session.getId(), sessionConcerns));
		model.addAttribute("resolutions", this.resolutions.findWithConcerns(session.getId()));
		model.addAttribute("followUps", this.followUps.findViews(session.getId()));
		model.addAttribute("today", java.time.LocalDate.now());
		return "sessions/show";
	}

}
