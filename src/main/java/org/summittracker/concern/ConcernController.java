package org.summittracker.concern;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.springframework.web.servlet.view.RedirectView;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.proposal.Proposals;
import org.summittracker.session.FormerFilters;
import org.summittracker.session.NoteOrigins;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.Pages;
import org.summittracker.shared.RuleViolation;
import org.summittracker.shared.SectionPages;
import org.summittracker.shared.TakenValue;
import org.summittracker.concern.ConcernListing.Editable;
import org.summittracker.concern.ConcernListing.EventOption;
import org.summittracker.concern.ConcernListing.Filters;
import org.summittracker.concern.ConcernListing.SessionRef;
import org.summittracker.concern.ConcernViews.ConcernDetail;
import org.summittracker.concern.ConcernViews.ResponseView;
import org.summittracker.concern.ConcernForms.CategoryForm;
import org.summittracker.concern.ConcernForms.ConcernForm;
import org.summittracker.concern.ConcernForms.ResponseForm;
import org.summittracker.concern.ConcernForms.StatusForm;

/**
 * Concerns: the concern page (other modules add their sections to it through
 * {@link ConcernPageSection}), filing and editing, responses, status changes, the list
 * across all events and the categories. The rules (who may, what is valid) live in
 * {@link ConcernLifecycle}.
 */
@Controller
class ConcernController {

	private static final String BASE = "/events/{event}/sessions/{session}/concerns";

	/** Responses on one page of a concern's, oldest first. */
	static final int RESPONSES_PAGE = 100;

	private final ConcernRepository concerns;

	private final ConcernLifecycle lifecycle;

	private final ConcernListing listing;

	private final ObjectProvider<ConcernPageSection> sections;

	private final Clock clock;

	private final NoteOrigins noteOrigins;

	private final Proposals proposals;

	private final ConcernReraiseRepository reraises;

	private final FormerFilters formerFilters;

	ConcernController(ConcernReraiseRepository reraises, ConcernRepository concerns, ConcernLifecycle lifecycle,
			ConcernListing listing, ObjectProvider<ConcernPageSection> sections, Clock clock, NoteOrigins noteOrigins,
			Proposals proposals, FormerFilters formerFilters) {
		this.proposals = proposals;
		this.formerFilters = formerFilters;
		this.reraises = reraises;
		this.noteOrigins = noteOrigins;
		this.concerns = concerns;
		this.lifecycle = lifecycle;
		this.listing = listing;
		this.sections = sections;
		this.clock = clock;
	}

	@GetMapping(BASE + "/{key}")
	Object concern(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "1") int citing,
			@RequestParam(defaultValue = "1") int addressing, @CurrentActor Actor actor, Model model) {
		SectionPages pages = SectionPages.at("", "concern")
			.with("page", page)
			.with("citing", citing)
			.with("addressing", addressing);
		ConcernDetail concern = this.concerns.findDetail(event, session, key).orElse(null);
		if (concern == null) {
			Optional<Located> carried = carried(event, session, key);
			if (carried.isPresent()) {
				return show(carried.get().concern(), carried.get().during(), pages, actor, model);
			}
			String current = this.listing.currentKey(event, session, key)
				.orElseThrow(() -> new NotFoundException("No concern " + key));
			RedirectView redirect = new RedirectView(
					"/events/" + event + "/sessions/" + session + "/concerns/" + current, true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		return show(concern, null, pages, actor, model);
	}

	/**
	 * A concern as seen from a session: its own (no {@code during}), or a later one it is
	 * carried into, where responses and status changes are recorded as made in that
	 * session.
	 */
	private record Located(ConcernDetail concern, SessionRef during) {

		Long sessionId() {
			return (this.during != null) ? this.during.id() : null;
		}

	}

	/** The concern raised in an earlier session and carried into this one, if any. */
	private Optional<Located> carried(String event, String session, String key) {
		return this.listing.session(event, session)
			.flatMap((ref) -> this.concerns.findEarlier(ref.id(), key)
				.stream()
				.findFirst()
				.flatMap(this.concerns::findDetailOf)
				.map((concern) -> new Located(concern, ref)));
	}

	/** The concern of that key in the session, or carried into it. */
	private Located located(String event, String session, String key) {
		return this.concerns.findDetail(event, session, key)
			.map((concern) -> new Located(concern, null))
			.or(() -> carried(event, session, key))
			.orElseThrow(() -> new NotFoundException("No concern " + key));
	}

	private String show(ConcernDetail concern, Actor actor, Model model) {
		return show(concern, null, actor, model);
	}

	private String show(ConcernDetail concern, SessionRef during, Actor actor, Model model) {
		return show(concern, during, SectionPages.at("", "concern"), actor, model);
	}

	/**
	 * The concern's page, with the page of each long section the reader is on: its
	 * responses ({@code page}) and the sections of other modules ({@code citing},
	 * {@code addressing}).
	 */
	private String show(ConcernDetail concern, SessionRef during, SectionPages requested, Actor actor, Model model) {
		String concernUrl = ((during != null) ? during.path()
				: "/events/" + concern.eventSlug() + "/sessions/" + concern.sessionSlug()) + "/concerns/"
				+ concern.key();
		Page<ResponseView> responses = this.concerns.findResponses(concern.id(),
				Pages.request(requested.page("page"), RESPONSES_PAGE));
		SectionPages pages = requested.on(concernUrl).with("page", responses);
		model.addAttribute("during", during);
		model.addAttribute("concernUrl", concernUrl);
		model.addAttribute("concern", concern);
		model.addAttribute("subsystems", this.concerns.findSubsystemNames(concern.id()));
		model.addAttribute("responses", responses);
		model.addAttribute("responsesBase", pages.without("page"));
		model.addAttribute("history", this.concerns.findHistory(concern.id()));
		model.addAttribute("reraises", this.reraises.findOf(concern.id()));
		model.addAttribute("sections",
				this.sections.orderedStream().map((section) -> section.of(concern.id(), pages)).toList());
		model.addAttribute("today", LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		model.addAttribute("mayEdit", concern.mayBeChangedBy(actor));
		model.addAttribute("mayRespond", actor != null && (actor.personId() != null || actor.isOrganizer()));
		model.addAttribute("statusChoices",
				concern.movesFor(actor)
					.stream()
					.map((to) -> Choice.coded(to.name(), "concern.status.move." + to.name()))
					.toList());
		if (!model.containsAttribute("responseForm")) {
			model.addAttribute("responseForm", ResponseForm.empty());
		}
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", StatusForm.empty());
		}
		model.addAttribute("version", this.concerns.findById(concern.id()).map(Concern::getVersion).orElse(0L));
		return "concerns/show";
	}

	@GetMapping(BASE + "/new")
	String initCreationForm(@PathVariable String event, @PathVariable String session, @CurrentActor Actor actor,
			@RequestParam(required = false) Long fromNote, Model model) {
		requireMayFile(actor);
		SessionRef ref = sessionRef(event, session);
		// "File as concern" from a discussion note: prefilled from the note, linked to
		// it.
		model.addAttribute("form",
				(fromNote != null) ? ConcernForm.from(this.noteOrigins.in(ref.id(), fromNote)) : ConcernForm.empty());
		return form(ref, null, model);
	}

	@PostMapping(BASE)
	String processCreationForm(@PathVariable String event, @PathVariable String session, @CurrentActor Actor actor,
			@Valid @ModelAttribute("form") ConcernForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireMayFile(actor);
		SessionRef ref = sessionRef(event, session);
		return FormSubmission.handle(result,
				() -> form.checked(() -> this.lifecycle.checkFiling(ref.id(), form.draft(), form.raiser(), actor)),
				response, () -> {
					Concern concern = form
						.placed(() -> this.lifecycle.file(ref.id(), form.draft(), form.raiser(), actor));
					Notice.flash(redirect, "concern.filed", concern.getKey());
					return "redirect:" + ref.path() + "/concerns/" + concern.getKey();
				}, () -> form(ref, null, model));
	}

	@GetMapping(BASE + "/{key}/edit")
	String initUpdateForm(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@CurrentActor Actor actor, Model model) {
		SessionRef ref = sessionRef(event, session);
		Editable concern = editable(ref, key);
		requireMayEdit(concern, actor);
		model.addAttribute("form",
				new ConcernForm(concern.key(), concern.title(), concern.categorySlug(),
						concern.subsystemSlugs().stream().filter((slug) -> isAffected(ref, slug)).toList(),
						String.join(", ",
								concern.subsystemSlugs().stream().filter((slug) -> !isAffected(ref, slug)).toList()),
						concern.body(), concern.blocking(), concern.blockingReason(), concern.raiserHandle(),
						concern.version(), null, null));
		return form(ref, concern, model);
	}

	@PostMapping(BASE + "/{key}")
	String processUpdateForm(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@CurrentActor Actor actor, @Valid @ModelAttribute("form") ConcernForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		SessionRef ref = sessionRef(event, session);
		Editable concern = editable(ref, key);
		requireMayEdit(concern, actor);
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result,
				() -> form.checked(() -> this.lifecycle.checkEdit(concern.id(), form.draft(), actor)), response, () -> {
					Concern saved = form
						.placed(() -> this.lifecycle.edit(concern.id(), form.version(), form.draft(), actor));
					Notice.flash(redirect, "concern.saved", saved.getKey());
					return "redirect:" + ref.path() + "/concerns/" + saved.getKey();
				}, () -> form(ref, concern, model), () -> {
					// Nothing was saved: the current version next to theirs, and their
					// form
					// against it.
					Editable current = editable(ref, key);
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					model.addAttribute("current", current);
					model.addAttribute("summitSession", ref);
					model.addAttribute("form", form.at(current.version()));
					model.addAttribute("mine", form);
					model.addAttribute("categoryChoices", categoryChoices(this.listing.categories()));
					model.addAttribute("subsystemChoices",
							ref.affected().stream().map((s) -> Choice.of(s.slug(), s.name())).toList());
					return "concerns/conflict";
				});
	}

	@PostMapping(BASE + "/{key}/responses")
	String respond(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@CurrentActor Actor actor, @Valid @ModelAttribute("responseForm") ResponseForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Located concern = located(event, session, key);
		return FormSubmission.handle(result, () -> this.lifecycle.checkResponse(concern.concern().id(),
				concern.sessionId(), form.author(), form.body(), actor), response, () -> {
					this.lifecycle.respond(concern.concern().id(), concern.sessionId(), form.author(), form.body(),
							actor);
					Notice.flash(redirect, "concern.responded");
					return "redirect:/events/" + event + "/sessions/" + session + "/concerns/" + key + "#responses";
				}, () -> show(concern.concern(), concern.during(), actor, model));
	}

	@PostMapping(BASE + "/{key}/status")
	String changeStatus(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@CurrentActor Actor actor, @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Located concern = located(event, session, key);
		return FormSubmission.handle(result, () -> {
			// A status that could not be read is no move anyone may or may not make: the
			// form again naming the field (422), never a 403 for a move nobody can tell.
			if (!result.hasFieldErrors("status")) {
				this.lifecycle.checkTransition(concern.concern().id(), concern.sessionId(), form.status(), form.note(),
						form.revisitOn(), actor);
			}
		}, response, () -> {
			this.lifecycle.transition(concern.concern().id(), concern.sessionId(), form.status(), form.note(),
					form.revisitOn(), form.version(), actor);
			Notice.flash(redirect, "concern.status.changed",
					new DefaultMessageSourceResolvable("concern.status." + form.status()));
			return "redirect:/events/" + event + "/sessions/" + session + "/concerns/" + key;
		}, () -> {
			if (result.hasFieldErrors("status")
					&& (!concern.concern().mayBeChangedBy(actor) || concern.concern().movesFor(actor).isEmpty())) {
				// No status form on their page to name the field next to.
				model.addAttribute("problem", new Notice("concern.status.unreadable"));
			}
			return show(concern.concern(), concern.during(), actor, model);
		}, () -> {
			model.addAttribute("problem", new Notice("concern.status.conflict"));
			model.addAttribute("statusForm", new StatusForm(form.status(), form.note(), form.revisitOn(), null));
			Located fresh = located(event, session, key);
			return show(fresh.concern(), fresh.during(), actor, model);
		});
	}

	@PostMapping(BASE + "/{key}/reraise")
	String reraise(@PathVariable String event, @PathVariable String session, @PathVariable String key,
			@RequestParam(required = false) String raiser, @CurrentActor Actor actor, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireMayFile(actor);
		SessionRef ref = sessionRef(event, session);
		Concern concern = this.concerns.findEarlier(ref.id(), key)
			.stream()
			.findFirst()
			.flatMap(this.concerns::findById)
			.orElseThrow(() -> new NotFoundException("No concern " + key + " carried into " + session));
		RuleViolation refused;
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		try {
			this.lifecycle.reraise(ref.id(), concern.getId(), raiser, actor);
			Notice.flash(redirect, "concern.reraised", concern.getKey());
			return "redirect:" + ref.path() + "#carried-concerns";
		}
		catch (RuleViolation ex) {
			refused = ex;
		}
		catch (DataIntegrityViolationException ex) {
			// Raised again by the same person at the same moment.
			TakenValue.constraint(ex).filter("concern_reraise_uk"::equals).orElseThrow(() -> ex);
			refused = new RuleViolation(null, "concern.reraise.twice", concern.getKey());
			status = HttpStatus.CONFLICT;
		}
		response.setStatus(status.value());
		RuleViolation.Problem problem = refused.problems().get(0);
		model.addAttribute("problem", new Notice(problem.code(), problem.args()));
		return show(this.concerns.findDetailOf(concern.getId()).orElseThrow(), ref, actor, model);
	}

	@GetMapping("/concerns")
	Object list(@ModelAttribute("filters") Filters filters, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		List<EventOption> events = this.listing.events();
		List<CategoryView> categories = this.listing.categories();
		model.addAttribute("eventChoices", events.stream().map((e) -> Choice.of(e.slug(), e.name())).toList());
		model.addAttribute("categoryChoices", categoryChoices(categories));
		model.addAttribute("statusChoices",
				Arrays.stream(ConcernStatus.values())
					.map((s) -> Choice.coded(s.name().toLowerCase(Locale.ROOT), "concern.status." + s.name()))
					.toList());
		model.addAttribute("blockingChoices", List.of(Choice.coded("yes", "concerns.filter.blocking.yes"),
				Choice.coded("no", "concerns.filter.blocking.no")));
		model.addAttribute("sortChoices",
				Arrays.stream(ConcernListing.Sort.values())
					.map((s) -> Choice.coded(s.param(), "concern.sort." + s.name()))
					.toList());
		model.addAttribute("params", filters.params());
		model.addAttribute("base", Pages.base("/concerns", filters.params()));
		if (!binding.hasErrors()) {
			try {
				model.addAttribute("items", this.listing.page(filters, events, categories, false));
				return "concerns/list";
			}
			catch (RuleViolation ex) {
				ex.rejectOn(binding);
			}
		}
		// A list mailed before an event, a session or a person was renamed: the same
		// list under the new names.
		Optional<RedirectView> moved = this.formerFilters.moved(request, "raiser");
		if (moved.isPresent()) {
			return moved.get();
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return "concerns/list";
	}

	@GetMapping("/concerns/categories")
	String categories(@CurrentActor Actor actor, Model model) {
		model.addAttribute("categories", this.listing.categories());
		model.addAttribute("mayAdd", actor != null && actor.isOrganizer());
		if (!model.containsAttribute("categoryForm")) {
			model.addAttribute("categoryForm", CategoryForm.empty());
		}
		return "concerns/categories";
	}

	@PostMapping("/concerns/categories")
	String addCategory(@CurrentActor Actor actor, @Valid @ModelAttribute("categoryForm") CategoryForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (actor == null || !actor.isOrganizer()) {
			throw NotAllowedException.saying("concern.denied.category");
		}
		return FormSubmission.handle(result, response, () -> {
			this.lifecycle.addCategory(form.name(), actor);
			Notice.flash(redirect, "category.added", form.name().strip());
			return "redirect:/concerns/categories";
		}, () -> categories(actor, model));
	}

	private String form(SessionRef ref, Editable concern, Model model) {
		model.addAttribute("summitSession", ref);
		if (concern == null) {
			model.addAttribute("proposalChoices",
					this.proposals.linksDiscussedIn(ref.id())
						.stream()
						.map((p) -> Choice.of(p.key(), p.key() + ": " + p.title()))
						.toList());
		}
		model.addAttribute("concern", concern);
		model.addAttribute("categoryChoices", categoryChoices(this.listing.categories()));
		model.addAttribute("subsystemChoices",
				ref.affected().stream().map((s) -> Choice.of(s.slug(), s.name())).toList());
		return concern != null ? "concerns/edit" : "concerns/new";
	}

	private static List<Choice> categoryChoices(List<CategoryView> categories) {
		return categories.stream().map((c) -> Choice.of(c.slug(), c.name())).toList();
	}

	private static boolean isAffected(SessionRef ref, String slug) {
		return ref.affected().stream().anyMatch((s) -> s.slug().equals(slug));
	}

	private static void requireMayFile(Actor actor) {
		if (actor == null || !(actor.isMaintainer() || actor.isOrganizer())) {
			throw NotAllowedException.saying("concern.denied.file");
		}
	}

	private static void requireMayEdit(Editable concern, Actor actor) {
		if (actor == null || !(actor.isOrganizer() || concern.raiserHandle().equals(actor.personHandle()))) {
			throw NotAllowedException.saying("concern.denied.edit");
		}
	}

	private SessionRef sessionRef(String event, String session) {
		return this.listing.session(event, session)
			.orElseThrow(() -> new NotFoundException("No session " + session + " in " + event));
	}

	private Editable editable(SessionRef ref, String key) {
		return this.listing.editable(ref.id(), key).orElseThrow(() -> new NotFoundException("No concern " + key));
	}

}
