package org.summittracker.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.followup.FollowUpRepository;
import org.summittracker.followup.FollowUpView;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.position.PositionQueries;
import org.summittracker.position.PositionView;
import org.summittracker.proposal.ProposalLink;
import org.summittracker.proposal.ProposalRepository;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.ScheduledSession;
import org.summittracker.shared.NotFoundException;

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

	@GetMapping("/people/{handle}")
	String person(@PathVariable String handle, Model model) {
		Person person = this.people.findByHandle(handle)
			.orElseThrow(() -> new NotFoundException("No person " + handle));
		List<PositionView> personPositions = this.positions.currentPositionsOf(person.getId());
		List<ConcernSummary> raised = this.concerns.findRaisedBy(person.getId());
		List<FollowUpView> owned = this.followUps.findOwnedBy(person.getId());
		Set<Long> sessionIds = new HashSet<>();
		personPositions.forEach((p) -> sessionIds.add(p.sessionId()));
		raised.forEach((c) -> sessionIds.add(c.sessionId()));
		owned.forEach((f) -> sessionIds.add(f.sessionId()));
		Map<Long, ScheduledSession> sessionsById = sessionIds.isEmpty() ? Map.of()
				: this.sessions.findScheduled(sessionIds)
					.stream()
					.collect(Collectors.toMap(ScheduledSession::id, Function.identity()));
		model.addAttribute("person", person);
		model.addAttribute("maintains", this.maintainerships.findByPersonId(person.getId()));
		model.addAttribute("positions", personPositions);
		model.addAttribute("concerns", raised);
		model.addAttribute("followUps", owned);
		model.addAttribute("sessions", sessionsById);
		Map<Long, ProposalLink> proposalsById = new HashMap<>();
		if (!personPositions.isEmpty()) {
			this.proposals.findAllById(personPositions.stream().map(PositionView::proposalId).distinct().toList())
				.forEach(
						(p) -> proposalsById.put(p.getId(), new ProposalLink(p.getKey(), p.getTitle(), p.getStatus())));
		}
		model.addAttribute("proposals", proposalsById);
		model.addAttribute("today", java.time.LocalDate.now());
		return "people/show";
	}

}
