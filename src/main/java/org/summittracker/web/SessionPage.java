package org.summittracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.concern.ConcernViews.ConcernSummary;
import org.summittracker.concern.ConcernViews.SessionPageConcern;
import org.summittracker.followup.FollowUpView;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.BuyInSessionPage;
import org.summittracker.position.PositionForm;
import org.summittracker.position.PositionView;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.resolution.ResolutionView;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.NoteView;
import org.summittracker.session.SessionViews.ParticipantView;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.RoundTrip;

/**
 * Fills the model of the session page, for its own route and for forms that re-render it
 * with their errors.
 */
@Component
class SessionPage implements BuyInSessionPage {

	private final SessionRepository sessions;

	/**
	 * The page's participants, notes, resolutions, follow-ups and concerns (its own and
	 * those carried into it), then the buy-in's queries: sent together in one round trip.
	 */
	private static final String PARTS = RoundTrip.sql(Stream
		.concat(Stream.of(ParticipantView.SESSIONS_ROWS, NoteView.SESSIONS_ROWS, ResolutionView.SESSIONS_ROWS,
				FollowUpView.SESSIONS_ROWS, SessionPageConcern.SESSIONS_ROWS), BuyInQueries.Batch.QUERIES.stream())
		.toList());

	/** Where the buy-in's rows start in what {@link #PARTS} reads. */
	private static final int BUY_IN = 5;

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	private final Actors actors;

	private final Clock clock;

	SessionPage(SessionRepository sessions, EntityManager entityManager, JdbcTemplate jdbc, Actors actors,
			Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sessions = sessions;
		this.entityManager = entityManager;
		this.actors = actors;
	}

	@Override
	public Session find(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

	/**
	 * Fills the model for the session page of the session with these slugs (read without
	 * its entity) and answers its view name.
	 */
	String render(String event, String slug, Model model) {
		List<SessionHeader> found = this.jdbc.query(SessionHeader.BY_SLUGS, (row, n) -> SessionHeader.of(row), event,
				slug);
		if (found.isEmpty()) {
			throw new NotFoundException("No session " + slug + " in " + event);
		}
		return render(found.get(0), model);
	}

	/** Fills the model for the session page and answers its view name. */
	@Override
	public String render(Session session, Model model) {
		return render(SessionHeader.of(session), model);
	}

	private String render(SessionHeader session, Model model) {
		// "session" would shadow Thymeleaf's own session variable.
		model.addAttribute("summitSession", session);
		model.addAttribute("event", session.event());
		List<Long> ids = List.of(session.id());
		List<List<Object[]>> parts = RoundTrip.read(this.entityManager, PARTS, ids);
		List<SessionPageConcern> shown = parts.get(4).stream().map(SessionPageConcern::of).toList();
		List<ConcernSummary> sessionConcerns = SessionPageConcern.raisedIn(session.id(), shown);
		model.addAttribute("participants", parts.get(0).stream().map(ParticipantView::of).toList());
		model.addAttribute("notes", parts.get(1).stream().map(NoteView::of).toList());
		model.addAttribute("concerns", sessionConcerns);
		model.addAttribute("carriedConcerns", SessionPageConcern.carriedInto(session.id(), shown));
		model.addAttribute("blockingConcerns",
				sessionConcerns.stream().filter(ConcernSummary::isOpenAndBlocking).toList());
		BuyInQueries.Batch batch = BuyInQueries.fromRows(ids, parts.subList(BUY_IN, parts.size()));
		List<ProposalBuyIn> discussed = batch.proposals().getOrDefault(session.id(), List.of());
		// The main proposal's buy-in leads; a session that discusses none yet shows its
		// own.
		SessionBuyIn buyIn = discussed.isEmpty() ? batch.sessions().get(session.id()) : discussed.get(0).buyIn();
		model.addAttribute("buyIn", buyIn);
		model.addAttribute("discussedProposals", discussed);
		model.addAttribute("resolutions", ResolutionView.fromRows(parts.get(2)));
		model.addAttribute("followUps", parts.get(3).stream().map(FollowUpView::of).toList());
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
