package org.summittracker.event;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
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
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * Organizers create and edit events; the rules are {@link EventAuthoring}'s.
 */
@Controller
class EventAuthoringController {

	private final EventRepository events;

	private final EventAuthoring authoring;

	EventAuthoringController(EventRepository events, EventAuthoring authoring) {
		this.events = events;
		this.authoring = authoring;
	}

	@GetMapping("/events/new")
	String initCreationForm(@CurrentActor Actor actor, Model model) {
		requireOrganizer(actor);
		model.addAttribute("form", EventForm.empty());
		return form(model, "events/new");
	}

	@PostMapping("/events")
	String processCreationForm(@CurrentActor Actor actor, @Valid @ModelAttribute("form") EventForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		return FormSubmission.handle(result, () -> this.authoring.checkNew(form.draft()), response, () -> {
			Event event = this.authoring.create(form.draft(), actor);
			Notice.flash(redirect, "event.created", event.getName());
			return "redirect:/events/" + event.getSlug();
		}, () -> form(model, "events/new"));
	}

	@GetMapping("/events/{event}/edit")
	String initUpdateForm(@CurrentActor Actor actor, @PathVariable("event") String slug, Model model) {
		requireOrganizer(actor);
		Event event = event(slug);
		model.addAttribute("event", event);
		model.addAttribute("form", EventForm.of(event));
		return form(model, "events/edit");
	}

	@PostMapping("/events/{event}")
	String processUpdateForm(@CurrentActor Actor actor, @PathVariable("event") String slug,
			@Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireOrganizer(actor);
		Event event = event(slug);
		model.addAttribute("event", event);
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result, () -> this.authoring.checkEdit(event.getId(), form.draft()), response,
				() -> {
					Event saved = this.authoring.edit(event.getId(), form.version(), form.draft(), actor);
					Notice.flash(redirect, "event.saved", saved.getName());
					return "redirect:/events/" + saved.getSlug();
				}, () -> form(model, "events/edit"), () -> {
					// Nothing was saved: the saved version in the form, theirs beside it.
					Event current = event(slug);
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					model.addAttribute("event", current);
					model.addAttribute("form", EventForm.of(current));
					model.addAttribute("mine", form);
					model.addAttribute("problem", new Notice("event.conflict"));
					return form(model, "events/edit");
				});
	}

	private String form(Model model, String view) {
		model.addAttribute("statusChoices", Choice.of(Event.Status.values(), "event.status."));
		return view;
	}

	private Event event(String slug) {
		return this.events.findBySlug(slug).orElseThrow(() -> new NotFoundException("No event " + slug));
	}

	private static void requireOrganizer(Actor actor) {
		if (actor == null) {
			throw NotAllowedException.saying("event.denied.sign-in");
		}
		actor.require(actor.isOrganizer(), "event.denied.organizers");
	}

}
