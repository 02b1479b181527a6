package org.summittracker.account.internal;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.account.Role;
import org.summittracker.account.internal.AccountForms.NewAccount;
import org.summittracker.account.internal.AccountForms.PasswordReset;
import org.summittracker.account.internal.AccountForms.RolesChange;
import org.summittracker.people.Person;
import org.summittracker.people.PersonRepository;

/**
 * Administrators manage accounts here (the security configuration admits only the Admin
 * role to /admin).
 */
@Controller
class AccountAdminController {

	private static final int PAGE_SIZE = 50;

	private final AccountRepository accounts;

	private final AccountAdministration administration;

	private final PersonRepository people;

	AccountAdminController(AccountRepository accounts, AccountAdministration administration, PersonRepository people) {
		this.accounts = accounts;
		this.administration = administration;
		this.people = people;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping("/admin/accounts")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("accounts", this.administration.page(PageRequest.of(Math.max(page, 1) - 1, PAGE_SIZE)));
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
		Set<Role> roles = AccountForms.roles(form.roles());
		if (roles == null) {
			result.rejectValue("roles", "role.unknown", "Choose roles from the list.");
		}
		Person person = null;
		if (!result.hasFieldErrors("person")) {
			person = this.people.findByHandle(form.person()).orElse(null);
			if (person == null) {
				result.rejectValue("person", "person.unknown", "Nobody has the handle " + form.person() + ".");
			}
		}
		if (!result.hasErrors()) {
			try {
				Account account = this.administration.create(actor, form.username(), person, roles, form.password());
				redirect.addFlashAttribute("notice", "Created the account " + account.getUsername() + ".");
				return "redirect:/admin/accounts/" + account.getId();
			}
			catch (AccountRuleException ex) {
				result.rejectValue(ex.field(), "account.rule", ex.getMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "account/new";
	}

	@GetMapping("/admin/accounts/{id}")
	String show(@PathVariable long id, Model model) {
		return page(account(id), model);
	}

	@PostMapping("/admin/accounts/{id}/roles")
	String changeRoles(@CurrentActor Actor actor, @PathVariable long id, @ModelAttribute RolesChange form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Set<Role> roles = AccountForms.roles(form.roles());
		if (roles == null) {
			return invalid(id, model, response, "Choose roles from the list.");
		}
		this.administration.changeRoles(actor, id, form.version(), roles);
		redirect.addFlashAttribute("notice", "Roles saved.");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	String enable(@CurrentActor Actor actor, @PathVariable long id, @RequestParam boolean enabled,
			@RequestParam long version, RedirectAttributes redirect) {
		this.administration.enable(actor, id, version, enabled);
		redirect.addFlashAttribute("notice", enabled ? "The account may sign in again." : "The account is disabled.");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@CurrentActor Actor actor, @PathVariable long id,
			@Valid @ModelAttribute("passwordForm") PasswordReset form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return invalid(id, model, response, null);
		}
		this.administration.resetPassword(actor, id, form.version(), form.password());
		redirect.addFlashAttribute("notice", "Password reset. Tell its owner the new password in person.");
		return "redirect:/admin/accounts/" + id;
	}

	@ExceptionHandler(StaleAccountException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(StaleAccountException ex, Model model) {
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("problem", "Someone changed this account while you were looking at it. Nothing was saved; "
				+ "this is its current state. Make your change again if it is still needed.");
		return page(account(ex.accountId()), model);
	}

	private String invalid(long id, Model model, HttpServletResponse response, String problem) {
		if (problem != null) {
			model.addAttribute("problem", problem);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(account(id), model);
	}

	private String page(Account account, Model model) {
		model.addAttribute("account", account);
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordReset("", account.getVersion()));
		}
		return "account/show";
	}

	private Account account(long id) {
		return this.accounts.findWithRoles(id).orElseThrow(() -> new AccountNotFoundException(id));
	}

}
