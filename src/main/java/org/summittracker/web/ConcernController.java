package org.summittracker.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernDetail;
import org.summittracker.followup.FollowUpRepository;

@Controller
class ConcernController {

	private final ConcernRepository concerns;

	private final FollowUpRepository followUps;

	ConcernController(ConcernRepository concerns, FollowUpRepository followUps) {
		this.concerns = concerns;
		this.followUps = followUps;
	}

	@GetMapping("/events/{event}/sessions/{session}/concerns/{key}")
	String concern(@PathVariable String event, @PathVariable String session, @PathVariable String key, Model model) {
		ConcernDetail concern = this.concerns.findDetail(event, session, key)
			.orElseThrow(() -> new NotFoundException("No concern " + key));
		model.addAttribute("concern", concern);
		model.addAttribute("subsystems", this.concerns.findSubsystemNames(concern.id()));
		model.addAttribute("responses", this.concerns.findResponses(concern.id()));
		model.addAttribute("history", this.concerns.findHistory(concern.id()));
		model.addAttribute("followUps", this.followUps.findAddressing(concern.id()));
		return "concerns/show";
	}

}
