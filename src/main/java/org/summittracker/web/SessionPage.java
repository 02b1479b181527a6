package org.summittracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.concern.ConcernViews.SessionPageConcern;
import org.summittracker.followup.FollowUpRepository;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.BuyInSessionPage;
import org.summittracker.position.PositionForm;
import org.summittracker.position.PositionView;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.resolution.ResolutionRepository;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;

/**
 * Fills the model of the session page, for its own route and for forms that re-render it
 * with their errors.
 */
@Component
class SessionPage implements BuyInSessionPage {

	private final SessionRepository sessions;

	private final ConcernRepository concerns;

	private final BuyInQueries buyIn;

	private final ResolutionRepository resolutions;

	private final FollowUpRepository followUps;

	private final Actors actors;

	private final Clock clock;

	SessionPage(SessionRepository sessions, ConcernRepository concerns, BuyInQueries buyIn,
			ResolutionRepository resolutions, FollowUpRepository followUps, Actors actors, Clock clock) {
		this.clock = clock;
		this.sessions = sessions;
		this.concerns = concerns;
		this.buyIn = buyIn;
		this.resolutions = resolutions;
		this.followUps = followUps;
		this.actors = actors;
	}

	@Override
	public Session find(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

	/** Fills the model for the session page and answers its view name. */
	@Override
	public String render(Session session, Model model) {
		List<SessionPageConcern> shown = this.concerns.findForSessionPage(session.getId());
		List<ConcernSummary> sessionConcerns = SessionPageConcern.raisedIn(session.getId(), shown);
		// "session" would shadow Thymeleaf's own session variable.
		model.addAttribute("summitSession", session);
		model.addAttribute("event", session.getEvent());
		model.addAttribute("participants", this.sessions.findParticipants(session.getId()));
		model.addAttribute("notes", this.sessions.findNotes(session.getId()));
		model.addAttribute("concerns", sessionConcerns);
		model.addAttribute("carriedConcerns", SessionPageConcern.carriedInto(session.getId(), shown));
		model.addAttribute("blockingConcerns",
				sessionConcerns.stream().filter(ConcernSummary::isOpenAndBlocking).toList());
		List<ProposalBuyIn> discussed = this.buyIn.forProposals(session.getId());
		// The main proposal's buy-in leads; a session that discusses none yet shows its
		// own.
		SessionBuyIn buyIn = discussed.isEmpty() ? this.buyIn.forSession(session.getId(), sessionConcerns)
				: discussed.get(0).buyIn();
		model.addAttribute("buyIn", buyIn);
		model.addAttribute("discussedProposals", discussed);
		model.addAttribute("resolutions", this.resolutions.findWithConcerns(session.getId()));
		model.addAttribute("followUps", this.followUps.findViews(session.getId()));
		model.addAttribute("today", LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		addPositionForm(buyIn, sessionConcerns, model);
		return "sessions/show";
	}

	/**
	 * The signed-in person's own position (from the buy-in already read: no further
	 * query), to prefill the form.
	 */
	private void addPositionForm(SessionBuyIn buyIn, List<ConcernSummary> sessionConcerns, Model model) {
		Actor actor = this.actors.current().orElse(null);
		PositionView own = (actor == null || actor.personId() == null) ? null
				: buyIn.positions()
					.stream()
					.filter((p) -> p.personId().equals(actor.personId()))
					.findFirst()
					.orElse(null);
		model.addAttribute("ownPosition", own);
		model.addAttribute("positionActor", actor);
		// The signed-in person, read once for the whole page (the sections' links and
		// forms).
		model.addAttribute("actor", actor);
		model.addAttribute("organizer", actor != null && actor.isOrganizer());
		if (!model.containsAttribute("positionForm")) {
			model.addAttribute("positionForm", PositionForm.of(own));
		}
		PositionForm.addChoices(model, sessionConcerns, PositionForm.subsystems(buyIn.affected()));
		model.addAttribute("ownSpeakingChoices", (actor != null && actor.personId() != null)
				? PositionForm.subsystems(buyIn.speakingOptions(actor.personId())) : List.of());
	}

}
