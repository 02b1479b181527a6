package org.summittracker.web;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.people.SubsystemView;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.proposal.ProposalRepository;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;
import org.summittracker.shared.SectionPages;

@Controller
class SubsystemController {

	/** The first proposals shown; the rest on the list of proposals filtered by it. */
	private static final PageRequest PROPOSALS_SHOWN = PageRequest.of(0, 20);

	/** Maintainers and reviewers on one page of the subsystem's. */
	static final int MAINTAINERS_PAGE = 50;

	/** Sessions affecting it on one page of the subsystem's. */
	static final int SESSIONS_PAGE = 20;

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	private final SessionRepository sessions;

	private final BuyInQueries buyIn;

	private final ProposalRepository proposals;

	SubsystemController(SubsystemRepository subsystems, MaintainershipRepository maintainerships,
			SessionRepository sessions, BuyInQueries buyIn, ProposalRepository proposals) {
		this.proposals = proposals;
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
		this.sessions = sessions;
		this.buyIn = buyIn;
	}

	@GetMapping("/subsystems/{slug}")
	String subsystem(@PathVariable String slug, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "1") int maintainers, Model model) {
		SubsystemView subsystem = this.subsystems.findViewBySlug(slug)
			.orElseThrow(() -> new NotFoundException("No subsystem " + slug));
		Page<SubsystemMaintainer> maintainerPage = this.maintainerships.findMaintainersOf(subsystem.id(),
				Pages.request(maintainers, MAINTAINERS_PAGE));
		Page<Long> sessionIds = this.sessions.findIdsAffecting(subsystem.id(), Pages.request(page, SESSIONS_PAGE));
		// Either section asked past its end is answered before anything else is read.
		SectionPages sections = SectionPages.at("/subsystems/" + subsystem.slug(), "subsystem")
			.with("maintainers", maintainerPage.getNumber() + 1)
			.with("page", sessionIds);
		SectionPages.Pager maintainerPages = sections.pager(maintainerPage, "maintainers", "maintainers");
		List<Long> ids = sessionIds.getContent();
		Map<Long, SessionBuyIn> buyIn = this.buyIn.judged(ids);
		model.addAttribute("subsystem", subsystem);
		model.addAttribute("maintainers", maintainerPage);
		model.addAttribute("maintainerPages", maintainerPages);
		model.addAttribute("sessionPage", sessionIds);
		model.addAttribute("sessionsBase", sections.without("page"));
		model.addAttribute("sessions", ids.isEmpty() ? List.of() : this.sessions.findScheduled(ids));
		model.addAttribute("buyIn", buyIn);
		model.addAttribute("proposals", this.proposals.findAffecting(subsystem.id(), PROPOSALS_SHOWN));
		return "subsystems/show";
	}

}
