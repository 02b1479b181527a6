package org.summittracker.proposal;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.account.CurrentActor;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * Which proposals a session discusses: the list, a search by key or title (no drop-down
 * of every proposal), and the organizers' form that links one or makes a new one.
 */
@Controller
class ProposalAuthoringController {

	private static final int MATCHES = 20;

	private final SessionRepository sessions;

	private final ProposalRepository proposals;

	private final ProposalAuthoring authoring;

	private final Actors actors;

	ProposalAuthoringController(SessionRepository sessions, ProposalRepository proposals, ProposalAuthoring authoring,
			Actors actors) {
		this.sessions = sessions;
		this.proposals = proposals;
		this.authoring = authoring;
		this.actors = actors;
	}

	@GetMapping("/events/{event}/sessions/{session}/proposals")
	String initDiscussForm(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(required = false) String q, Model model) {
		return page(find(event, slug), q, model);
	}

	@PostMapping("/events/{event}/sessions/{session}/proposals")
	String processDiscussForm(@CurrentActor Actor actor, @PathVariable String event,
			@PathVariable("session") String slug, @Valid @ModelAttribute("proposalForm") ProposalDraft form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Session session = find(event, slug);
		Actor by = (actor != null) ? actor : this.actors.required();
		return FormSubmission.handle(result, () -> this.authoring.checkDiscuss(by, session, form), response, () -> {
			Proposal proposal = this.authoring.discuss(by, session, form);
			redirect.addFlashAttribute("proposalNotice", new Notice("proposal.discussed", proposal.getKey()));
			return "redirect:/events/" + event + "/sessions/" + slug + "/proposals";
		}, () -> page(session, null, model));
	}

	private String page(Session session, String q, Model model) {
		SessionHeader header = SessionHeader.of(session);
		model.addAttribute("summitSession", header);
		model.addAttribute("event", header.event());
		List<DiscussedProposal> discussed = this.proposals.findDiscussed(List.of(session.getId()));
		model.addAttribute("discussed", discussed);
		model.addAttribute("discussedKeys", discussed.stream().map(DiscussedProposal::key).toList());
		if (!model.containsAttribute("proposalForm")) {
			// A session that discusses none yet: the proposal it would make of itself,
			// for the organizer to change before saving.
			model.addAttribute("proposalForm",
					discussed.isEmpty() ? this.authoring.madeFrom(session) : ProposalDraft.empty());
		}
		String words = (q == null || q.isBlank()) ? null : q.strip();
		model.addAttribute("q", words);
		model.addAttribute("matches",
				(words == null) ? List.of()
						: this.proposals.findMatching(words, PageRequest.of(0, MATCHES))
							.stream()
							.map(ProposalLink::of)
							.toList());
		return "proposals/session";
	}

	private Session find(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

}
