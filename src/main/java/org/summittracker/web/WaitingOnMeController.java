package org.summittracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.shared.Pages;
import org.summittracker.shared.SectionPages;

/**
 * {@code /me}: everything waiting on the signed-in person, each section paged on its own
 * (the home page shows the first items of each); for an organizer, also the sessions
 * organizers still have to tend.
 */
@Controller
class WaitingOnMeController {

	private final WaitingOnMe waitingOnMe;

	private final Actors actors;

	private final Clock clock;

	WaitingOnMeController(WaitingOnMe waitingOnMe, Actors actors, Clock clock) {
		this.waitingOnMe = waitingOnMe;
		this.actors = actors;
		this.clock = clock;
	}

	@GetMapping("/me")
	String waiting(@RequestParam(defaultValue = "1") int proposals, @RequestParam(defaultValue = "1") int unconfirmed,
			@RequestParam(defaultValue = "1") int followUps, @RequestParam(defaultValue = "1") int concerns,
			@RequestParam(defaultValue = "1") int sessions, Model model) {
		Actor me = this.actors.required();
		model.addAttribute("me", me);
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		SectionPages sections = SectionPages.at("/me", "me");
		Page<WaitingOnMe.SessionToTend> toTend = null;
		if (me.isOrganizer()) {
			toTend = this.waitingOnMe.sessionsToTend(today, Pages.request(sessions, WaitingOnMe.PAGE));
			sections = sections.with("sessions", toTend.getNumber() + 1);
			model.addAttribute("toTend", toTend);
		}
		if (me.personId() != null) {
			WaitingOnMe.Waiting waiting = this.waitingOnMe.of(me.personId(), today,
					Pages.request(proposals, WaitingOnMe.PAGE), Pages.request(unconfirmed, WaitingOnMe.PAGE),
					Pages.request(followUps, WaitingOnMe.PAGE), Pages.request(concerns, WaitingOnMe.PAGE));
			sections = sections.with("proposals", waiting.proposals().getNumber() + 1)
				.with("unconfirmed", waiting.unconfirmed().getNumber() + 1)
				.with("followUps", waiting.followUps().getNumber() + 1)
				.with("concerns", waiting.concerns().getNumber() + 1);
			model.addAttribute("waiting", waiting);
			model.addAttribute("proposalPages", sections.pager(waiting.proposals(), "proposals", "awaited-proposals"));
			model.addAttribute("unconfirmedPages",
					sections.pager(waiting.unconfirmed(), "unconfirmed", "unconfirmed-positions"));
			model.addAttribute("followUpPages", sections.pager(waiting.followUps(), "followUps", "my-follow-ups"));
			model.addAttribute("concernPages", sections.pager(waiting.concerns(), "concerns", "my-concerns"));
		}
		if (toTend != null) {
			model.addAttribute("toTendPages", sections.pager(toTend, "sessions", "sessions-to-tend"));
		}
		return "me";
	}

}
