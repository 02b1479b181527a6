package org.summittracker.account.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.shared.Notice;

/**
 * The sign-in page; Spring Security handles the form's POST and /logout.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@CurrentActor Actor actor, @RequestParam(required = false) String error,
			@RequestParam(required = false) LoginThrottle.Scope refused,
			@RequestParam(required = false) Integer minutes, @RequestParam(required = false) String signedout,
			Model model) {
		if (actor != null && error == null && refused == null) {
			return "redirect:/";
		}
		if (refused != null) {
			model.addAttribute("problem",
					new Notice(
							(refused == LoginThrottle.Scope.ADDRESS) ? "login.refused.address"
									: "login.refused.account",
							(minutes != null) ? Math.min(Math.max(minutes, 1), 60) : 5));
		}
		else if (error != null) {
			model.addAttribute("problem", new Notice("login.failed"));
		}
		if (signedout != null) {
			model.addAttribute("notice", new Notice("login.signed-out"));
		}
		return "account/login";
	}

}
