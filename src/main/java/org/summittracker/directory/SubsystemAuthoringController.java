package org.summittracker.directory;

import java.util.List;
import java.util.stream.Collectors;

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
import org.summittracker.directory.DirectoryForms.SubsystemForm;
import org.summittracker.people.MaintainershipRepository;
import org.summittracker.people.Subsystem;
import org.summittracker.people.SubsystemMaintainer;
import org.summittracker.people.SubsystemRepository;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * Organizers create and edit subsystems, with their maintainers and reviewers.
 */
@Controller
class SubsystemAuthoringController {

	private final SubsystemRepository subsystems;

	private final MaintainershipRepository maintainerships;

	private final SubsystemAuthoring authoring;

	SubsystemAuthoringController(SubsystemRepository subsystems, MaintainershipRepository maintainerships,
			SubsystemAuthoring authoring) {
		this.subsystems = subsystems;
		this.maintainerships = maintainerships;
		this.authoring = authoring;
	}

	@GetMapping("/subsystems/new")
	String initCreationForm(@CurrentActor Actor actor, Model model) {
		PersonAuthoring.requireOrganizer(actor);
		model.addAttribute("form", SubsystemForm.empty());
		return form(model, "subsystems/new");
	}

	@PostMapping("/subsystems")
	String processCreationForm(@CurrentActor Actor actor, @Valid @ModelAttribute("form") SubsystemForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		PersonAuthoring.requireOrganizer(actor);
		return FormSubmission.handle(result, () -> this.authoring.checkNew(form.draft()), response, () -> {
			List<Subsystem> similar = this.authoring.similarTo(form.draft());
			Subsystem subsystem = this.authoring.create(form.draft(), actor);
			if (similar.isEmpty()) {
				Notice.flash(redirect, "subsystem.created", subsystem.getName());
			}
			else {
				Notice.flash(redirect, "subsystem.created.alongside", subsystem.getName(), subsystem.getSlug(),
						SubsystemAuthoring.named(similar));
			}
			return "redirect:/subsystems/" + subsystem.getSlug();
		}, () -> {
			if (result.hasFieldErrors("alongsideSimilar")) {
				// Links to them, to open the existing one instead.
				model.addAttribute("similar", this.authoring.similarTo(form.draft()));
			}
			return form(model, "subsystems/new");
		});
	}

	@GetMapping("/subsystems/{slug}/edit")
	String initUpdateForm(@CurrentActor Actor actor, @PathVariable String slug, Model model) {
		PersonAuthoring.requireOrganizer(actor);
		Subsystem subsystem = subsystem(slug);
		model.addAttribute("subsystem", subsystem);
		model.addAttribute("form", formOf(subsystem));
		return form(model, "subsystems/edit");
	}

	@PostMapping("/subsystems/{slug}")
	String processUpdateForm(@CurrentActor Actor actor, @PathVariable String slug,
			@Valid @ModelAttribute("form") SubsystemForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		PersonAuthoring.requireOrganizer(actor);
		Subsystem subsystem = subsystem(slug);
		model.addAttribute("subsystem", subsystem);
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result, () -> this.authoring.checkEdit(subsystem.getId(), form.draft()), response,
				() -> {
					Subsystem saved = this.authoring.edit(subsystem.getId(), form.version(), form.draft(), actor);
					Notice.flash(redirect, "subsystem.saved", saved.getName());
					return "redirect:/subsystems/" + saved.getSlug();
				}, () -> form(model, "subsystems/edit"), () -> {
					Subsystem current = subsystem(slug);
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					model.addAttribute("subsystem", current);
					model.addAttribute("form", formOf(current));
					model.addAttribute("mine", form);
					model.addAttribute("problem", new Notice("subsystem.conflict"));
					return form(model, "subsystems/edit");
				});
	}

	private SubsystemForm formOf(Subsystem subsystem) {
		List<SubsystemMaintainer> people = this.maintainerships.findBySubsystemIds(List.of(subsystem.getId()));
		return new SubsystemForm(subsystem.getSlug(), subsystem.getName(), subsystem.getStatus(),
				subsystem.getMailingList(), handles(people, true), handles(people, false), subsystem.getVersion(),
				null);
	}

	private static String handles(List<SubsystemMaintainer> people, boolean maintainers) {
		return people.stream()
			.filter((m) -> m.isMaintainer() == maintainers)
			.map(SubsystemMaintainer::handle)
			.collect(Collectors.joining(", "));
	}

	private String form(Model model, String view) {
		model.addAttribute("statusChoices", Choice.of(Subsystem.Status.values(), "subsystem.status."));
		return view;
	}

	private Subsystem subsystem(String slug) {
		return this.subsystems.findBySlug(slug).orElseThrow(() -> new NotFoundException("No subsystem " + slug));
	}

}
