package org.summittracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.concern.ConcernViews.SessionPageConcern;
import org.summittracker.concern.ConcernViews.ShownConcerns;
import org.summittracker.followup.FollowUpView;
import org.summittracker.mail.AskSent;
import org.summittracker.material.MaterialView;
import org.summittracker.minutes.AmendmentView;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.BuyInSessionPage;
import org.summittracker.position.PositionForm;
import org.summittracker.position.PositionView;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.position.SessionBuyIn;
import org.summittracker.resolution.ResolutionView;
import org.summittracker.session.Participant;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.NoteView;
import org.summittracker.session.SessionViews.ParticipantView;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.KeptReads;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Pages;
import org.summittracker.shared.RoundTrip;

/**
 * Fills the model of the session page, for its own route and for forms that re-render it
 * with their errors.
 */
@Component
class SessionPage implements BuyInSessionPage {

	private final SessionRepository sessions;

	/**
	 * The page's participants, notes, resolutions, follow-ups, concerns (its own and
	 * those carried into it) and material, as many of each as it shows with the number of
	 * all, the newest asks for buy-in sent by mail, the newest changes made since the
	 * minutes were final (their amendments), then the buy-in's queries (the positions of
	 * the first rows of its table, the first opposers and blocking concerns, the counts
	 * readiness needs, the reader's own position): sent together in one round trip.
	 */
	private static final String PARTS = RoundTrip.sql(
			Stream
				.concat(Stream.of(ParticipantView.SHOWN_ROWS, NoteView.SHOWN_ROWS, ResolutionView.SHOWN_ROWS,
						FollowUpView.SHOWN_ROWS, SessionPageConcern.SHOWN_ROWS, MaterialView.SHOWN_ROWS,
						AskSent.SHOWN_ROWS, AmendmentView.SHOWN_ROWS), BuyInQueries.Shown.QUERIES.stream())
				.toList());

	/** Where the buy-in's rows start in what {@link #PARTS} reads. */
	private static final int BUY_IN = 8;

	/**
	 * The buy-in's queries alone, for a page of the session's buy-in page: the same as
	 * the session page's, for the page's rows.
	 */
	private static final String BUY_IN_PARTS = RoundTrip.sql(BuyInQueries.Shown.QUERIES);

	private final EntityManager entityManager;

	private final KeptReads kept;

	private final JdbcTemplate jdbc;

	private final Actors actors;

	private final Clock clock;

	SessionPage(SessionRepository sessions, EntityManager entityManager, KeptReads kept, JdbcTemplate jdbc,
			Actors actors, Clock clock) {
		this.kept = kept;
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
		return render(header(event, slug), model);
	}

	/**
	 * Fills the model for a page of the buy-in table of the proposal with this key that
	 * the session discusses (its main one when null; its own buy-in when it discusses
	 * none) and answers its view name.
	 */
	String renderBuyIn(String event, String slug, String proposalKey, int page, Model model) {
		SessionHeader session = header(event, slug);
		List<Long> ids = List.of(session.id());
		Pageable rowsPage = Pages.request(page, SessionBuyIn.SHOWN);
		BuyInQueries.Shown batch = BuyInQueries.Shown.fromRows(ids, RoundTrip.read(this.kept, this.entityManager,
				BUY_IN_PARTS, ids, BuyInQueries.Shown.values(null, rowsPage)), rowsPage.getOffset());
		List<ProposalBuyIn> discussed = batch.proposals().getOrDefault(session.id(), List.of());
		ProposalBuyIn chosen = discussed.stream()
			.filter((pb) -> (proposalKey == null) || pb.proposal().key().equals(proposalKey))
			.findFirst()
			.orElse(null);
		if (chosen == null && (proposalKey != null || !discussed.isEmpty())) {
			throw new NotFoundException("The session discusses no proposal " + proposalKey);
		}
		SessionBuyIn buyIn = (chosen != null) ? chosen.buyIn() : batch.sessions().get(session.id());
		model.addAttribute("summitSession", session);
		model.addAttribute("event", session.event());
		model.addAttribute("proposal", (chosen != null) ? chosen.proposal() : null);
		model.addAttribute("readiness", buyIn.readiness());
		model.addAttribute("rows", buyIn.rowsPage(rowsPage));
		model.addAttribute("query", (proposalKey != null) ? "?proposal=" + chosen.proposal().key() : "");
		return "sessions/buy-in";
	}

	private SessionHeader header(String event, String slug) {
		List<SessionHeader> found = this.kept.read("SessionPage.header", List.of(event, slug),
				() -> this.jdbc.query(SessionHeader.BY_SLUGS, (row, n) -> SessionHeader.of(row), event, slug));
		if (found.isEmpty()) {
			throw new NotFoundException("No session " + slug + " in " + event);
		}
		return found.get(0);
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
		Actor actor = this.actors.current().orElse(null);
		Long reader = (actor != null) ? actor.personId() : null;
		Shown shown = this.kept.read("SessionPage.render", Arrays.asList(session, reader), () -> read(session, reader));
		model.addAttribute("participants", shown.participants());
		model.addAttribute("notes", shown.notes());
		model.addAttribute("concerns", shown.concerns().raised());
		model.addAttribute("carriedConcerns", shown.concerns().carried());
		model.addAttribute("blockingConcerns", shown.concerns().blocking());
		model.addAttribute("buyIn", shown.buyIn());
		model.addAttribute("discussedProposals", shown.discussed());
		model.addAttribute("resolutions", shown.resolutions());
		model.addAttribute("followUps", shown.followUps());
		model.addAttribute("material", shown.material());
		model.addAttribute("asksSent", shown.asks());
		model.addAttribute("amendments", shown.amendments());
		model.addAttribute("today", LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		addPositionForm(actor, shown.own(), shown.buyIn(), shown.concerns(), model);
		model.addAttribute("mayAskForBuyIn", mayAskForBuyIn(actor, session, shown));
		return "sessions/show";
	}

	/**
	 * Whether the page offers to ask for buy-in by mail: to organizers and
	 * administrators, and to maintainers who lead the session or speak in it (as the page
	 * shows its participants; the ask page itself enforces the rule,
	 * {@code Positions.mayImportMail}).
	 */
	private static boolean mayAskForBuyIn(Actor actor, SessionHeader session, Shown shown) {
		if (actor == null) {
			return false;
		}
		if (actor.isOrganizer() || actor.isAdmin()) {
			return true;
		}
		String handle = actor.personHandle();
		if (!actor.isMaintainer() || handle == null || shown.discussed().isEmpty()) {
			return false;
		}
		return (session.lead() != null && handle.equals(session.lead().handle())) || shown.participants()
			.stream()
			.anyMatch((p) -> handle.equals(p.handle())
					&& (p.role() == Participant.Role.LEAD || p.role() == Participant.Role.SPEAKER));
	}

	/** What the session page shows of the session, read in one round trip. */
	private Shown read(SessionHeader session, Long reader) {
		List<Long> ids = List.of(session.id());
		List<List<Object[]>> parts = RoundTrip.read(this.kept, this.entityManager, PARTS, ids,
				BuyInQueries.Shown.values(reader, Pages.request(1, SessionBuyIn.SHOWN)));
		BuyInQueries.Shown shownBuyIn = BuyInQueries.Shown.fromRows(ids, parts.subList(BUY_IN, parts.size()), 0);
		List<ProposalBuyIn> discussed = shownBuyIn.proposals().getOrDefault(session.id(), List.of());
		// The main proposal's buy-in leads; a session that discusses none yet shows its
		// own.
		SessionBuyIn buyIn = discussed.isEmpty() ? shownBuyIn.sessions().get(session.id()) : discussed.get(0).buyIn();
		PositionView own = discussed.isEmpty() ? null
				: shownBuyIn.readerPositions().get(discussed.get(0).proposal().id());
		return new Shown(Pages.first(parts.get(0), ParticipantView.SHOWN, ParticipantView::of),
				Pages.first(parts.get(1), NoteView.SHOWN, NoteView::of),
				SessionPageConcern.shown(session.id(), parts.get(4)), buyIn, discussed,
				ResolutionView.firstFromRows(parts.get(2)),
				Pages.first(parts.get(3), FollowUpView.SHOWN, FollowUpView::of), MaterialView.shown(parts.get(5)),
				asksByProposal(AskSent.of(parts.get(6))), AmendmentView.shown(parts.get(7)), own);
	}

	/** The asks sent, by the key of the proposal they were about, newest first. */
	private static Map<String, List<AskSent>> asksByProposal(List<AskSent> asks) {
		Map<String, List<AskSent>> byProposal = new LinkedHashMap<>();
		asks.forEach((a) -> byProposal.computeIfAbsent(a.proposal(), (k) -> new ArrayList<>()).add(a));
		byProposal.replaceAll((k, v) -> List.copyOf(v));
		return Collections.unmodifiableMap(byProposal);
	}

	/**
	 * What the session page shows of a session (for a reader: their own position), kept
	 * by what it was read from.
	 */
	record Shown(Page<ParticipantView> participants, Page<NoteView> notes, ShownConcerns concerns, SessionBuyIn buyIn,
			List<ProposalBuyIn> discussed, Page<ResolutionView> resolutions, Page<FollowUpView> followUps,
			Page<MaterialView> material, Map<String, List<AskSent>> asks, Page<AmendmentView> amendments,
			PositionView own) {
	}

	/**
	 * The signed-in person's own position on the main proposal (read with the buy-in: no
	 * further query) prefills the form, which offers to cite the concerns raised in the
	 * session and those carried into it (read with the page's).
	 */
	private void addPositionForm(Actor actor, PositionView own, SessionBuyIn buyIn, ShownConcerns concerns,
			Model model) {
		List<ConcernChoice> citable = concerns.choices();
		model.addAttribute("ownPosition", own);
		model.addAttribute("positionActor", actor);
		// The signed-in person, read once for the whole page (the sections' links and
		// forms).
		model.addAttribute("actor", actor);
		model.addAttribute("organizer", actor != null && actor.isOrganizer());
		if (!model.containsAttribute("positionForm")) {
			// When it was shown: it names anyone, whose position the page shows as it
			// stood then. Only for those signed in (nobody else is shown the form), so
			// that a reader's page stays the same for the same data (kept renderings).
			model.addAttribute("positionForm",
					PositionForm.of(own).offering(citable).shownAt((actor != null) ? this.clock.instant() : null));
		}
		PositionForm.addChoices(model, citable, concerns.choiceCount(), PositionForm.subsystems(buyIn.affected()));
		model.addAttribute("ownSpeakingChoices", (actor != null && actor.personId() != null)
				? PositionForm.subsystems(buyIn.speakingOptions(actor.personId())) : List.of());
	}

}
