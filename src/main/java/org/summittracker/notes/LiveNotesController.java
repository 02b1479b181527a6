package org.summittracker.notes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.account.NotAllowedException;
import org.summittracker.concern.ConcernRepository;
import org.summittracker.concern.ConcernViews.FiledFromNote;
import org.summittracker.followup.FollowUpRepository;
import org.summittracker.followup.FollowUpRepository.FromNote;
import org.summittracker.followup.FollowUps;
import org.summittracker.notes.NoteForms.MoveForm;
import org.summittracker.notes.NoteForms.NoteForm;
import org.summittracker.notes.NoteForms.RestoreForm;
import org.summittracker.notes.NoteForms.StrikeForm;
import org.summittracker.session.DiscussionNote;
import org.summittracker.session.DiscussionNoteRepository;
import org.summittracker.session.DiscussionNotes;
import org.summittracker.session.Session;
import org.summittracker.session.SessionRepository;
import org.summittracker.session.SessionViews.NoteView;
import org.summittracker.session.SessionViews.SessionHeader;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.Pages;

/**
 * The live note-taker view of a session (the notes so far and one short form, enhanced by
 * htmx when there is JavaScript) and each note's page: its wordings, the edit, strike and
 * restore forms. The rules live in {@link DiscussionNotes}.
 */
@Controller
class LiveNotesController {

	private static final String BASE = "/events/{event}/sessions/{session}/notes";

	/** The rules of a change whose form has nothing more for the domain to check. */
	private static final Consumer<Long> NO_RULES = (sessionId) -> {
	};

	private final SessionRepository sessions;

	private final DiscussionNoteRepository notes;

	private final DiscussionNotes discussion;

	private final ConcernRepository concerns;

	private final FollowUpRepository followUps;

	LiveNotesController(SessionRepository sessions, DiscussionNoteRepository notes, DiscussionNotes discussion,
			ConcernRepository concerns, FollowUpRepository followUps) {
		this.sessions = sessions;
		this.notes = notes;
		this.discussion = discussion;
		this.concerns = concerns;
		this.followUps = followUps;
	}

	/**
	 * The latest notes and the form to take the next one; with {@code page}, one page of
	 * all the notes in order.
	 */
	@GetMapping(BASE)
	String live(@PathVariable String event, @PathVariable String session, @RequestParam(required = false) Integer page,
			@CurrentActor Actor actor, Model model) {
		Session summitSession = session(event, session);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", NoteForm.empty());
		}
		return live(summitSession, page, actor, model);
	}

	@PostMapping(BASE)
	String take(@PathVariable String event, @PathVariable String session, @CurrentActor Actor actor,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@Valid @ModelAttribute("form") NoteForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Session summitSession = session(event, session);
		requireMayWrite(actor, summitSession);
		boolean inPlace = "true".equals(htmx);
		return FormSubmission.handle(result, () -> this.discussion.check(summitSession.getId(), form.draft(), actor),
				response, () -> {
					DiscussionNote note = this.discussion.take(summitSession.getId(), form.draft(), actor);
					if (inPlace) {
						model.addAttribute("taken",
								this.notes.findView(summitSession.getId(), note.getId()).orElseThrow());
						fill(summitSession, actor, model);
						model.addAttribute("form", NoteForm.empty());
						model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
						return "notes/live :: taken";
					}
					Notice.flash(redirect, "note.taken", note.getSeq());
					// "#new-note" names no element on purpose: a fragment naming one
					// would win
					// over
					// the speaker field's autofocus; focusing the field brings the form
					// into
					// view.
					return "redirect:" + path(summitSession) + "#new-note";
				}, () -> {
					if (inPlace) {
						// The form with its messages replaces the form; the list stays as
						// it is.
						response.setHeader("HX-Retarget", "#note-form");
						response.setHeader("HX-Reswap", "outerHTML");
						fill(summitSession, actor, model);
						return "notes/live :: noteForm";
					}
					return live(summitSession, null, actor, model);
				});
	}

	@GetMapping(BASE + "/{id}")
	String note(@PathVariable String event, @PathVariable String session, @PathVariable long id,
			@CurrentActor Actor actor, Model model) {
		Session summitSession = session(event, session);
		return notePage(summitSession, view(summitSession, id), actor, model);
	}

	@PostMapping(BASE + "/{id}")
	String edit(@PathVariable String event, @PathVariable String session, @PathVariable long id,
			@CurrentActor Actor actor, @Valid @ModelAttribute("form") NoteForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return changes(event, session, id, actor, form.version(), result, model, response, redirect, null,
				(sessionId) -> this.discussion.check(sessionId, form.draft(), actor), (sessionId, note) -> {
					this.discussion.edit(sessionId, id, form.version(), form.draft(), actor);
					return new Notice("note.edited", note.seq());
				});
	}

	@PostMapping(BASE + "/{id}/move")
	String move(@PathVariable String event, @PathVariable String session, @PathVariable long id,
			@CurrentActor Actor actor, @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form.direction() == null && !result.hasFieldErrors("direction")) {
			result.rejectValue("direction", "note.move.direction");
		}
		return changes(event, session, id, actor, form.version(), result, model, response, redirect,
				"note.move.refused", NO_RULES, (sessionId, note) -> {
					DiscussionNote moved = this.discussion.move(sessionId, id, form.version(), form.direction(), actor);
					return new Notice("note.moved", note.seq(), moved.getSeq());
				});
	}

	@PostMapping(BASE + "/{id}/strike")
	String strike(@PathVariable String event, @PathVariable String session, @PathVariable long id,
			@CurrentActor Actor actor, @Valid @ModelAttribute("strikeForm") StrikeForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changes(event, session, id, actor, form.version(), result, model, response, redirect, null, NO_RULES,
				(sessionId, note) -> {
					this.discussion.strike(sessionId, id, form.version(), form.reason(), actor);
					return new Notice("note.struck", note.seq());
				});
	}

	@PostMapping(BASE + "/{id}/restore")
	String restore(@PathVariable String event, @PathVariable String session, @PathVariable long id,
			@CurrentActor Actor actor, @Valid @ModelAttribute("restoreForm") RestoreForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changes(event, session, id, actor, form.version(), result, model, response, redirect,
				"note.restore.refused", NO_RULES, (sessionId, note) -> {
					this.discussion.restore(sessionId, id, form.version(), actor);
					return new Notice("note.restored", note.seq());
				});
	}

	/**
	 * What every change to one note shares: the note-takers only, against the version the
	 * form was filled in at; then back to the note in the live view, or the note's page
	 * saying what was wrong (422, with {@code refused} above it when the form has no
	 * field to show it at), or the note as it is now (409). {@code rules} is the domain's
	 * check of the change, for the session, which changes nothing.
	 */
	private String changes(String event, String session, long id, Actor actor, Long version, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, String refused,
			Consumer<Long> rules, BiFunction<Long, NoteView, Notice> change) {
		Session summitSession = session(event, session);
		requireMayWrite(actor, summitSession);
		NoteView note = view(summitSession, id);
		requireVersion(version, result);
		return FormSubmission.handle(result, () -> rules.accept(summitSession.getId()), response, () -> {
			Notice done = change.apply(summitSession.getId(), note);
			Notice.flash(redirect, done.code(), done.args());
			return "redirect:" + path(summitSession) + "#note-" + id;
		}, () -> {
			if (refused != null) {
				model.addAttribute("problem", new Notice(refused));
			}
			return notePage(summitSession, note, actor, model);
		}, () -> conflict(summitSession, id, actor, model));
	}

	private String live(Session session, Integer page, Actor actor, Model model) {
		Long id = session.getId();
		Page<NoteView> notes = (page != null) ? this.sessions.findNotes(id, Pages.request(page, NoteView.LIVE_PAGE))
				: this.sessions.findLatestNotes(id, NoteView.LIVE_PAGE);
		List<Long> shown = notes.map(NoteView::id).getContent();
		model.addAttribute("notes", notes);
		model.addAttribute("latest", page == null);
		Map<Long, List<FiledFromNote>> filed = this.concerns.findFiledFromNotes(shown)
			.stream()
			.collect(Collectors.groupingBy(FiledFromNote::noteId));
		Map<Long, List<FromNote>> assigned = this.followUps.findFromNotes(shown)
			.stream()
			.collect(Collectors.groupingBy(FromNote::noteId));
		model.addAttribute("concernsFiled", filed);
		model.addAttribute("followUpsAssigned", assigned);
		fill(session, actor, model);
		return "notes/live";
	}

	/** What the live view's form needs. */
	private void fill(Session session, Actor actor, Model model) {
		SessionHeader header = SessionHeader.of(session);
		model.addAttribute("summitSession", header);
		model.addAttribute("event", header.event());
		model.addAttribute("base", path(session));
		model.addAttribute("sessionPath", sessionPath(session));
		boolean mayWrite = this.discussion.mayWrite(actor, session.getId());
		model.addAttribute("mayWrite", mayWrite);
		model.addAttribute("mayFile", actor != null && (actor.isMaintainer() || actor.isOrganizer()));
		model.addAttribute("mayAssign", FollowUps.mayAssign(actor));
		model.addAttribute("kindChoices", kindChoices());
		if (mayWrite) {
			model.addAttribute("speakers", this.notes.findSpeakerSuggestions(session.getId()));
		}
	}

	private String notePage(Session session, NoteView note, Actor actor, Model model) {
		model.addAttribute("note", note);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NoteForm(note.speakerHandle(), note.kind(), note.body(), note.version()));
		}
		model.addAttribute("revisions", this.notes.findRevisions(note.id()));
		if (!model.containsAttribute("strikeForm")) {
			model.addAttribute("strikeForm", StrikeForm.empty(note.version()));
		}
		fill(session, actor, model);
		return "notes/show";
	}

	/**
	 * Nothing was saved: the note as it is now, with forms against its current version.
	 */
	private String conflict(Session session, long id, Actor actor, Model model) {
		NoteView current = view(session, id);
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "strikeForm");
		model.addAttribute("problem", new Notice("note.conflict"));
		model.addAttribute("form",
				new NoteForm(current.speakerHandle(), current.kind(), current.body(), current.version()));
		model.addAttribute("strikeForm", StrikeForm.empty(current.version()));
		return notePage(session, current, actor, model);
	}

	private void requireMayWrite(Actor actor, Session session) {
		if (!this.discussion.mayWrite(actor, session.getId())) {
			throw NotAllowedException.saying("session.denied.notes");
		}
	}

	private static void requireVersion(Long version, BindingResult result) {
		if (version == null) {
			result.reject("form.incomplete");
		}
	}

	private static List<Choice> kindChoices() {
		return Arrays.stream(DiscussionNote.Kind.values())
			.map((k) -> Choice.coded(k.name(), "note.kind." + k))
			.toList();
	}

	private NoteView view(Session session, long id) {
		return this.notes.findView(session.getId(), id).orElseThrow(() -> new NotFoundException("No note " + id));
	}

	private Session session(String event, String slug) {
		return this.sessions.findBySlugs(event, slug)
			.orElseThrow(() -> new NotFoundException("No session " + slug + " in " + event));
	}

	private static String sessionPath(Session session) {
		return "/events/" + session.getEvent().getSlug() + "/sessions/" + session.getSlug();
	}

	private static String path(Session session) {
		return sessionPath(session) + "/notes";
	}

}
