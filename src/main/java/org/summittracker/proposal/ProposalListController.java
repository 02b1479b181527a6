package org.summittracker.proposal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.shared.Choice;
import org.summittracker.shared.Pages;

/**
 * {@code /proposals}: every proposal, the most recently discussed first, filtered by
 * status, subsystem and event.
 */
@Controller
class ProposalListController {

	private static final int PAGE_SIZE = 25;

	private final ProposalListing listing;

	ProposalListController(ProposalListing listing) {
		this.listing = listing;
	}

	@GetMapping("/proposals")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String subsystem,
			@RequestParam(required = false) String event, @RequestParam(defaultValue = "1") int page, Model model,
			HttpServletResponse response) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("status", blankToNull(status));
		params.put("subsystem", blankToNull(subsystem));
		params.put("event", blankToNull(event));
		model.addAttribute("params", params);
		model.addAttribute("base", Pages.base("/proposals", params));
		model.addAttribute("statusChoices",
				Arrays.stream(ProposalStatus.values())
					.map((s) -> Choice.coded(s.name().toLowerCase(Locale.ROOT), "proposal.status." + s.name()))
					.toList());
		model.addAttribute("eventChoices",
				this.listing.events().stream().map((e) -> Choice.of(e.slug(), e.name())).toList());
		ProposalStatus chosen = null;
		if (params.get("status") != null) {
			chosen = Arrays.stream(ProposalStatus.values())
				.filter((s) -> s.name().equalsIgnoreCase(params.get("status")))
				.findFirst()
				.orElse(null);
			if (chosen == null) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("filterProblem", "proposals.filter.status.unknown");
				return "proposals/list";
			}
		}
		model.addAttribute("items", this.listing.page(chosen, params.get("subsystem"), params.get("event"),
				Pages.request(page, PAGE_SIZE)));
		return "proposals/list";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
