package org.summittracker.account.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;

/**
 * The sign-in page; Spring Security handles the form's POST and /logout.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@CurrentActor Actor actor, @RequestParam(required = false) String error,
			@RequestParam(required = false) String refused, @RequestParam(required = false) String minutes,
			@RequestParam(required = false) String signedout, Model model) {
		if (actor != null && error == null && refused == null) {
			return "redirect:/";
		}
		if (refused != null) {
			long wait = parseMinutes(minutes);
			String unit = (wait == 1) ? "minute" : "minutes";
			model.addAttribute("problem", "address".equals(refused)
					? "Too many failed sign-ins have come from your network address. Sign-in from it is paused; "
							+ "try again in " + wait + " " + unit + "."
					: "Too many failed sign-ins for this account. Its sign-in is paused; try again in " + wait + " "
							+ unit + ".");
		}
		else if (error != null) {
			model.addAttribute("problem", "The username or password is not right.");
		}
		if (signedout != null) {
			model.addAttribute("notice", "You have signed out.");
		}
		return "account/login";
	}

	private static long parseMinutes(String minutes) {
		try {
			return Math.min(Math.max(Long.parseLong(minutes), 1), 60);
		}
		catch (NumberFormatException ex) {
			return 5;
		}
	}

}
