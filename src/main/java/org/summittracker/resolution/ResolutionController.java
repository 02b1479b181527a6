package org.summittracker.resolution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.concern.Concern;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernStatus;
import org.summittracker.concern.ConcernViews.ConcernChoice;
import org.summittracker.proposal.Proposal;
import org.summittracker.proposal.ProposalLink;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.RuleViolation;

/**
 * Organizers record a session's resolutions and revise them; everyone reads a resolution
 * and its history.
 */
@Controller
class ResolutionController {

	private final SessionRepository sessions;

	private final ResolutionRepository resolutionRepository;

	private final ConcernRepository concerns;

	private final Resolutions resolutions;

	private final Clock clock;

	private final Proposals proposals;

	private final TransactionTemplate readOnly;

	private final ResolutionPage page;

	ResolutionController(SessionRepository sessions, ResolutionRepository resolutionRepository,
			ConcernRepository concerns, Resolutions resolutions, Clock clock, PlatformTransactionManager transactions,
			Proposals proposals, ResolutionPage page) {
		this.page = page;
		this.proposals = proposals;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.sessions = sessions;
		this.resolutionRepository = resolutionRepository;
		this.concerns = concerns;
		this.resolutions = resolutions;
		this.clock = clock;
	}

	@GetMapping("/events/{event}/sessions/{session}/resolutions/new")
	String initCreationForm(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			Model model) {
		requireOrganizer(actor);
		Session summitSession = session(event, session);
		model.addAttribute("form",
				ResolutionForm.empty(summitSession.getDay(), LocalDate.now(this.clock.withZone(ZoneOffset.UTC))));
		return form(summitSession, model);
	}

	@PostMapping("/events/{event}/sessions/{session}/resolutions")
	String processCreationForm(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@Valid @ModelAttribute("form") ResolutionForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session summitSession = session(event, session);
		return FormSubmission.handle(result,
				() -> checked(form, () -> this.resolutions.check(summitSession.getId(), null, draft(form), actor)),
				response, () -> {
					Resolutions.Recorded recorded = typed(form,
							() -> this.resolutions.record(summitSession.getId(), draft(form), actor));
					int recordedSeq = recorded.resolution().getSeq();
					flash(redirect, "resolution.recorded", recordedSeq, recorded.resolvedConcerns());
					return "redirect:" + base(summitSession) + "#resolution-" + recordedSeq;
				}, () -> form(summitSession, model));
	}

	@GetMapping("/events/{event}/sessions/{session}/resolutions/{seq}")
	String show(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@PathVariable int seq, Model model) {
		return page(event, session, seq, Resolutions.mayRecord(actor), model);
	}

	@PostMapping("/events/{event}/sessions/{session}/resolutions/{seq}")
	String processUpdateForm(@CurrentActor Actor actor, @PathVariable String event, @PathVariable String session,
			@PathVariable int seq, @Valid @ModelAttribute("form") ResolutionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		Session summitSession = session(event, session);
		if (this.resolutionRepository.findBySeq(summitSession.getId(), seq).isEmpty()) {
			throw new NotFoundException("No resolution " + seq + " in this session");
		}
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result,
				() -> checked(form, () -> this.resolutions.check(summitSession.getId(), seq, draft(form), actor)),
				response, () -> {
					Resolutions.Recorded revised = typed(form, () -> this.resolutions.revise(summitSession.getId(), seq,
							form.version(), draft(form), actor));
					flash(redirect, "resolution.revised", seq, revised.resolvedConcerns());
					return "redirect:" + base(summitSession) + "/resolutions/" + seq;
				}, () -> page(event, session, seq, false, model), () -> {
					// Nothing was saved: the current state, with the current version in a
					// fresh
					// form.
					model.addAttribute("problem", new Notice("resolution.conflict"));
					model.asMap().remove("form");
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					return page(event, session, seq, true, model);
				});
	}

	private static ResolutionDraft draft(ResolutionForm form) {
		return new ResolutionDraft(form.statement(), form.outcome(), form.decidedOn(), form.revisitOn(),
				form.concernKeys(), form.resolvesAddressed(), form.proposal());
	}

	private static ResolutionForm formOf(Resolution resolution) {
		return new ResolutionForm(resolution.getStatement(), resolution.getOutcome(), resolution.getDecidedOn(),
				resolution.getRevisitOn(), resolution.getAddressedConcerns().stream().map(Concern::getKey).toList(),
				null, false, (resolution.getProposal() != null) ? resolution.getProposal().getKey() : "",
				resolution.getVersion());
	}

	private String form(Session session, Model model) {
		model.addAttribute("summitSession", session);
		model.addAttribute("event", session.getEvent());
		model.addAttribute("base", base(session));
		choices(session.getId(), List.of(), model);
		return "resolutions/new";
	}

	/**
	 * The resolution page: what every reader sees, kept by the tables it was read from;
	 * with the form (a fresh one, or the one sent back), its choices, read inside one
	 * read-only transaction.
	 */
	private String page(String event, String slug, int seq, boolean freshForm, Model model) {
		ResolutionPage.Shown shown = this.page.of(event, slug, seq);
		model.addAttribute("resolution", shown.resolution());
		model.addAttribute("addressed", shown.resolution().addressedConcernKeys());
		model.addAttribute("history", shown.history());
		model.addAttribute("summitSession", shown.header());
		model.addAttribute("event", shown.header().event());
		model.addAttribute("base", shown.base());
		if (freshForm || model.containsAttribute("form")) {
			this.readOnly.executeWithoutResult((status) -> {
				Resolution resolution = this.resolutionRepository.findById(shown.resolution().id())
					.orElseThrow(() -> new NotFoundException("No resolution " + seq + " in this session"));
				if (freshForm) {
					model.addAttribute("form", formOf(resolution));
				}
				choices(shown.header().id(),
						resolution.getAddressedConcerns()
							.stream()
							.sorted(Comparator.comparing(Concern::getCreatedAt).thenComparing(Concern::getId))
							.map((c) -> choice(c.getKey(), c.getTitle(), c.getStatus()))
							.toList(),
						model);
			});
		}
		return "resolutions/show";
	}

	/**
	 * The choices of a resolution form; {@code addressed}, the concerns the resolution
	 * addresses, are offered whether or not they are among the first.
	 */
	private void choices(Long sessionId, List<Choice> addressed, Model model) {
		model.addAttribute("outcomeChoices", Choice.of(Outcome.values(), "outcome."));
		// The first of its own concerns and of those carried into it from earlier
		// sessions of its proposals, the open ones first; any other by its key.
		Page<ConcernChoice> first = this.concerns.findChoicesOnSessionPage(sessionId);
		Set<String> offered = first.stream().map(ConcernChoice::key).collect(Collectors.toSet());
		model.addAttribute("concernChoices",
				Stream
					.concat(addressed.stream().filter((c) -> !offered.contains(c.value())),
							first.stream().map((c) -> choice(c.key(), c.title(), c.status())))
					.toList());
		model.addAttribute("concernsMore", first.getTotalElements() > first.getNumberOfElements());
		// Which proposal it decides, when the session discusses more than one.
		List<ProposalLink> discussed = this.proposals.linksDiscussedIn(sessionId);
		model.addAttribute("proposalChoices", (discussed.size() > 1)
				? discussed.stream().map((p) -> Choice.of(p.key(), p.key() + ": " + p.title())).toList() : List.of());
	}

	private static Choice choice(String key, String title, ConcernStatus status) {
		return Choice.marked(key, title, "concern.status." + status.name());
	}

	/**
	 * Makes the change; a concern key the session does not know is refused on the field
	 * it was typed in when keys were typed.
	 */
	/**
	 * “Resolution 2 recorded.”, and which concerns were resolved with it when some were
	 * (“… It resolved 2 concerns: bisection, memory-model.”).
	 */
	private static void flash(RedirectAttributes redirect, String code, int seq, List<String> resolved) {
		if (resolved.isEmpty()) {
			Notice.flash(redirect, code, seq);
		}
		else {
			Notice.flash(redirect, code + ".resolving", seq, resolved.size(), String.join(", ", resolved));
		}
	}

	private static <T> T typed(ResolutionForm form, Supplier<T> change) {
		try {
			return change.get();
		}
		catch (RuleViolation ex) {
			throw form.typesConcerns() ? ex.on("concerns", "otherConcerns") : ex;
		}
	}

	/** The same for the domain's check of the form, which changes nothing. */
	private static void checked(ResolutionForm form, Runnable check) {
		typed(form, () -> {
			check.run();
			return null;
		});
	}

	private Session session(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

	static String base(Session session) {
		return "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug();
	}

	private static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("denied.sign-in");
		}
		actor.require(actor.isOrganizer(), "resolution.denied.organizers");
	}

}
