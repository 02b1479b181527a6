package org.summittracker.position;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
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
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.Pages;
import org.summittracker.shared.PlainText;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.StaleVersionException;

/**
 * Buy-in: record, confirm and withdraw positions from the session page, and read their
 * timelines. A refused form re-renders the session page, which the module that brings the
 * features together draws ({@link BuyInSessionPage}). The rules (who may change whose
 * position, what each stance needs) live in {@link Positions}.
 */
@Controller
class PositionController {

	private static final int PAGE_SIZE = 50;

	private final BuyInSessionPage sessionPage;

	private final Positions positions;

	private final PositionRepository positionRepository;

	private final PositionChangeRepository changes;

	private final Actors actors;

	private final ConcernRepository concerns;

	private final MaintainershipRepository maintainerships;

	private final Proposals proposals;

	PositionController(BuyInSessionPage sessionPage, Positions positions, PositionRepository positionRepository,
			PositionChangeRepository changes, Actors actors, ConcernRepository concerns,
			MaintainershipRepository maintainerships, Proposals proposals) {
		this.proposals = proposals;
		this.concerns = concerns;
		this.maintainerships = maintainerships;
		this.sessionPage = sessionPage;
		this.positions = positions;
		this.positionRepository = positionRepository;
		this.changes = changes;
		this.actors = actors;
	}

	/**
	 * The session page's buy-in form: the signed-in person's own position, or
	 * (organizers) the named person's.
	 */
	@PostMapping("/events/{event}/sessions/{session}/positions")
	String processPositionForm(@CurrentActor Actor actor, @PathVariable String event,
			@PathVariable("session") String slug, @Valid @ModelAttribute("positionForm") PositionForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Session session = this.sessionPage.find(event, slug);
		boolean named = form.person() != null && !form.person().isBlank();
		String handle = named ? form.person().strip() : this.actors.required().personHandle();
		if (named && !result.hasFieldErrors("person") && !this.positions.knows(handle)) {
			// A mistyped handle is a mistake in the form, shown next to its field with
			// what was typed, not an address that does not exist.
			result.rejectValue("person", "person.unknown", new Object[] { PlainText.printable(handle) }, null);
		}
		return record(actor, session, handle, form, result, model, response, redirect, null);
	}

	/**
	 * Records or changes the named person's position (DESIGN.md's {@code POST
	 * .../positions/{handle}}).
	 */
	@PostMapping("/events/{event}/sessions/{session}/positions/{handle}")
	String processPositionFormFor(@CurrentActor Actor actor, @PathVariable String event,
			@PathVariable("session") String slug, @PathVariable String handle,
			@Valid @ModelAttribute("positionForm") PositionForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Session session = this.sessionPage.find(event, slug);
		// Errors show on this person's position page when they have one (its form posts
		// here), else on the session.
		boolean hasPage = findInSession(session, form.proposal(), handle).isPresent();
		return record(actor, session, handle, form, result, model, response, redirect,
				hasPage ? () -> positionPage(session, form.proposal(), handle, 1, model) : null);
	}

	@PostMapping("/events/{event}/sessions/{session}/positions/{handle}/confirmation")
	String confirm(@CurrentActor Actor actor, @PathVariable String event, @PathVariable("session") String slug,
			@PathVariable String handle, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String proposal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Session session = this.sessionPage.find(event, slug);
		try {
			this.positions.confirm(required(actor), session, proposal, handle, version);
		}
		catch (StaleVersionException ex) {
			return conflict(session, model, response);
		}
		redirect.addFlashAttribute("positionNotice", new Notice("position.confirmed"));
		return redirectToBuyIn(session);
	}

	@PostMapping("/events/{event}/sessions/{session}/positions/{handle}/withdrawal")
	String withdraw(@CurrentActor Actor actor, @PathVariable String event, @PathVariable("session") String slug,
			@PathVariable String handle, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String proposal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Session session = this.sessionPage.find(event, slug);
		try {
			this.positions.withdraw(required(actor), session, proposal, handle, version);
		}
		catch (StaleVersionException ex) {
			return conflict(session, model, response);
		}
		redirect.addFlashAttribute("positionNotice", new Notice("position.withdrawn", handle));
		return redirectToBuyIn(session);
	}

	/** Every change to every position in the session, newest first. */
	@GetMapping("/events/{event}/sessions/{session}/positions")
	String timeline(@PathVariable String event, @PathVariable("session") String slug,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Session session = this.sessionPage.find(event, slug);
		SessionHeader header = SessionHeader.of(session);
		model.addAttribute("summitSession", header);
		model.addAttribute("event", header.event());
		model.addAttribute("changes", this.changes.findTimeline(session.getId(), Pages.request(page, PAGE_SIZE)));
		return "positions/timeline";
	}

	/**
	 * One person's position in the session: where it stands now and every change to it,
	 * newest first.
	 */
	@GetMapping("/events/{event}/sessions/{session}/positions/{handle}")
	String positionTimeline(@PathVariable String event, @PathVariable("session") String slug,
			@PathVariable String handle, @RequestParam(required = false) String proposal,
			@RequestParam(defaultValue = "1") int page, Model model) {
		return positionPage(this.sessionPage.find(event, slug), proposal, handle, page, model);
	}

	private String positionPage(Session session, String proposalKey, String handle, int page, Model model) {
		Position position = findInSession(session, proposalKey, handle)
			.orElseThrow(() -> new NotFoundException(handle + " has taken no position in this session"));
		SessionHeader header = SessionHeader.of(session);
		model.addAttribute("summitSession", header);
		model.addAttribute("event", header.event());
		model.addAttribute("position", PositionPageView.of(position));
		model.addAttribute("changes", this.changes.findTimelineOf(position.getId(), Pages.request(page, PAGE_SIZE)));
		List<Choice> speakingFor = this.maintainerships.findByPersonId(position.getPerson().getId())
			.stream()
			.map((m) -> Choice.of(m.subsystemSlug(), m.subsystemName()))
			.toList();
		model.addAttribute("speakingFor", speakingFor);
		// Those raised in the session and those carried into it, as its page offers them.
		Page<ConcernChoice> concerns = this.concerns.findChoicesOnSessionPage(session.getId());
		PositionForm.addChoices(model, concerns.getContent(), concerns.getTotalElements(), speakingFor);
		if (!model.containsAttribute("positionForm")) {
			model.addAttribute("positionForm", PositionForm.of(position).offering(concerns.getContent()));
		}
		return "positions/show";
	}

	/** The person's position on a proposal the session discusses (its main one). */
	private Optional<Position> findInSession(Session session, String proposalKey, String handle) {
		return this.proposals.find(session, proposalKey)
			.flatMap((proposal) -> this.positionRepository.findOnProposal(proposal.getId(), handle));
	}

	private String record(Actor actor, Session session, String handle, PositionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, Supplier<String> errorPage) {
		Actor by = required(actor);
		Supplier<String> page = (errorPage != null) ? errorPage : () -> this.sessionPage.render(session, model);
		return FormSubmission.handle(result,
				() -> placed(form, () -> this.positions.checkRecord(by, session, form.statement(handle))), response,
				() -> {
					placed(form, () -> this.positions.record(by, session, form.statement(handle)));
					redirect.addFlashAttribute("positionNotice", saved(form, handle, by));
					return redirectToBuyIn(session);
				}, () -> {
					model.addAttribute("positionProblem", new Notice("position.not-saved"));
					return page.get();
				}, () -> {
					resetForm(model);
					model.addAttribute("positionProblem", new Notice("position.conflict"));
					return page.get();
				});
	}

	/**
	 * What saving says: whose position it is, and, when concerns were ticked for a stance
	 * that cites none (the form of a position that was concerned comes with them ticked),
	 * that they were not kept with it.
	 */
	private static Notice saved(PositionForm form, String handle, Actor by) {
		boolean own = handle.equals(by.personHandle());
		List<String> uncited = (form.stance() != null && !form.stance().citesConcerns()) ? form.concernKeys()
				: List.of();
		if (uncited.isEmpty()) {
			return own ? new Notice("position.saved.own") : new Notice("position.saved.for", handle);
		}
		String keys = String.join(", ", uncited);
		return own ? new Notice("position.saved.own.uncited", form.stance().label(), keys)
				: new Notice("position.saved.for.uncited", handle, form.stance().label(), keys);
	}

	/**
	 * Runs the domain's step, its refusals next to the fields of the form they came from.
	 */
	private static void placed(PositionForm form, Runnable step) {
		try {
			step.run();
		}
		catch (RuleViolation ex) {
			throw form.placed(ex);
		}
	}

	private String conflict(Session session, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		resetForm(model);
		model.addAttribute("positionProblem", new Notice("position.conflict"));
		return this.sessionPage.render(session, model);
	}

	/** The form shows the current position again, not the stale submission. */
	private static void resetForm(Model model) {
		model.asMap().remove("positionForm");
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "positionForm");
	}

	private Actor required(Actor actor) {
		return (actor != null) ? actor : this.actors.required();
	}

	private static String redirectToBuyIn(Session session) {
		return "redirect:/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug() + "#buy-in";
	}

}
