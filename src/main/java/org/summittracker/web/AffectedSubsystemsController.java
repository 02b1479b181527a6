package org.summittracker.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.position.BuyInQueries;
import org.summittracker.position.ProposalBuyIn;
import org.summittracker.session.Session;
import org.summittracker.session.SessionAuthoring;
import org.summittracker.session.SessionRepository;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.RuleViolation;

/**
 * The subsystems a session's proposal affects: organizers search them by name or slug
 * (thousands after a MAINTAINERS import, so never one long list), add and remove them,
 * and see the readiness that follows at once. Here, not in {@code session}, because it
 * shows readiness ({@code position}).
 */
@Controller
class AffectedSubsystemsController {

	private static final String BASE = "/events/{event}/sessions/{session}/subsystems";

	/** How many subsystems a search shows. */
	static final int RESULTS = 20;

	private final SessionRepository sessions;

	private final SubsystemRepository subsystems;

	private final SessionAuthoring authoring;

	private final BuyInQueries buyIn;

	AffectedSubsystemsController(SessionRepository sessions, SubsystemRepository subsystems, SessionAuthoring authoring,
			BuyInQueries buyIn) {
		this.sessions = sessions;
		this.subsystems = subsystems;
		this.authoring = authoring;
		this.buyIn = buyIn;
	}

	@GetMapping(BASE)
	String page(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, @RequestParam(required = false) String q, Model model) {
		requireOrganizer(actor);
		return page(session(eventSlug, slug), q, null, null, model);
	}

	@PostMapping(BASE)
	String add(@CurrentActor Actor actor, @PathVariable("event") String eventSlug, @PathVariable("session") String slug,
			@RequestParam(name = "subsystem", required = false) String subsystem,
			@RequestParam(required = false) String q, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		try {
			Subsystem added = this.authoring.addSubsystem(session.getId(), subsystem, actor);
			Notice.flash(redirect, "affected.added", added.getName());
			if (q != null && !q.isBlank()) {
				redirect.addAttribute("q", q.strip());
			}
			return "redirect:" + path(session) + "#search";
		}
		catch (RuleViolation ex) {
			response.setStatus(422);
			RuleViolation.Problem problem = ex.problems().get(0);
			Notice notice = new Notice(problem.code(), problem.args());
			// A slug typed in the field (the search's buttons send their search along):
			// the message next to it, what was typed kept, and the subsystems whose name
			// or slug contains it offered.
			if (q == null || q.isBlank()) {
				String typed = (subsystem != null) ? subsystem.strip() : "";
				return page(session, typed, null, new Typed(typed, notice), model);
			}
			return page(session, q, notice, null, model);
		}
	}

	@PostMapping(BASE + "/{slug}/removal")
	String remove(@CurrentActor Actor actor, @PathVariable("event") String eventSlug,
			@PathVariable("session") String slug, @PathVariable("slug") String subsystemSlug,
			RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session session = session(eventSlug, slug);
		Subsystem removed = this.authoring.removeSubsystem(session.getId(), subsystemSlug, actor);
		Notice.flash(redirect, "affected.removed", removed.getName());
		return "redirect:" + path(session);
	}

	/** A slug typed in the page's field, and why it was refused. */
	record Typed(String slug, Notice problem) {
	}

	private String page(Session session, String q, Notice problem, Typed typed, Model model) {
		model.addAttribute("event", session.getEvent());
		model.addAttribute("summitSession", session);
		model.addAttribute("base", "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug());
		// The readiness of the session's main proposal, as the session page shows it
		// (this
		// page keeps that proposal's subsystems in step); a session that discusses none
		// yet shows its own.
		// Only readiness is shown: judged from the bounded read.
		BuyInQueries.Shown shown = this.buyIn.judged(session.getId(), null);
		List<ProposalBuyIn> discussed = shown.proposals().getOrDefault(session.getId(), List.of());
		model.addAttribute("buyIn",
				discussed.isEmpty() ? shown.sessions().get(session.getId()) : discussed.get(0).buyIn());
		String text = (q != null) ? q.strip().toLowerCase(Locale.ROOT) : "";
		model.addAttribute("q", text);
		model.addAttribute("problem", problem);
		model.addAttribute("typed", typed);
		List<Subsystem> found = text.isEmpty() ? List.of() : this.subsystems
			.search(text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"), PageRequest.of(0, RESULTS));
		model.addAttribute("results", found);
		return "sessions/subsystems";
	}

	private Session session(String eventSlug, String slug) {
		return this.sessions.findBySlugs(eventSlug, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + eventSlug));
	}

	private static String path(Session session) {
		return "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug() + "/subsystems";
	}

	private static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(SessionAuthoring.mayAuthor(actor), "session.denied.agenda");
	}

}
