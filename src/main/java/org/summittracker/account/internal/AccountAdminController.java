package org.summittracker.account.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
import org.summittracker.account.Role;
import org.summittracker.account.internal.AccountForms.NewAccount;
import org.summittracker.account.internal.AccountForms.PasswordReset;
import org.summittracker.account.internal.AccountForms.PersonLink;
import org.summittracker.account.internal.AccountForms.RolesChange;
import org.summittracker.account.internal.AccountForms.StateChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;
import org.summittracker.shared.Choice;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;
import org.summittracker.shared.Pages;

/**
 * Administrators manage accounts here (the security configuration admits only the Admin
 * role to /admin).
 */
@Controller
class AccountAdminController {

	private static final int PAGE_SIZE = 50;

	/** The refusals of a roles change that say enough on their own. */
	private static final Set<String> CLEAR_REFUSALS = Set.of("account.roles.required", "account.roles.own-admin");

	private final AccountRepository accounts;

	private final AccountAdministration administration;

	private final PersonRepository people;

	AccountAdminController(AccountRepository accounts, AccountAdministration administration, PersonRepository people) {
		this.accounts = accounts;
		this.administration = administration;
		this.people = people;
	}

	@ModelAttribute("roleChoices")
	List<Choice> roleChoices() {
		return Choice.of(Role.values(), "role.");
	}

	@GetMapping("/admin/accounts")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("accounts", this.administration.page(Pages.request(page, PAGE_SIZE)));
		return "account/list";
	}

	@GetMapping("/admin/accounts/new")
	String initCreationForm(Model model) {
		model.addAttribute("form", NewAccount.empty());
		return "account/new";
	}

	@PostMapping("/admin/accounts")
	String processCreationForm(@CurrentActor Actor actor, @Valid @ModelAttribute("form") NewAccount form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Person person = null;
		if (!result.hasFieldErrors("person")) {
			person = this.people.findByHandle(form.person()).orElse(null);
			if (person == null) {
				result.rejectValue("person", "person.unknown", new Object[] { form.person() }, null);
			}
		}
		Person owner = person;
		return FormSubmission.handle(result,
				() -> this.administration.checkCreate(form.username(), owner, roles(form.roles())), response, () -> {
					Account account = this.administration.create(actor, form.username(), owner, roles(form.roles()),
							form.password());
					redirect.addFlashAttribute("notice", new Notice("account.created", account.getUsername()));
					return "redirect:/admin/accounts/" + account.getId();
				}, () -> "account/new");
	}

	@GetMapping("/admin/accounts/{id}")
	String show(@PathVariable long id, Model model) {
		return page(account(id), model);
	}

	@PostMapping("/admin/accounts/{id}/roles")
	String changeRoles(@CurrentActor Actor actor, @PathVariable long id, @ModelAttribute("rolesForm") RolesChange form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form.version() == null) {
			result.reject("form.incomplete");
		}
		return FormSubmission.handle(result, response, () -> {
			this.administration.changeRoles(actor, id, form.version(), roles(form.roles()));
			redirect.addFlashAttribute("notice", new Notice("account.roles.saved"));
			return "redirect:/admin/accounts/" + id;
		}, () -> {
			if (!result.hasFieldErrors("roles") || result.getFieldErrors("roles")
				.stream()
				.anyMatch((error) -> !CLEAR_REFUSALS.contains(error.getCode()))) {
				model.addAttribute("problem", new Notice("account.roles.choose"));
			}
			return page(account(id), model);
		}, () -> conflict(id, model));
	}

	@PostMapping("/admin/accounts/{id}/person")
	String linkPerson(@CurrentActor Actor actor, @PathVariable long id,
			@Valid @ModelAttribute("personForm") PersonLink form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return FormSubmission.handle(result, response, () -> {
			this.administration.linkPerson(actor, id, form.version(), form.person());
			redirect.addFlashAttribute("notice", new Notice("account.person.saved"));
			return "redirect:/admin/accounts/" + id;
		}, () -> page(account(id), model), () -> conflict(id, model));
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	String enable(@CurrentActor Actor actor, @PathVariable long id, @ModelAttribute("stateForm") StateChange form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		boolean unreadable = result.hasErrors() || form == null || form.enabled() == null || form.version() == null;
		if (unreadable) {
			result.reject("account.state.unreadable");
		}
		return FormSubmission.handle(result, response, () -> {
			this.administration.enable(actor, id, form.version(), form.enabled());
			redirect.addFlashAttribute("notice", new Notice(form.enabled() ? "account.enabled" : "account.disabled"));
			return "redirect:/admin/accounts/" + id;
		}, () -> {
			Account account = account(id);
			if (unreadable) {
				// Not this page's button: the page again, its button as the account is
				// now.
				// (Replacing the form drops its binding result from the model: put it
				// back.)
				model.addAttribute("stateForm", StateChange.of(account));
				model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "stateForm", result);
			}
			return page(account, model);
		}, () -> conflict(id, model));
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@CurrentActor Actor actor, @PathVariable long id,
			@Valid @ModelAttribute("passwordForm") PasswordReset form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return FormSubmission.handle(result, response, () -> {
			this.administration.resetPassword(actor, id, form.version(), form.password());
			redirect.addFlashAttribute("notice", new Notice("account.password.reset"));
			return "redirect:/admin/accounts/" + id;
		}, () -> page(account(id), model), () -> conflict(id, model));
	}

	/** Nothing was saved: the account as it is now. */
	private String conflict(long id, Model model) {
		for (String form : List.of("rolesForm", "personForm", "passwordForm", "stateForm")) {
			model.asMap().remove(form);
			model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + form);
		}
		model.addAttribute("problem", new Notice("account.conflict"));
		return page(account(id), model);
	}

	private static Set<Role> roles(List<Role> roles) {
		EnumSet<Role> set = EnumSet.noneOf(Role.class);
		if (roles != null) {
			roles.stream().filter(Objects::nonNull).forEach(set::add);
		}
		return set;
	}

	private String page(Account account, Model model) {
		model.addAttribute("account", account);
		if (!model.containsAttribute("rolesForm")) {
			model.addAttribute("rolesForm", new RolesChange(List.copyOf(account.getRoles()), account.getVersion()));
		}
		if (!model.containsAttribute("personForm")) {
			model.addAttribute("personForm", new PersonLink(
					(account.getPerson() != null) ? account.getPerson().getHandle() : "", account.getVersion()));
		}
		if (!model.containsAttribute("stateForm")) {
			model.addAttribute("stateForm", StateChange.of(account));
		}
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordReset("", account.getVersion()));
		}
		return "account/show";
	}

	private Account account(long id) {
		return this.accounts.findWithRoles(id).orElseThrow(() -> new NotFoundException("No account " + id));
	}

}
