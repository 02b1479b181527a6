package org.summittracker.directory;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import org.summittracker.account.CurrentActor;
import org.summittracker.directory.DirectoryForms.MergeForm;
import org.summittracker.directory.DirectoryForms.PersonForm;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * Organizers create and edit people; administrators merge two records of one person.
 */
@Controller
class PersonAuthoringController {

	private final PersonRepository people;

	private final PersonAuthoring authoring;

	PersonAuthoringController(PersonRepository people, PersonAuthoring authoring) {
		this.people = people;
		this.authoring = authoring;
	}

	@GetMapping("/people/new")
	String initCreationForm(@CurrentActor Actor actor, Model model) {
		PersonAuthoring.requireOrganizer(actor);
		model.addAttribute("form", PersonForm.empty());
		return "people/new";
	}

	@PostMapping("/people")
	String processCreationForm(@CurrentActor Actor actor, @Valid @ModelAttribute("form") PersonForm form,
			BindingResult result, HttpServletResponse response, RedirectAttributes redirect) {
		PersonAuthoring.requireOrganizer(actor);
		return FormSubmission.handle(result, () -> this.authoring.checkNew(form.draft()), response, () -> {
			Person person = this.authoring.create(form.draft(), actor);
			Notice.flash(redirect, "person.created", person.getName());
			return "redirect:/people/" + person.getHandle();
		}, () -> "people/new");
	}

	@GetMapping("/people/{handle}/edit")
	String initUpdateForm(@CurrentActor Actor actor, @PathVariable String handle, Model model) {
		PersonAuthoring.requireOrganizer(actor);
		Person person = person(handle);
		model.addAttribute("person", person);
		model.addAttribute("form", PersonForm.of(person));
		return "people/edit";
	}

	@PostMapping("/people/{handle}")
	String processUpdateForm(@CurrentActor Actor actor, @PathVariable String handle,
			@Valid @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		PersonAuthoring.requireOrganizer(actor);
		Person person = person(handle);
		model.addAttribute("person", person);
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result, () -> this.authoring.checkEdit(person.getId(), form.draft()), response,
				() -> {
					Person saved = this.authoring.edit(person.getId(), form.version(), form.draft(), actor);
					Notice.flash(redirect, "person.saved", saved.getName());
					return "redirect:/people/" + saved.getHandle();
				}, () -> "people/edit", () -> {
					Person current = person(handle);
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					model.addAttribute("person", current);
					model.addAttribute("form", PersonForm.of(current));
					model.addAttribute("mine", form);
					model.addAttribute("problem", new Notice("person.conflict"));
					return "people/edit";
				});
	}

	@GetMapping("/admin/people/merge")
	String initMergeForm(@CurrentActor Actor actor, @RequestParam(required = false) String kept,
			@RequestParam(required = false) String merged, Model model) {
		actor.require(actor.isAdmin(), "person.denied.merge");
		model.addAttribute("form", new MergeForm(kept, merged, null));
		return "people/merge";
	}

	@PostMapping("/admin/people/merge")
	String processMergeForm(@CurrentActor Actor actor, @Valid @ModelAttribute("form") MergeForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		actor.require(actor.isAdmin(), "person.denied.merge");
		return FormSubmission.handle(result, () -> this.authoring.checkMerge(form.kept(), form.merged(), actor),
				response, () -> {
					if (!form.isConfirmed()) {
						// Nothing merged yet: the two records, when they may be merged,
						// to
						// be confirmed.
						this.authoring.checkMerge(form.kept(), form.merged(), actor);
						model.addAttribute("keptPerson", person(form.kept().strip()));
						model.addAttribute("mergedPerson", person(form.merged().strip()));
						return "people/merge";
					}
					Map<String, Integer> moved = this.authoring.merge(form.kept(), form.merged(), actor);
					int rows = moved.values().stream().mapToInt(Integer::intValue).sum();
					Notice.flash(redirect, "person.merged", form.merged().strip(), form.kept().strip(), rows);
					return "redirect:/people/" + form.kept().strip();
				}, () -> "people/merge");
	}

	private Person person(String handle) {
		return this.people.findByHandle(handle)
			.filter((p) -> !p.isMerged())
			.orElseThrow(() -> new NotFoundException("No person " + handle));
	}

}
