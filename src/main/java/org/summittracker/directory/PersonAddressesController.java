package org.summittracker.directory;

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
import org.summittracker.directory.DirectoryForms.AddressForm;
import org.summittracker.people.Person;
import org.summittracker.people.PersonAddresses;
import org.summittracker.people.PersonRepository;
import org.summittracker.people.PersonView;
import org.summittracker.shared.FormSubmission;
import org.summittracker.shared.NotFoundException;
import org.summittracker.shared.Notice;

/**
 * A person's addresses: the one on their record first, then the further ones mail
 * trailers find them by; the person themself, organizers and administrators add one.
 */
@Controller
class PersonAddressesController {

	private final PersonRepository people;

	private final PersonAddresses addresses;

	private final PersonAuthoring authoring;

	PersonAddressesController(PersonRepository people, PersonAddresses addresses, PersonAuthoring authoring) {
		this.people = people;
		this.addresses = addresses;
		this.authoring = authoring;
	}

	@GetMapping("/people/{handle}/addresses")
	String addresses(@CurrentActor Actor actor, @PathVariable String handle, Model model) {
		Person person = person(handle);
		model.addAttribute("form", new AddressForm(""));
		return page(actor, person, model);
	}

	@PostMapping("/people/{handle}/addresses")
	String addAddress(@CurrentActor Actor actor, @PathVariable String handle,
			@Valid @ModelAttribute("form") AddressForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Person person = person(handle);
		PersonAuthoring.requireMayAddAddress(actor, person);
		return FormSubmission.handle(result, response, () -> {
			this.authoring.addAddress(person, form.address(), actor);
			Notice.flash(redirect, "person.address.added", form.address().strip(), person.getName());
			return "redirect:/people/" + person.getHandle() + "/addresses";
		}, () -> page(actor, person, model));
	}

	private String page(Actor actor, Person person, Model model) {
		model.addAttribute("person", PersonView.of(person));
		model.addAttribute("addresses", this.addresses.of(person.getId()));
		model.addAttribute("mayAdd", PersonAuthoring.mayAddAddress(actor, person));
		return "people/addresses";
	}

	private Person person(String handle) {
		return this.people.findByHandle(handle)
			.filter((p) -> !p.isMerged())
			.orElseThrow(() -> new NotFoundException("No person " + handle));
	}

}
