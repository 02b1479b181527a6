package org.summittracker.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.followup.FollowUpRepository;
import org.summittracker.followup.FollowUpView;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.PersonView;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.position.PositionQueries;
import org.summittracker.position.PositionView;
import org.summittracker.proposal.ProposalRepository;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.AttendedSession;
import org.summittracker.session.SessionViews.ScheduledSession;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;
import org.summittracker.shared.SectionPages;

@Controller
class PersonController {

	private final PersonRepository people;

	private final MaintainershipRepository maintainerships;

	private final PositionQueries positions;

	private final ConcernRepository concerns;

	private final FollowUpRepository followUps;

	private final SessionRepository sessions;

	private final ProposalRepository proposals;

	PersonController(PersonRepository people, MaintainershipRepository maintainerships, PositionQueries positions,
			ConcernRepository concerns, FollowUpRepository followUps, SessionRepository sessions,
			ProposalRepository proposals) {
		this.proposals = proposals;
		this.people = people;
		this.maintainerships = maintainerships;
		this.positions = positions;
		this.concerns = concerns;
		this.followUps = followUps;
		this.sessions = sessions;
	}

	/** Positions on one page of a person's. */
	static final int POSITIONS_PAGE = 50;

	/** Subsystems maintained or reviewed on one page of a person's. */
	static final int MAINTAINS_PAGE = 50;

	/**
	 * The latest concerns raised and the first follow-ups owned that a person's page
	 * shows; all of them are on the concern and follow-up lists, filtered by the person.
	 */
	static final int FIRST = 20;

	/** Sessions taken part in on one page of a person's. */
	static final int SESSIONS_PAGE = 25;

	@GetMapping("/people/{handle}")
	String person(@PathVariable String handle, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "1") int maintains, @RequestParam(defaultValue = "1") int sessions,
			Model model) {
		PersonView person = this.people.findViewByHandle(handle)
			.orElseThrow(() -> new NotFoundException("No person " + handle));
		Page<PositionView> positionPage = this.positions.currentPositionsOf(person.id(),
				Pages.request(page, POSITIONS_PAGE));
		Page<SubsystemMaintainer> maintained = this.maintainerships.findMaintainedBy(person.id(),
				Pages.request(maintains, MAINTAINS_PAGE));
		Page<AttendedSession> attended = this.sessions.findAttendedBy(person.id(),
				Pages.request(sessions, SESSIONS_PAGE));
		// Any section asked past its end is answered before anything else is read.
		SectionPages sections = SectionPages.at("/people/" + person.handle(), "person")
			.with("maintains", maintained.getNumber() + 1)
			.with("page", positionPage)
			.with("sessions", attended.getNumber() + 1);
		SectionPages.Pager maintainsPages = sections.pager(maintained, "maintains", "maintains");
		SectionPages.Pager attendedPages = sections.pager(attended, "sessions", "sessions");
		List<PositionView> personPositions = positionPage.getContent();
		Page<ConcernSummary> raisedPage = this.concerns.findRaisedBy(person.id(), PageRequest.of(0, FIRST));
		Page<FollowUpView> ownedPage = this.followUps.findOwnedBy(person.id(), PageRequest.of(0, FIRST));
		List<ConcernSummary> raised = raisedPage.getContent();
		List<FollowUpView> owned = ownedPage.getContent();
		Set<Long> sessionIds = new HashSet<>();
		personPositions.forEach((p) -> sessionIds.add(p.sessionId()));
		raised.forEach((c) -> sessionIds.add(c.sessionId()));
		owned.forEach((f) -> sessionIds.add(f.sessionId()));
		// Read for no ids too (as the proposals below): the page issues as many
		// statements
		// whatever the person has.
		Map<Long, ScheduledSession> sessionsById = this.sessions.findScheduled(sessionIds)
			.stream()
			.collect(Collectors.toMap(ScheduledSession::id, Function.identity()));
		model.addAttribute("person", person);
		model.addAttribute("maintains", maintained);
		model.addAttribute("maintainsPages", maintainsPages);
		model.addAttribute("attended", attended);
		model.addAttribute("attendedPages", attendedPages);
		model.addAttribute("positions", positionPage);
		model.addAttribute("positionsBase", sections.without("page"));
		model.addAttribute("concerns", raisedPage);
		model.addAttribute("followUps", ownedPage);
		model.addAttribute("sessions", sessionsById);
		model.addAttribute("proposals",
				this.proposals.findLinks(personPositions.stream().map(PositionView::proposalId).distinct().toList()));
		model.addAttribute("today", java.time.LocalDate.now());
		return "people/show";
	}

}
