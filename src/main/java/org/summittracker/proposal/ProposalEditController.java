package org.summittracker.proposal;

import java.util.Arrays;

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
import org.summittracker.account.Actors;
import org.summittracker.account.CurrentActor;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * The organizers' page that edits a proposal and splits parts off it; the rules are
 * {@link ProposalEditing}'s.
 */
@Controller
class ProposalEditController {

	private static final String KEY = "/proposals/{key:[a-z0-9][a-z0-9-]*}";

	private final ProposalRepository proposals;

	private final ProposalEditing editing;

	private final Actors actors;

	ProposalEditController(ProposalRepository proposals, ProposalEditing editing, Actors actors) {
		this.proposals = proposals;
		this.editing = editing;
		this.actors = actors;
	}

	@GetMapping(KEY + "/edit")
	String initUpdateForm(@CurrentActor Actor actor, @PathVariable String key, Model model) {
		Proposal proposal = find(key);
		requireOrganizer(actor);
		model.addAttribute("editForm", this.editing.formOf(key));
		return page(proposal, model);
	}

	@PostMapping(KEY)
	String processUpdateForm(@CurrentActor Actor actor, @PathVariable String key,
			@Valid @ModelAttribute("editForm") ProposalEdit form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Proposal proposal = find(key);
		Actor by = requireOrganizer(actor);
		return FormSubmission.handle(result, () -> this.editing.checkEdit(by, key, form), response, () -> {
			this.editing.edit(by, key, form);
			Notice.flash(redirect, "proposal.saved", key);
			return "redirect:/proposals/" + key;
		}, () -> page(proposal, model), () -> {
			// Nothing was saved: their form again, against the current version.
			ProposalEdit current = this.editing.formOf(key);
			model.addAttribute("problem", new Notice("proposal.edit.conflict"));
			model.addAttribute("editForm", new ProposalEdit(form.title(), form.statement(), form.status(),
					form.supersededBy(), form.subsystems(), form.decidedIn(), current.version()));
			model.addAttribute("current", current);
			return page(proposal, model);
		});
	}

	@PostMapping(KEY + "/parts")
	String split(@CurrentActor Actor actor, @PathVariable String key,
			@Valid @ModelAttribute("partForm") ProposalDraft form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Proposal proposal = find(key);
		Actor by = requireOrganizer(actor);
		return FormSubmission.handle(result, () -> this.editing.checkSplit(by, key, form), response, () -> {
			Proposal part = this.editing.split(by, key, form);
			Notice.flash(redirect, "proposal.split", part.getKey(), key);
			return "redirect:/proposals/" + part.getKey();
		}, () -> {
			model.addAttribute("editForm", this.editing.formOf(key));
			return page(proposal, model);
		});
	}

	private String page(Proposal proposal, Model model) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("statusChoices",
				Arrays.stream(ProposalStatus.values())
					.map((s) -> Choice.coded(s.name(), "proposal.status." + s.name()))
					.toList());
		model.addAttribute("sessionChoices",
				this.editing.sessionsOf(proposal).stream().map((s) -> Choice.of(s.value(), s.label())).toList());
		if (!model.containsAttribute("partForm")) {
			model.addAttribute("partForm", ProposalDraft.empty());
		}
		return "proposals/edit";
	}

	private Actor requireOrganizer(Actor actor) {
		Actor by = (actor != null) ? actor : this.actors.required();
		by.require(by.isOrganizer(), "proposal.denied.edit");
		return by;
	}

	private Proposal find(String key) {
		return this.proposals.findByKey(key).orElseThrow(() -> new NotFoundException("No proposal " + key));
	}

}
